namespace ConsentPlatform.Platform.IntegrationTests;

/// <summary>The one <c>ActorOf</c>: what every event records of who did it, from the token's claims only.</summary>
public sealed class EventActorsTests
{
    [Fact]
    public void Given_a_practitioners_token_When_the_actor_is_taken_Then_user_role_and_organisation()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "u-1"), new Claim(PlatformClaims.Roles, PlatformRoles.Practitioner), new Claim(PlatformClaims.Org, "school-1"), new Claim(PlatformClaims.Name, "Sam")],
            "test"));

        Assert.Equal(new EventActor("u-1", PlatformRoles.Practitioner, "school-1"), EventActors.ActorOf(user));
    }

    [Fact]
    public void Given_a_young_carers_caller_When_the_actor_is_taken_Then_no_organisation_and_not_the_subject()
    {
        var caller = new Caller("u-2", PlatformRoles.YoungCarer, OrgId: null, SubjectId: "yc-1", Name: null);

        Assert.Equal(new EventActor("u-2", PlatformRoles.YoungCarer, null), EventActors.ActorOf(caller));
    }
}
