namespace ConsentPlatform.DsaRegistry.Agreements;

/// <summary>
/// The guards the decisions share: who may govern a DSA, when it may be live, what a reason is.
/// Each is a refusal or null (ADR 0016), so a decision reads <c>if (Governance.X(…) is { } refusal) return refusal;</c>.
/// </summary>
public static class Governance
{
    public const int MaxReasonLength = 1000;

    /// <summary>Only an IG officer of an organisation that is a party may draft, amend or change the status of a DSA: 403 otherwise.</summary>
    public static Refusal? MayNotGovern(EventActor actor, DsaContent content)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(content);
        if (!string.Equals(actor.Role, PlatformRoles.IgOfficer, StringComparison.Ordinal))
        {
            return Refusal.Forbidden("Only an IG officer may author or govern a DSA.");
        }

        return actor.OrgId is null || content.PartyOf(actor.OrgId) is null
            ? Refusal.Forbidden("Only an IG officer of an organisation that is a party to the DSA may author or govern it.")
            : null;
    }

    /// <summary>
    /// The first refusal of a change of <paramref name="state"/>: the actor may not govern it (403),
    /// or the change is not allowed in its status (409, <paramref name="change"/> says which and why).
    /// </summary>
    public static Refusal? MayNotChange(EventActor actor, Agreement state, bool allowedInStatus, string change)
    {
        ArgumentNullException.ThrowIfNull(state);
        return MayNotGovern(actor, state.Content) ?? (allowedInStatus ? null : NotAllowedIn(state, change));
    }

    /// <summary>
    /// A DSA may become active (activated or reinstated) only while its content meets every
    /// rule of <see cref="DsaTermsValidation"/> and its window has not ended: 409 otherwise.
    /// </summary>
    public static Refusal? MayNotBeActive(Agreement state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var errors = DsaTermsValidation.Validate(DsaTerms.From(state.Content));
        if (errors.Count > 0)
        {
            var broken = string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
            return Refusal.Conflict($"DSA {state.Id} does not meet the rules of a valid DSA and cannot be active: {broken}");
        }

        return now >= state.Content.EffectiveTo
            ? Refusal.Conflict($"DSA {state.Id} ended on {state.Content.EffectiveTo:O} and cannot be active.")
            : null;
    }

    /// <summary>
    /// Issue 17: a DSA binds only organisations that signed it. Activating or reinstating before
    /// every party signed the current terms is 409, naming those still to sign.
    /// </summary>
    public static Refusal? NotSignedByEveryParty(Agreement state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var awaiting = state.AwaitingSignatureFrom;
        return awaiting.Count == 0
            ? null
            : Refusal.Conflict(
                $"DSA {state.Id} binds only organisations that signed it: still to sign version {state.TermsVersion}: "
                + string.Join(", ", awaiting.Select(p => $"{p.Name} ({p.OrgId})"))
                + ". Each party's IG officer signs it (POST /api/dsas/{id}/sign); the last signature makes it active.");
    }

    /// <summary>Activation and reinstatement alike: it may be active at all, and every party signed.</summary>
    public static Refusal? MayNotBecomeActive(Agreement state, DateTimeOffset now) =>
        MayNotBeActive(state, now) ?? NotSignedByEveryParty(state);

    /// <summary>
    /// Activation and reinstatement alike: the actor may change it in this status
    /// (<see cref="MayNotChange"/>), it may become active (<see cref="MayNotBecomeActive"/>); then
    /// the one event <paramref name="becameActive"/>.
    /// </summary>
    public static Decision BecomeActive<TCommand>(TCommand command, Agreement state, Func<DsaStatus, bool> allowedIn, string change, Func<TCommand, object> becameActive)
        where TCommand : IAgreementChange
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(allowedIn);
        ArgumentNullException.ThrowIfNull(becameActive);
        if ((MayNotChange(command.Actor, state, allowedIn(state.Status), change) ?? MayNotBecomeActive(state, command.Now)) is { } refusal) return refusal;
        return [becameActive(command)];
    }

    /// <summary>
    /// Suspension and termination alike: the actor may change it in this status
    /// (<see cref="MayNotChange"/>), the command's reason is one (<see cref="Reason"/>, 400
    /// otherwise); then the one event <paramref name="changed"/> makes of the trimmed reason.
    /// </summary>
    public static Decision ChangeForReason<TCommand>(TCommand command, Agreement state, Func<DsaStatus, bool> allowedIn, string change, Func<TCommand, string, object> changed)
        where TCommand : IAgreementChange
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(allowedIn);
        ArgumentNullException.ThrowIfNull(changed);
        if (MayNotChange(command.Actor, state, allowedIn(state.Status), change) is { } refusal) return refusal;
        var errors = new FieldErrors();
        var reason = Reason(errors, command.Reason);
        if (errors.Refusal is { } invalid) return invalid;
        return [changed(command, reason)];
    }

    /// <summary>
    /// A suspension, termination or offboarding says why: 1 to <see cref="MaxReasonLength"/>
    /// characters, trimmed; otherwise an error on <c>reason</c> in <paramref name="errors"/>.
    /// </summary>
    public static string Reason(FieldErrors errors, string? reason)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0) errors.Add("reason", "A reason is required.");
        else if (trimmed.Length > MaxReasonLength) errors.Add("reason", $"The reason must be at most {MaxReasonLength} characters.");
        return trimmed;
    }

    public static Refusal NotAllowedIn(Agreement state, string change)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Refusal.Conflict($"DSA {state.Id} is {WireNames.Of(state.Status)}: it cannot be {change}.");
    }
}
