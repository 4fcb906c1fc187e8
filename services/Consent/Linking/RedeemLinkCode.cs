namespace ConsentPlatform.Consent.Linking;

public sealed record RedeemLinkCodeRequest(string? Code);

/// <summary>
/// A young carer links the sign-in they are using to their ledger id with the code a practitioner
/// gave them: valid (its hash is known), unused, unexpired; and a sign-in links to one ledger id
/// at a time. Nobody can claim another child's ledger id by typing it: only a code issued for it works.
/// </summary>
public sealed record RedeemLinkCode(string SignInHash, EventActor Actor, DateTimeOffset Now)
{
    public static Decision Decide(RedeemLinkCode command, SubjectLink? code, SubjectLink? alreadyLinked)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (code is null) return Refusal.NotFound("This link code is not one we know. Check it with the person who gave it to you.");
        if (code.Status != SubjectLinkStatus.Issued) return UsedAlready;
        if (command.Now >= code.ExpiresAt) return Refusal.Conflict("This link code has expired. Ask for a new one.");
        if (alreadyLinked is not null) return Refusal.Conflict("This sign-in is already linked. End that link first if it is the wrong one.");

        return [new SignInLinked(code.Id, code.SubjectId, command.SignInHash, command.Actor, command.Now)];
    }

    /// <summary>The 409 of a code used already (or by a second use racing the first).</summary>
    public static readonly Refusal UsedAlready = Refusal.Conflict("This link code has been used already. Ask for a new one.");
}

public static class RedeemLinkCodeEndpoint
{
    public static RouteGroupBuilder MapRedeemLinkCode(this RouteGroupBuilder group) =>
        group.MapSlice(
            HttpMethods.Post, "/", HandleAsync, "RedeemLinkCode", ConsentPolicies.Answer,
            summary: "Link the sign-in in use to the young carer's ledger id with a one-time code");

    public static async Task<Outcome<Created<LinkedSignIn>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict>> HandleAsync(
        RedeemLinkCodeRequest? request,
        ClaimsPrincipal user,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(clock);
        var errors = new FieldErrors();
        var code = LinkCode.Normalise(request?.Code);
        if (code is null) errors.Add("code", $"The code field is required: the {LinkCode.Length} letters and digits you were given, like ABCD-EFGH-JKMN.");
        var signIn = SignIns.HashOf(user);
        if (errors.Refusal is { } invalid) return invalid;
        if (signIn is null) return Refusal.Forbidden("The token names no issuer and subject to link.");

        var hash = LinkCode.HashOf(code!);
        var found = await session.Query<SubjectLink>().Where(l => l.CodeHash == hash).FirstOrDefaultAsync(cancellationToken);
        var linked = await SubjectLinkLookup.ActiveLinkAsync(session, signIn, cancellationToken);
        var now = clock.GetUtcNow();
        // The young carer acting: their sign-in may not be linked yet, so no subject is required of the token.
        var decision = RedeemLinkCode.Decide(new RedeemLinkCode(signIn, EventActors.ActorOf(user), now), found, linked);
        if (decision.Refusal is { } refused) return refused;

        // The code's stream at the version read: a second use racing this one is refused, never both.
        session.Events.Append(found!.Id, found.Version + 1, decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            return RedeemLinkCode.UsedAlready;
        }

        return TypedResults.Created("/api/me/links", new LinkedSignIn(found.Id, found.SubjectId, now, ThisSignIn: true));
    }
}
