using System.Security.Claims;
using System.Text.Json;
using ConsentPlatform.Contracts.Disclosure;
using ConsentPlatform.Disclosure.Api;
using ConsentPlatform.Disclosure.Checking;
using ConsentPlatform.Disclosure.Purging;
using ConsentPlatform.Hosting.Authentication;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConsentPlatform.Disclosure.Packages;

public static class ReadPackageEndpoint
{
    public static RouteGroupBuilder MapReadPackage(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/package", HandleAsync)
            .RequireAuthorization(DisclosurePolicies.Practitioner)
            .WithName("ReadPackage")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);
        return group;
    }

    /// <summary>
    /// 410 once purged (or past the window: purged now) or destroyed (consent withdrawn before any read); otherwise a live re-check: refused is
    /// recorded (<c>PackageReadRefused</c>) and 409 with the reasons; allowed is recorded
    /// (<c>PackageRead</c>) before the data is returned, never cached.
    /// </summary>
    public static async Task<Results<Ok<PackageResponse>, ProblemHttpResult>> HandleAsync(
        Guid id,
        ClaimsPrincipal user,
        IDocumentSession session,
        LiveChecks checks,
        PayloadProtector protector,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(http);
        var caller = Caller.From(user);
        DisclosureAccess.EnsureIdentified(caller);
        var actor = EventActors.ActorOf(caller);
        var stream = await DisclosureStore.LoadAsync(session, id, cancellationToken);
        var state = stream.Aggregate!;
        DisclosureAccess.EnsureRequester(caller, state);
        ReadPackage.EnsureReadable(state);

        var now = clock.GetUtcNow();
        if (state.Status == DisclosureStatus.Destroyed)
        {
            return TypedResults.Problem(
                detail: "The young person withdrew their consent before this package was read, and its data was destroyed.",
                instance: http.Request.Path,
                statusCode: StatusCodes.Status410Gone,
                title: "Package destroyed");
        }

        if (state.Status == DisclosureStatus.Purged || await Purger.PurgeIfDueAsync(session, stream, actor, now, cancellationToken))
        {
            return Gone(http.Request.Path);
        }

        var answers = await checks.AskAsync(state.Request, now, cancellationToken);
        var events = ReadPackage.Decide(new ReadPackage(id, actor, now), state, answers);
        if (events[0] is Domain.PackageReadRefused refused)
        {
            await DisclosureStore.SaveAsync(session, stream, events, cancellationToken);
            return RecheckRefusal.Of("Package read refused", refused.Judgement.Decision, http.Request.Path);
        }

        var package = await session.LoadAsync<SealedPackage>(id, cancellationToken);
        if (package is null) return Gone(http.Request.Path);
        var dataKey = await session.LoadAsync<PackageDataKey>(id, cancellationToken);
        using var data = JsonDocument.Parse(await protector.OpenAsync(package, dataKey, cancellationToken));
        await DisclosureStore.SaveAsync(session, stream, events, cancellationToken);

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new PackageResponse(id, state.ReleasedCategories, data.RootElement.Clone(), state.AvailableUntil!.Value, now));
    }

    private static ProblemHttpResult Gone(string path) => TypedResults.Problem(
        detail: "The retention window of this package has ended and its data has been purged.",
        instance: path,
        statusCode: StatusCodes.Status410Gone,
        title: "Package purged");
}
