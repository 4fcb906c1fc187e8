namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// Signed checkpoints (issue 19, part 2): anyone can fetch the latest checkpoint and the key that
/// signed it; the checkpoint commits to every entry's leaf bytes; inclusion and consistency proofs
/// verify against checkpoints; witnesses' cosignatures are kept and served; bad input is a problem.
/// </summary>
public sealed class CheckpointTests(AuditFixture audit)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<long> PublishSomeAsync(int count)
    {
        var s = new Samples();
        var events = Enumerable.Range(0, count).Select(i => s.Granted(Guid.NewGuid(), s.T0.AddMinutes(i))).ToArray();
        return (await audit.LedgerAsync(events)).Values.Max();
    }

    /// <summary>The latest checkpoint once it covers <paramref name="sequence"/>, opened with the served key.</summary>
    private async Task<(string Note, Checkpoint Checkpoint)> CheckpointCoveringAsync(long sequence)
    {
        using var anyone = audit.Host.CreateClient();
        var key = NoteKey.ParseVerifier(await anyone.GetStringAsync(new Uri("/api/audit/checkpoint/key", UriKind.Relative), Ct));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var note = await anyone.GetStringAsync(new Uri("/api/audit/checkpoint", UriKind.Relative), Ct);
            var text = SignedNote.Open(note, key);
            Assert.NotNull(text);
            var checkpoint = Checkpoint.Parse(text)!;
            if (checkpoint.Size >= sequence) return (note, checkpoint);
            Assert.True(DateTime.UtcNow < deadline, $"no checkpoint covered entry {sequence} in time");
            await Task.Delay(100, Ct);
        }
    }

    private async Task<byte[][]> LeafHashesAsync(long size)
    {
        var leaves = new List<byte[]>();
        await using var connection = await audit.Database.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("select canonical from audit.ledger where sequence <= @size order by sequence", connection);
        command.Parameters.AddWithValue("size", size);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) leaves.Add(SHA256.HashData([0x00, .. reader.GetFieldValue<byte[]>(0)]));
        return [.. leaves];
    }

    [Fact]
    public async Task The_checkpoint_is_a_signed_note_of_the_origin_size_and_root_of_every_entry()
    {
        var last = await PublishSomeAsync(3);

        var (note, checkpoint) = await CheckpointCoveringAsync(last);

        Assert.Equal(AuditHost.Origin, checkpoint.Origin);
        Assert.StartsWith($"{AuditHost.Origin}\n{checkpoint.Size}\n{Convert.ToBase64String(checkpoint.RootHash)}\n\n\u2014 {AuditHost.Origin} ", note, StringComparison.Ordinal);
        // The root, computed here from every entry's stored bytes by RFC 6962's definition.
        Assert.Equal(MerkleTree.RootOf(await LeafHashesAsync(checkpoint.Size)), checkpoint.RootHash);
    }

    [Fact]
    public async Task The_served_key_is_the_key_file_created_at_start_spelled_as_Go_note_spells_it()
    {
        using var anyone = audit.Host.CreateClient();
        using var response = await anyone.GetAsync(new Uri("/api/audit/checkpoint/key", UriKind.Relative), Ct);
        var served = (await response.Content.ReadAsStringAsync(Ct)).TrimEnd('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var stored = NoteKey.ParsePrivate(await File.ReadAllTextAsync(audit.Host.CheckpointKeyFile, Ct));
        Assert.Equal(stored.VerifierKey, served);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(audit.Host.CheckpointKeyFile));

        // name+hash+key, the hash being SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key)[:4], computed here.
        var parts = served.Split('+', 3);
        var keyBytes = Convert.FromBase64String(parts[2]);
        Assert.Equal((AuditHost.Origin, 33, (byte)0x01), (parts[0], keyBytes.Length, keyBytes[0]));
        var hash = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData([.. Encoding.UTF8.GetBytes(AuditHost.Origin + "\n"), .. keyBytes]));
        Assert.Equal(hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), parts[1]);
    }

    [Fact]
    public async Task Every_entry_has_an_inclusion_proof_in_the_checkpoint_over_its_exact_leaf_bytes()
    {
        var last = await PublishSomeAsync(4);
        var (_, checkpoint) = await CheckpointCoveringAsync(last);
        using var auditor = audit.Auditor();

        foreach (var sequence in new[] { 1, last - 3, last - 1, last, checkpoint.Size }.Distinct())
        {
            var leaf = await auditor.GetByteArrayAsync(new Uri($"/api/audit/entries/{sequence}/leaf", UriKind.Relative), Ct);
            var proof = await audit.GetAsync<InclusionProofResponse>(auditor, $"/api/audit/proofs/inclusion?sequence={sequence}&treeSize={checkpoint.Size}");

            Assert.Equal((sequence, sequence - 1, checkpoint.Size), (proof.Sequence, proof.LeafIndex, proof.TreeSize));
            Assert.True(MerkleTree.VerifyInclusion(MerkleTree.LeafHash(leaf), sequence - 1, checkpoint.Size, [.. proof.Hashes.Select(Convert.FromBase64String)], checkpoint.RootHash), $"entry {sequence}");
            Assert.False(MerkleTree.VerifyInclusion(MerkleTree.LeafHash([.. leaf, 0x20]), sequence - 1, checkpoint.Size, [.. proof.Hashes.Select(Convert.FromBase64String)], checkpoint.RootHash));
        }
    }

    [Fact]
    public async Task Two_checkpoints_are_proven_consistent_to_anyone()
    {
        var (_, older) = await CheckpointCoveringAsync(await PublishSomeAsync(2));
        var (_, newer) = await CheckpointCoveringAsync(await PublishSomeAsync(3));
        using var anyone = audit.Host.CreateClient();

        var proof = await audit.GetAsync<ConsistencyProofResponse>(anyone, $"/api/audit/proofs/consistency?from={older.Size}&to={newer.Size}");

        Assert.Equal((older.Size, newer.Size), (proof.From, proof.To));
        Assert.True(MerkleTree.VerifyConsistency(older.Size, newer.Size, older.RootHash, newer.RootHash, [.. proof.Hashes.Select(Convert.FromBase64String)]));
    }

    [Fact]
    public async Task A_configured_witness_cosignature_is_kept_and_served_with_the_checkpoint()
    {
        var (note, checkpoint) = await CheckpointCoveringAsync(await PublishSomeAsync(1));
        var timestamp = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var cosigned = note + Cosignature.Sign(audit.Host.Witness, checkpoint.Body, timestamp).Line;
        using var auditor = audit.Auditor();

        using var accepted = await auditor.PostAsync(new Uri("/api/audit/checkpoint/cosignatures", UriKind.Relative), new StringContent(cosigned, Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);

        // Served with the checkpoint of that size (or a newer one has been signed since: then with none yet).
        await using var connection = await audit.Database.OpenAsync(Ct);
        var lines = await CheckpointStore.CosignatureLinesAsync(connection, checkpoint.Size, Ct);
        var line = Assert.Single(lines);
        var signature = SignedNote.Parse(note + line)!.Value.Signatures[^1];
        Assert.Equal(timestamp, Cosignature.Verify(NoteKey.ParseVerifier(audit.Host.Witness.VerifierKey), checkpoint.Body, signature));

        // Someone else's cosignature, or the witness's of other bytes, is refused.
        var stranger = NoteKey.Generate("witness.test/stranger", NoteKey.CosignatureV1);
        using var refused = await auditor.PostAsync(new Uri("/api/audit/checkpoint/cosignatures", UriKind.Relative),
            new StringContent(note + Cosignature.Sign(stranger, checkpoint.Body, timestamp).Line, Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var forged = checkpoint with { RootHash = new byte[32] };
        using var forgedResponse = await auditor.PostAsync(new Uri("/api/audit/checkpoint/cosignatures", UriKind.Relative),
            new StringContent(note + Cosignature.Sign(audit.Host.Witness, forged.Body, timestamp).Line, Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forgedResponse.StatusCode);
    }

    [Fact]
    public async Task The_latest_checkpoint_is_served_with_its_cosignatures()
    {
        var (note, checkpoint) = await CheckpointCoveringAsync(await PublishSomeAsync(1));
        await using (var connection = await audit.Database.OpenAsync(Ct))
        {
            var line = Cosignature.Sign(audit.Host.Witness, checkpoint.Body, 1_700_000_000).Line;
            await CheckpointStore.SaveCosignatureAsync(connection, checkpoint.Size, "witness.test/w1", line, DateTimeOffset.UtcNow, Ct);
        }

        using var anyone = audit.Host.CreateClient();
        var served = await anyone.GetStringAsync(new Uri("/api/audit/checkpoint", UriKind.Relative), Ct);
        var parsed = SignedNote.Parse(served)!.Value;
        if (Checkpoint.Parse(parsed.Text)!.Size == checkpoint.Size)
        {
            Assert.Equal(2, parsed.Signatures.Count);
            Assert.Equal("witness.test/w1", parsed.Signatures[1].Name);
        }
        else
        {
            Assert.True(Checkpoint.Parse(parsed.Text)!.Size > checkpoint.Size);
        }
    }

    [Theory]
    [InlineData("/api/audit/proofs/consistency", "from")]
    [InlineData("/api/audit/proofs/consistency?from=5", "to")]
    [InlineData("/api/audit/proofs/consistency?from=-1&to=3", "from")]
    [InlineData("/api/audit/proofs/consistency?from=5&to=3", "to")]
    [InlineData("/api/audit/proofs/consistency?from=1&to=999999999", "to")]
    [InlineData("/api/audit/proofs/inclusion", "sequence")]
    [InlineData("/api/audit/proofs/inclusion?sequence=0", "sequence")]
    [InlineData("/api/audit/proofs/inclusion?sequence=5&treeSize=3", "treeSize")]
    [InlineData("/api/audit/proofs/inclusion?sequence=1&treeSize=999999999", "treeSize")]
    public Task Bad_proof_requests_are_validation_problems_naming_the_field(string uri, string field) =>
        audit.AssertValidationProblemAsync(uri, field);

    [Fact]
    public async Task Proofs_and_leaves_of_entries_that_do_not_exist_or_for_the_wrong_caller_are_refused()
    {
        using var auditor = audit.Auditor();
        using var missing = await auditor.GetAsync(new Uri("/api/audit/entries/999999999/leaf", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        using var anyone = audit.Host.CreateClient();
        using var anonymousLeaf = await anyone.GetAsync(new Uri("/api/audit/entries/1/leaf", UriKind.Relative), Ct);
        using var anonymousInclusion = await anyone.GetAsync(new Uri("/api/audit/proofs/inclusion?sequence=1", UriKind.Relative), Ct);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (anonymousLeaf.StatusCode, anonymousInclusion.StatusCode));

        using var carer = audit.Host.ClientFor(PlatformRoles.YoungCarer, subjectId: "yc-x");
        using var carerLeaf = await carer.GetAsync(new Uri("/api/audit/entries/1/leaf", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, carerLeaf.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_checkpoint_and_proof_routes()
    {
        using var anyone = audit.Host.CreateClient();
        var document = await anyone.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);

        foreach (var id in new[] { "GetCheckpoint", "GetCheckpointKey", "GetConsistencyProof", "GetInclusionProof", "GetEntryLeaf", "AddCheckpointCosignatures" })
        {
            Assert.Contains($"\"operationId\": \"{id}\"", document, StringComparison.Ordinal);
        }
    }
}
