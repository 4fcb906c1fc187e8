namespace ConsentPlatform.Gateway.Limits;

/// <summary>
/// No request the API accepts needs more than 64 KiB. Kestrel enforces the limit on every body
/// as it streams (a chunked body is cut off when it passes the limit); a body that declares its
/// length is refused before anything reads it, with a clear 413.
/// </summary>
public static class RequestBodyLimit
{
    public const long MaxBytes = 64 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxBytes);
        builder.Services.AddCallerRateLimits(builder.Configuration);
        builder.Services.AddDisclosureAdmission();
        return builder;
    }

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxBytes)
            {
                // The unread body is still on the wire: the connection cannot serve another request.
                context.Response.Headers.Connection = "close";
                await Refusals.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body may be at most {MaxBytes} bytes.");
                return;
            }

            await next(context);
        });
}
