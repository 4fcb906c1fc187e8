namespace ConsentPlatform.Portal.SignIn;

/// <summary>The signed-in user's token for the platform's API.</summary>
public interface IAccessTokenSource
{
    Task<string?> GetAsync(HttpContext context);
}

/// <summary>The API token kept inside the encrypted session cookie: from <c>/auth/dev-token</c> (local mode) or redeemed with the sign-in's code (production).</summary>
public sealed class CookieTokenSource(TimeProvider clock) : IAccessTokenSource
{
    public const string TokenName = "access_token";

    /// <summary>When the token runs out, as the OpenID Connect handler saves it with the tokens (production).</summary>
    public const string ExpiresAtName = "expires_at";

    /// <summary>
    /// The token, or <see cref="SessionExpiredException"/> once it has run out: the session ends with
    /// the token, whatever clock skew the API would still allow it.
    /// </summary>
    public async Task<string?> GetAsync(HttpContext context)
    {
        var expiresAt = await context.GetTokenAsync(ExpiresAtName);
        if (expiresAt is not null
            && DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            && at <= clock.GetUtcNow())
        {
            throw new SessionExpiredException();
        }

        return await context.GetTokenAsync(TokenName);
    }
}

/// <summary>The API refused the user's token (or there is none): they must sign in again.</summary>
public sealed class SessionExpiredException : Exception
{
    public SessionExpiredException()
        : base("The session's API token is missing, expired or refused.")
    {
    }

    public SessionExpiredException(string message)
        : base(message)
    {
    }

    public SessionExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
