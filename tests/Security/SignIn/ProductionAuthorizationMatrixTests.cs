namespace ConsentPlatform.Security.Tests.SignIn;

/// <summary>
/// The authorization matrix's rows, the same table as <see cref="AuthorizationMatrixTests"/>, every
/// one of them, run again in the production configuration (issue 18): on <see cref="SignInPlatform"/>
/// (<c>Auth:Mode=Entra</c>, Microsoft.Identity.Web, a certified OpenID provider), every caller signed
/// in through the authorization-code flow with PKCE (<see cref="ProductionSecurityWorld"/>), acting
/// for what the platform's tenant mapping says, never for what the token claims.
/// No row is left to local mode: none needs a dev token (<c>/auth/dev-token</c> is not a route of the
/// table; <see cref="OidcSignInTests"/> shows it does not exist here); <c>PlatformAdministrator</c>
/// comes from the operator's tenant, which the configuration onboards (the only place it may come
/// from); <c>Auditor</c> from the audit body's tenant; <c>Analyst</c> from an organisation's tenant
/// that allows it. A row added to the table runs here too: one that cannot must be left out by name,
/// with the reason, in <see cref="Cases"/>.
/// </summary>
[Collection(nameof(ProductionSignIn))]
public sealed class ProductionAuthorizationMatrixTests(ProductionSecurityWorld world) : AuthorizationMatrix(world), IClassFixture<ProductionSecurityWorld>
{
    public static TheoryData<string, string, string, int, string> Cases() => CasesOf(Matrix);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Route_answers_role_and_relation_as_the_table_says_to_callers_signed_in_at_their_tenant(string route, string role, string relation, int status, string body) =>
        AnswersAsTheTableSaysAsync(route, role, relation, status, body);
}
