using PackageAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<ConsentPlatform.Disclosure.Packages.PackageResponse>,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace ConsentPlatform.Disclosure.Packages;

public static class ReadPackageEndpoint
{
    public static RouteGroupBuilder MapReadPackage(this RouteGroupBuilder group) =>
        group.MapSlice(
            HttpMethods.Get, "/{id:guid}/package", HandleAsync, "ReadPackage", policy: DisclosurePolicies.Practitioner,
            // Not a refusal: the package is gone (purged or destroyed), an answer about the data itself.
            configure: endpoint => endpoint.ProducesProblem(StatusCodes.Status410Gone));

    /// <summary>
    /// 410 once purged (or past the window: purged now) or destroyed (consent withdrawn before any read); otherwise a live re-check: refused is
    /// recorded (<c>PackageReadRefused</c>) and 409 with the reasons; allowed is recorded
    /// (<c>PackageRead</c>) before the data is returned, never cached.
    /// </summary>
    public static async Task<Outcome<PackageAnswer, Refused.Forbidden, Refused.NotFound, Refused.Conflict>> HandleAsync(
        Guid id, IDocumentSession session, LiveChecks checks, PayloadProtector protector, HttpContext http, [AsParameters] DisclosureCall call)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(http);
        var (caller, stream, refusal) = await DisclosureStore.LoadAsync(
            session, id, call, (caller, state) => DisclosureAccess.RefusalUnlessRequester(caller, state) ?? ReadPackage.Unreadable(state));
        if (refusal is not null) return refusal;
        var state = stream.Aggregate!;
        var actor = EventActors.ActorOf(caller);
        var now = call.Clock.GetUtcNow();
        var cancellationToken = call.CancellationToken;
        if (state.Status == DisclosureStatus.Destroyed)
        {
            return (PackageAnswer)TypedResults.Problem(
                detail: "The young person withdrew their consent before this package was read, and its data was destroyed.",
                instance: http.Request.Path,
                statusCode: StatusCodes.Status410Gone,
                title: "Package destroyed");
        }

        if (state.Status == DisclosureStatus.Purged) return Gone(http.Request.Path);
        var (purged, purgeRefused) = await Purger.PurgeIfDueAsync(session, stream, actor, now, cancellationToken);
        if (purgeRefused is not null) return purgeRefused;
        if (purged) return Gone(http.Request.Path);

        var answers = await checks.AskAsync(state.Request, now, cancellationToken);
        var decision = ReadPackage.Decide(new ReadPackage(id, actor, now), state, answers);
        if (decision.Refusal is { } unreadable) return unreadable;
        var events = decision.Events;
        if (events[0] is Domain.DisclosureEvent.PackageReadRefused refused)
        {
            var recorded = await DisclosureStore.SaveAsync(session, stream, events, cancellationToken);
            return recorded.Refusal ?? RecheckRefusal.Of("Package read refused", refused.Judgement.Decision);
        }

        var package = await session.LoadAsync<SealedPackage>(id, cancellationToken);
        if (package is null) return Gone(http.Request.Path);
        var dataKey = await session.LoadAsync<PackageDataKey>(id, cancellationToken);
        using var data = JsonDocument.Parse(await protector.OpenAsync(package, dataKey, cancellationToken));
        var read = await DisclosureStore.SaveAsync(session, stream, events, cancellationToken);
        if (read.Refusal is { } lost) return lost;

        http.Response.Headers.CacheControl = "no-store";
        return (PackageAnswer)TypedResults.Ok(new PackageResponse(id, state.ReleasedCategories, data.RootElement.Clone(), state.AvailableUntil!.Value, now));
    }

    private static PackageAnswer Gone(string path) => TypedResults.Problem(
        detail: "The retention window of this package has ended and its data has been purged.",
        instance: path,
        statusCode: StatusCodes.Status410Gone,
        title: "Package purged");
}
