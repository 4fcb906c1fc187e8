using Microsoft.AspNetCore.Authentication;
using Microsoft.Identity.Web;

namespace ConsentPlatform.Portal.SignIn;

/// <summary>The signed-in user's token for the platform's API.</summary>
public interface IAccessTokenSource
{
    Task<string?> GetAsync(HttpContext context);
}

/// <summary>Local mode: the token from <c>/auth/dev-token</c>, kept inside the encrypted session cookie.</summary>
public sealed class CookieTokenSource : IAccessTokenSource
{
    public const string TokenName = "access_token";

    public Task<string?> GetAsync(HttpContext context) => context.GetTokenAsync(TokenName);
}

/// <summary>Production: a token for the API acquired for the signed-in user by Microsoft.Identity.Web.</summary>
public sealed class EntraTokenSource(ITokenAcquisition tokens, IConfiguration configuration) : IAccessTokenSource
{
    public async Task<string?> GetAsync(HttpContext context)
    {
        try
        {
            return await tokens.GetAccessTokenForUserAsync(PortalSignIn.ApiScopes(configuration), user: context.User);
        }
        catch (MicrosoftIdentityWebChallengeUserException)
        {
            throw new SessionExpiredException();
        }
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
