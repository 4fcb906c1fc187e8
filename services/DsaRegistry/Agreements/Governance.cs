using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Contracts.DsaRegistry;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Problems;

namespace ConsentPlatform.DsaRegistry.Agreements;

/// <summary>The guards the decisions share: who may govern a DSA, when it may be live, what a reason is.</summary>
public static class Governance
{
    public const int MaxReasonLength = 1000;

    /// <summary>Only an IG officer of an organisation that is a party may draft, amend or change the status of a DSA.</summary>
    public static void EnsureMayGovern(EventActor actor, DsaContent content)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        if (!string.Equals(actor.Role, PlatformRoles.IgOfficer, StringComparison.Ordinal))
        {
            throw new ForbiddenException("Only an IG officer may author or govern a DSA.");
        }

        if (actor.OrgId is null || content.PartyOf(actor.OrgId) is null)
        {
            throw new ForbiddenException("Only an IG officer of an organisation that is a party to the DSA may author or govern it.");
        }
    }

    /// <summary>
    /// A DSA may become active (activated or reinstated) only while its content meets every
    /// rule of <see cref="DsaTermsValidation"/> and its window has not ended.
    /// </summary>
    public static void EnsureMayBeActive(Agreement state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var errors = DsaTermsValidation.Validate(DsaTerms.From(state.Content));
        if (errors.Count > 0)
        {
            var broken = string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
            throw new ConflictException($"DSA {state.Id} does not meet the rules of a valid DSA and cannot be active: {broken}");
        }

        if (now >= state.Content.EffectiveTo)
        {
            throw new ConflictException($"DSA {state.Id} ended on {state.Content.EffectiveTo:O} and cannot be active.");
        }
    }

    /// <summary>
    /// Issue 17: a DSA binds only organisations that signed it. Activating or reinstating before
    /// every party signed the current terms is 409, naming those still to sign.
    /// </summary>
    public static void EnsureEveryPartySigned(Agreement state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var awaiting = state.AwaitingSignatureFrom;
        if (awaiting.Count > 0)
        {
            throw new ConflictException(
                $"DSA {state.Id} binds only organisations that signed it: still to sign version {state.TermsVersion}: "
                + string.Join(", ", awaiting.Select(p => $"{p.Name} ({p.OrgId})"))
                + ". Each party's IG officer signs it (POST /api/dsas/{id}/sign); the last signature makes it active.");
        }
    }

    /// <summary>A suspension or termination says why: 1 to <see cref="MaxReasonLength"/> characters.</summary>
    public static string RequireReason(string? reason)
    {
        var trimmed = reason?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw Invalid("reason", "A reason is required.");
        }

        if (trimmed.Length > MaxReasonLength)
        {
            throw Invalid("reason", $"The reason must be at most {MaxReasonLength} characters.");
        }

        return trimmed;
    }

    public static ConflictException NotAllowedIn(Agreement state, string change)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new ConflictException($"DSA {state.Id} is {WireNames.Of(state.Status)}: it cannot be {change}.");
    }

    private static RequestValidationException Invalid(string field, string message) => new(field, message);
}
