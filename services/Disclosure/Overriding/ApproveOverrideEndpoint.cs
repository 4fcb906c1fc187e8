using System.Security.Claims;
using ConsentPlatform.Disclosure.Api;
using ConsentPlatform.Disclosure.Checking;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConsentPlatform.Disclosure.Overriding;

public sealed record ApproveOverrideRequest(string? Rationale);

public static class ApproveOverrideEndpoint
{
    public static RouteGroupBuilder MapApproveOverride(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/approve-override", HandleAsync)
            .RequireAuthorization(DisclosurePolicies.SafeguardingLead)
            .WithName("ApproveOverride")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    public static async Task<Ok<DisclosureResponse>> HandleAsync(
        Guid id,
        ApproveOverrideRequest? request,
        ClaimsPrincipal user,
        IDocumentSession session,
        LiveChecks checks,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(clock);
        var caller = Caller.From(user);
        DisclosureAccess.EnsureIdentified(caller);
        var actor = EventActors.ActorOf(caller);
        var errors = new FieldErrors();
        var rationale = DisclosureRules.Text(errors, "rationale", request?.Rationale, required: true);
        errors.ThrowIfAny();

        var stream = await DisclosureStore.LoadAsync(session, id, cancellationToken);
        var state = stream.Aggregate!;
        DisclosureAccess.EnsureVisible(caller, state);
        var now = clock.GetUtcNow();
        var command = new ApproveOverride(id, actor, caller.Name, rationale!, now);
        ApproveOverride.EnsureMayApprove(command, state);

        var answers = await checks.AskAsync(state.Request, now, cancellationToken);
        var after = await DisclosureStore.SaveAsync(session, stream, ApproveOverride.Decide(command, state, answers), cancellationToken);
        return TypedResults.Ok(DisclosureResponse.From(after));
    }
}
