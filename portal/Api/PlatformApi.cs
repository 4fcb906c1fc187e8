namespace ConsentPlatform.Portal.Api;

/// <summary>
/// The platform's API as the portal uses it: every call goes through the gateway with the
/// signed-in user's own token, so the portal can do nothing the user could not do with curl.
/// Answers are never thrown: a refusal or an unreachable platform comes back as an
/// <see cref="ApiProblem"/> that a page shows as a message. Only 401 (token expired) throws
/// <see cref="SessionExpiredException"/>, which sends the person back to sign in.
/// </summary>
public sealed class PlatformApi(HttpClient http, IAccessTokenSource tokens, IHttpContextAccessor context, ILogger<PlatformApi> logger)
{
    /// <summary>Reads the API's JSON into the services' own records: camelCase, enums by the services' wire names, unknown fields ignored.</summary>
    public static JsonSerializerOptions Json => ApiWireNames.ReadingOptions;

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Get, path, body: null, cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body ?? new { }, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Put, path, body, cancellationToken);

    /// <summary>A DELETE that answers no body: null when it was done, else the problem.</summary>
    public async Task<ApiProblem?> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync<object>(HttpMethod.Delete, path, body: null, cancellationToken);
        // 204: no JSON to read is success here.
        return result.Ok || result.Problem!.Status is >= 200 and < 300 ? null : result.Problem;
    }

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var httpContext = context.HttpContext ?? throw new InvalidOperationException("The API is called from a request only.");
        var token = await tokens.GetAsync(httpContext) ?? throw new SessionExpiredException();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // A shared tenant's user acts for the organisation they chose in the portal; every process checks it against the mapping.
        if (httpContext.User.HasClaim(c => c.Type == TenantTokenMapper.OrgChoiceClaim)
            && httpContext.User.FindFirst(PlatformClaims.Org)?.Value is { } actingOrg)
        {
            request.Headers.Add(TenantTokenMapper.ActingOrgHeader, actingOrg);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaTypeNames.Application.Json));
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, MediaTypeNames.Application.Json);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("API {Method} {Path} did not answer: {Error}", method, path, e.Message);
            return ApiResult<T>.Failed(ApiProblem.Unavailable);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized) throw new SessionExpiredException();
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    var value = JsonSerializer.Deserialize<T>(string.IsNullOrEmpty(text) ? "null" : text, Json);
                    return value is null ? ApiResult<T>.Failed(ApiProblem.Unreadable((int)response.StatusCode)) : ApiResult<T>.Succeeded(value);
                }
                catch (JsonException e)
                {
                    logger.LogWarning("API {Method} {Path} answered JSON the portal cannot read: {Error}", method, path, e.Message);
                    return ApiResult<T>.Failed(ApiProblem.Unreadable((int)response.StatusCode));
                }
            }

            logger.LogInformation("API {Method} {Path} answered {Status}", method, path, (int)response.StatusCode);
            return ApiResult<T>.Failed(ApiProblem.From((int)response.StatusCode, text));
        }
    }
}

/// <summary>Either the value the API answered or the problem it reported.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Ok => Problem is null;

    public static ApiResult<T> Succeeded(T value) => new(value, null);

    public static ApiResult<T> Failed(ApiProblem problem) => new(default, problem);
}

public static class PlatformApiRegistration
{
    public static IServiceCollection AddPlatformApi(this IServiceCollection services, IConfiguration configuration)
    {
        var gateway = configuration["Gateway:BaseAddress"];
        services.AddHttpClient<PlatformApi>(c =>
        {
            c.BaseAddress = new Uri(string.IsNullOrWhiteSpace(gateway) ? "http://127.0.0.1:8080" : gateway);
            c.Timeout = TimeSpan.FromSeconds(15);
        });
        return services;
    }
}
