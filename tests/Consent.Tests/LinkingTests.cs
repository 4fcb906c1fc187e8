namespace ConsentPlatform.Consent.Tests;

/// <summary>Linking a young carer's sign-in to their ledger id (issue 18): the code and the decisions, given events, when a command, then events or a refusal.</summary>
public sealed class LinkingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly EventActor Practitioner = new("u-1", "Practitioner", "URN-1");
    private static readonly EventActor YoungCarer = new("u-2", "YoungCarer", null);

    [Fact]
    public void A_new_code_is_twelve_readable_characters_in_three_groups_and_reads_back_however_it_is_typed()
    {
        var code = LinkCode.New();

        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
        var canonical = LinkCode.Normalise(code);
        Assert.Equal(canonical, LinkCode.Normalise(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)));
        Assert.Equal("0123ABCD1111", LinkCode.Normalise("o123-abcd-ilIL"));
        Assert.Null(LinkCode.Normalise("ABCD-EFGH-JKM"));
        Assert.Null(LinkCode.Normalise("ABCD-EFGH-JKMU"));
        Assert.NotEqual(LinkCode.New(), LinkCode.New());
        Assert.DoesNotContain(canonical!, LinkCode.HashOf(canonical!), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_no_visible_consent_when_a_code_is_asked_for_then_the_young_carer_is_unknown()
    {
        var command = new IssueLinkCode(Guid.NewGuid(), "yc-1", "hash", Practitioner, TimeSpan.FromHours(1), Now);

        Assert.Equal(404, IssueLinkCode.Decide(command, visibleConsents: 0).Refusal?.Status);
        var issued = Assert.IsType<LinkCodeIssued>(Assert.Single(IssueLinkCode.Decide(command, visibleConsents: 1)));
        Assert.Equal(("yc-1", "hash", Now.AddHours(1)), (issued.SubjectId, issued.CodeHash, issued.ExpiresAt));
    }

    [Fact]
    public void Given_an_issued_code_when_it_is_used_in_time_then_the_sign_in_is_linked_once()
    {
        var code = Issued(expiresAt: Now.AddMinutes(5));

        var linked = Assert.IsType<SignInLinked>(Assert.Single(RedeemLinkCode.Decide(new RedeemLinkCode("sign-in", YoungCarer, Now), code, alreadyLinked: null)));
        var after = SubjectLinkEvolution.Evolve(code, linked)!;

        Assert.Equal(("yc-1", "sign-in", SubjectLinkStatus.Linked, 2L), (linked.SubjectId, after.SignInHash, after.Status, after.Version));
        Assert.Equal(409, RedeemLinkCode.Decide(new RedeemLinkCode("other-sign-in", YoungCarer, Now), after, alreadyLinked: null).Refusal?.Status);
    }

    [Fact]
    public void Given_an_expired_or_unknown_code_or_a_sign_in_already_linked_then_nothing_is_linked()
    {
        var expired = Issued(expiresAt: Now);
        var fresh = Issued(expiresAt: Now.AddHours(1));
        var existing = SubjectLinkEvolution.Evolve(Issued(Now.AddHours(1)), new SignInLinked(Guid.NewGuid(), "yc-2", "sign-in", YoungCarer, Now));

        Assert.Contains("expired", RedeemLinkCode.Decide(new RedeemLinkCode("sign-in", YoungCarer, Now), expired, null).Refusal?.Detail, StringComparison.Ordinal);
        Assert.Equal(404, RedeemLinkCode.Decide(new RedeemLinkCode("sign-in", YoungCarer, Now), null, null).Refusal?.Status);
        Assert.Contains("already linked", RedeemLinkCode.Decide(new RedeemLinkCode("sign-in", YoungCarer, Now), fresh, existing).Refusal?.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_link_when_it_is_ended_then_it_acts_for_nobody()
    {
        var link = SubjectLinkEvolution.Fold([
            new LinkCodeIssued(Guid.NewGuid(), "yc-1", "hash", Now.AddHours(1), Practitioner, Now),
            new SignInLinked(Guid.NewGuid(), "yc-1", "sign-in", YoungCarer, Now),
            new SignInUnlinked(Guid.NewGuid(), "yc-1", "sign-in", YoungCarer, Now),
        ])!;

        Assert.Equal((SubjectLinkStatus.Ended, 3L), (link.Status, link.Version));
    }

    private static SubjectLink Issued(DateTimeOffset expiresAt) =>
        SubjectLinkEvolution.Evolve(null, new LinkCodeIssued(Guid.NewGuid(), "yc-1", "hash", expiresAt, Practitioner, Now.AddMinutes(-1)))!;
}
