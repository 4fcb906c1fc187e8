using static ConsentPlatform.Audit.IntegrationTests.Support.DisclosureStory;

namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// The young person's proof (issue 19, part 6): each request in <c>GET /api/me/disclosures</c> gives
/// the ledger sequences of the events it shows, and <c>GET /api/me/proofs?sequence=</c> proves each
/// one is in the ledger (leaf bytes, inclusion proof, signed checkpoint), for the caller's own entries only.
/// </summary>
public sealed class MyProofTests(AuditFixture audit)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_entry_shown_to_the_young_carer_comes_with_a_proof_that_verifies_against_the_signed_checkpoint()
    {
        var (s, story, dsaId, consentId, t) = DisclosureStory.Begin();
        var events = new Contracts.Common.IPlatformEvent[]
        {
            s.Drafted(dsaId, t),
            story.Requested(t.AddMinutes(10)),
            story.Approved(Decision(ShareOutcome.Approved, t.AddMinutes(10), consentId, 1, dsaId, 1)),
            story.Released(Decision(ShareOutcome.Approved, t.AddMinutes(20), consentId, 1, dsaId, 1)),
        };
        var sequences = await audit.LedgerAsync(events);
        using var carer = audit.YoungCarer(s.Subject);
        using var anyone = audit.Host.CreateClient();
        var logKey = NoteKey.ParseVerifier(await anyone.GetStringAsync(new Uri("/api/audit/checkpoint/key", UriKind.Relative), Ct));

        var shown = Assert.Single(await audit.GetAsync<List<MyDisclosure>>(carer, "/api/me/disclosures"));

        Assert.Equal(events[1..].Select(e => sequences[e.EventId]), shown.LedgerSequences);
        foreach (var sequence in shown.LedgerSequences!)
        {
            var proof = await audit.GetAsync<MyProof>(carer, $"/api/me/proofs?sequence={sequence}");
            var checkpoint = Checkpoint.Parse(SignedNote.Open(proof.Checkpoint, logKey)!)!;
            var leaf = Convert.FromBase64String(proof.Leaf);
            Assert.Equal((sequence, sequence - 1, checkpoint.Size), (proof.Sequence, proof.LeafIndex, proof.TreeSize));
            Assert.Contains(s.Subject, System.Text.Encoding.UTF8.GetString(leaf), StringComparison.Ordinal);
            Assert.True(MerkleTree.VerifyInclusion(MerkleTree.LeafHash(leaf), sequence - 1, checkpoint.Size, [.. proof.Hashes.Select(Convert.FromBase64String)], checkpoint.RootHash));
        }
    }

    [Fact]
    public async Task Another_young_carers_entry_or_one_about_no_one_is_not_found()
    {
        var s = new Samples();
        var story = new DisclosureStory(s);
        var dsaId = Guid.NewGuid();
        var drafted = s.Drafted(dsaId, s.T0);
        var requested = story.Requested(s.T0.AddMinutes(1));
        var sequences = await audit.LedgerAsync(drafted, requested);
        using var stranger = audit.YoungCarer(new Samples().Subject);
        using var carer = audit.YoungCarer(s.Subject);

        foreach (var (client, sequence) in new[] { (stranger, sequences[requested.EventId]), (carer, sequences[drafted.EventId]), (carer, 999_999_999L) })
        {
            using var response = await client.GetAsync(new Uri($"/api/me/proofs?sequence={sequence}", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(s.Subject, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var bad = await carer.GetAsync(new Uri("/api/me/proofs?sequence=0", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("errors").TryGetProperty("sequence", out _));
        using var auditor = audit.Auditor();
        using var wrongRole = await auditor.GetAsync(new Uri($"/api/me/proofs?sequence={sequences[requested.EventId]}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
    }
}
