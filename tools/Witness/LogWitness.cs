namespace ConsentPlatform.Witness;

/// <summary>What one round of the witness found.</summary>
public enum WitnessOutcome
{
    /// <summary>The log's checkpoint extends the one kept (or is the first seen): kept and cosigned.</summary>
    Consistent = 0,

    /// <summary>The log's history is not an extension of what the witness saw: a rewrite or a split view.</summary>
    NotAnExtension = 1,

    /// <summary>The log could not be asked (network, HTTP error, malformed answer): nothing kept.</summary>
    Unavailable = 2,

    /// <summary>The checkpoint is not signed by the log's key: nothing kept.</summary>
    BadSignature = 3,
}

/// <summary>
/// One witness of one log. A round: fetch the log's latest checkpoint (<c>GET /api/audit/checkpoint</c>),
/// open it with the log's verifier key, and compare it with the checkpoint this witness kept last:
/// a smaller tree, the same size with another root, or a consistency proof
/// (<c>GET /api/audit/proofs/consistency</c>) that does not verify means the log's history is not an
/// extension of what the witness saw, and both checkpoints are printed. Otherwise the new checkpoint
/// is kept (<c>checkpoint</c> in the state folder, written atomically) and cosigned (C2SP
/// tlog-cosignature/v1 with the witness's Ed25519 key; <c>cosigned</c> in the state folder) and,
/// when <c>submit</c>, sent back to the log (<c>POST /api/audit/checkpoint/cosignatures</c>).
/// </summary>
public sealed class LogWitness(HttpClient log, NoteKey logKey, NoteKey witnessKey, string stateFolder, TextWriter output, TimeProvider clock)
{
    public string KeptCheckpointFile => Path.Combine(stateFolder, "checkpoint");

    public string CosignedFile => Path.Combine(stateFolder, "cosigned");

    public async Task<WitnessOutcome> RunOnceAsync(bool submit, CancellationToken cancellationToken)
    {
        string note;
        try
        {
            note = await log.GetStringAsync(new Uri("/api/audit/checkpoint", UriKind.Relative), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            await output.WriteLineAsync($"witness: the log did not answer: {e.Message}");
            return WitnessOutcome.Unavailable;
        }

        var text = SignedNote.Open(note, logKey);
        if (text is null || Checkpoint.Parse(text) is not { } latest || latest.Origin != logKey.Name)
        {
            await output.WriteLineAsync($"witness: the checkpoint is not signed by {logKey.VerifierKey}:\n{note}");
            return WitnessOutcome.BadSignature;
        }

        var keptNote = File.Exists(KeptCheckpointFile) ? await File.ReadAllTextAsync(KeptCheckpointFile, cancellationToken) : null;
        var kept = keptNote is null ? null : Checkpoint.Parse(SignedNote.Open(keptNote, logKey) ?? string.Empty);
        if (keptNote is not null && kept is null)
        {
            await output.WriteLineAsync($"witness: the kept checkpoint {KeptCheckpointFile} does not open with the log's key; refusing to go on.");
            return WitnessOutcome.BadSignature;
        }

        if (kept is not null)
        {
            bool? extends;
            if (latest.Size == kept.Size) extends = latest.RootHash.AsSpan().SequenceEqual(kept.RootHash);
            else if (latest.Size < kept.Size) extends = false;
            else extends = await ProvenConsistentAsync(kept, latest, cancellationToken);
            if (extends is null) return WitnessOutcome.Unavailable;
            if (extends is false)
            {
                await output.WriteLineAsync("witness: THE LOG'S HISTORY IS NOT AN EXTENSION OF WHAT THIS WITNESS SAW (a rewrite or a split view).");
                await output.WriteLineAsync($"--- kept checkpoint ({KeptCheckpointFile}):\n{keptNote}--- the log's checkpoint now:\n{note}");
                return WitnessOutcome.NotAnExtension;
            }
        }

        Directory.CreateDirectory(stateFolder);
        await WriteAtomicallyAsync(KeptCheckpointFile, note[..(note.IndexOf("\n\n", StringComparison.Ordinal) + 2)] + OwnSignatureLine(note), cancellationToken);
        var cosignature = Cosignature.Sign(witnessKey, latest.Body, (ulong)clock.GetUtcNow().ToUnixTimeSeconds());
        var cosigned = note[..(note.IndexOf("\n\n", StringComparison.Ordinal) + 2)] + OwnSignatureLine(note) + cosignature.Line;
        await WriteAtomicallyAsync(CosignedFile, cosigned, cancellationToken);
        await output.WriteLineAsync($"witness: {latest.Origin} {latest.Size} {Convert.ToBase64String(latest.RootHash)} {(kept is null ? "first seen" : $"extends {kept.Size}")}; cosigned");

        if (submit)
        {
            using var content = new StringContent(cosigned, Encoding.UTF8, "text/plain");
            using var response = await log.PostAsync(new Uri("/api/audit/checkpoint/cosignatures", UriKind.Relative), content, cancellationToken);
            await output.WriteLineAsync(response.IsSuccessStatusCode
                ? "witness: cosignature accepted by the log"
                : $"witness: the log did not accept the cosignature ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return WitnessOutcome.Consistent;
    }

    /// <summary>The log's own signature line of a note (others' cosignatures are not kept).</summary>
    private string OwnSignatureLine(string note) =>
        SignedNote.Parse(note)!.Value.Signatures.First(s => s.Name == logKey.Name && s.KeyHash == logKey.KeyHash).Line;

    /// <summary>True or false as the log's consistency proof verifies; null if the log could not be asked.</summary>
    private async Task<bool?> ProvenConsistentAsync(Checkpoint kept, Checkpoint latest, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await log.GetAsync(new Uri($"/api/audit/proofs/consistency?from={kept.Size}&to={latest.Size}", UriKind.Relative), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // A log that cannot prove it extends what it showed before is treated as not extending it.
                await output.WriteLineAsync($"witness: the log gave no consistency proof from {kept.Size} to {latest.Size} ({(int)response.StatusCode}).");
                return false;
            }

            var proof = await response.Content.ReadFromJsonAsync<ConsistencyProof>(cancellationToken);
            if (proof is null || proof.From != kept.Size || proof.To != latest.Size) return false;
            return MerkleTree.VerifyConsistency(kept.Size, latest.Size, kept.RootHash, latest.RootHash, [.. proof.Hashes.Select(Convert.FromBase64String)]);
        }
        catch (HttpRequestException e)
        {
            await output.WriteLineAsync($"witness: the log did not answer: {e.Message}");
            return null;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static async Task WriteAtomicallyAsync(string file, string content, CancellationToken cancellationToken)
    {
        var temp = $"{file}.{Environment.ProcessId}.tmp";
        await File.WriteAllTextAsync(temp, content, cancellationToken);
        File.Move(temp, file, overwrite: true);
    }

    private sealed record ConsistencyProof(long From, long To, IReadOnlyList<string> Hashes);
}
