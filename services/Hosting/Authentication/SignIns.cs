namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// A young carer's sign-in as the platform names it: a hash of the token's issuer and subject
/// (<c>iss</c>, <c>sub</c>), so that links and the ledger never hold an identity provider's own
/// identifiers, while the same sign-in always gives the same name.
/// </summary>
public static class SignIns
{
    public static string? HashOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var issuer = principal.FindFirst("iss")?.Value;
        var subject = principal.FindFirst("sub")?.Value;
        return string.IsNullOrEmpty(issuer) || string.IsNullOrEmpty(subject) ? null : HashOf(issuer, subject);
    }

    public static string HashOf(string issuer, string subject)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(subject);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{issuer.Length}:{issuer}|{subject}"));
        return "sha256:" + Convert.ToHexStringLower(bytes);
    }
}

/// <summary>
/// The ledger id a young carer's sign-in is linked to (issue 18): registered by the services that
/// need the caller's subject (the consent service from its own store, others by asking it). Throws
/// <see cref="SubjectLinksUnavailableException"/> when it cannot tell: authentication then fails.
/// </summary>
public interface ISubjectLinks
{
    Task<string?> SubjectOfAsync(string signInHash, CancellationToken cancellationToken);
}

public sealed class SubjectLinksUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
