namespace ConsentPlatform.Audit.Tests;

/// <summary>
/// Signed notes, checkpoints and cosignatures against the published known answers: the example key
/// and note of Go's <c>golang.org/x/mod/sumdb/note</c> documentation (Ed25519 is deterministic, so
/// signing must reproduce the note byte for byte), the C2SP signed-note specification's example,
/// and the C2SP tlog-cosignature example's timestamp.
/// </summary>
public sealed class SignedNoteTests
{
    private const string GoSigner = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private const string GoVerifier = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string GoText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string GoNote = GoText + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    [Fact]
    public void Given_Go_notes_example_key_When_signing_its_text_Then_the_note_is_the_published_one_byte_for_byte()
    {
        var key = NoteKey.ParsePrivate(GoSigner);

        Assert.Equal(GoNote, SignedNote.Sign(GoText, key));
        Assert.Equal(GoVerifier, key.VerifierKey);
        Assert.Equal(GoSigner, key.PrivateKeyString);
        Assert.Equal(0xc74f20a3u, key.KeyHash);
    }

    [Fact]
    public void Given_Go_notes_example_note_When_opened_with_its_verifier_Then_the_text_comes_back_and_any_change_is_refused()
    {
        var verifier = NoteKey.ParseVerifier(GoVerifier);

        Assert.Equal(GoText, SignedNote.Open(GoNote, verifier));
        Assert.Null(SignedNote.Open(GoNote.Replace("cryptography", "Cryptography", StringComparison.Ordinal), verifier));
        Assert.Null(SignedNote.Open(GoNote.Replace("x08go", "x08gp", StringComparison.Ordinal), verifier));
        Assert.Null(SignedNote.Open(GoNote, NoteKey.Generate("PeterNeumann")));
        Assert.Null(SignedNote.Open(GoText, verifier));
    }

    [Fact]
    public void Given_the_signed_note_specifications_example_When_opened_Then_it_verifies()
    {
        var verifier = NoteKey.ParseVerifier("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
        const string note = "This is an example message.\n\n\u2014 example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

        Assert.Equal("This is an example message.\n", SignedNote.Open(note, verifier));
    }

    [Theory]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")] // wrong hash
    [InlineData("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==")] // wrong length, hash adjusted
    [InlineData("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")] // unknown algorithm, hash adjusted
    [InlineData("PeterNeumann+c74f20a3")]
    public void Given_a_mangled_verifier_key_When_parsed_Then_it_is_refused(string key) =>
        Assert.ThrowsAny<FormatException>(() => NoteKey.ParseVerifier(key));

    [Fact]
    public void Given_a_checkpoint_When_written_and_read_Then_it_is_origin_size_and_base64_root_each_on_a_line()
    {
        var checkpoint = new Checkpoint("example.com/behind-the-sofa", 20852163, Convert.FromBase64String("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));

        Assert.Equal("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", checkpoint.Body);
        var parsed = Checkpoint.Parse(checkpoint.Body)!;
        Assert.Equal((checkpoint.Origin, checkpoint.Size, Convert.ToBase64String(checkpoint.RootHash)), (parsed.Origin, parsed.Size, Convert.ToBase64String(parsed.RootHash)));
        Assert.Null(Checkpoint.Parse("o\n012\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"));
        Assert.Null(Checkpoint.Parse("o\n12\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jx=\n"));
        Assert.Null(Checkpoint.Parse("o\n12\n"));
    }

    [Fact]
    public void Given_the_cosignature_specifications_example_line_When_read_Then_its_timestamp_is_the_examples()
    {
        var note = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
                   + "\u2014 witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n";

        var signature = SignedNote.Parse(note)!.Value.Signatures.Single();

        Assert.Equal(72, signature.Signature.Length);
        Assert.Equal(1679315147ul, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(signature.Signature));
        Assert.Equal("cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
            Encoding.UTF8.GetString(Cosignature.Message("example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n", 1679315147)));
    }

    [Fact]
    public void Given_a_witness_key_When_it_cosigns_a_checkpoint_Then_the_cosignature_verifies_only_for_that_body_and_key()
    {
        var witness = NoteKey.Generate("witness.example/w1", NoteKey.CosignatureV1);
        var verifier = NoteKey.ParseVerifier(witness.VerifierKey);
        var body = new Checkpoint("log.example/a", 7, new byte[32]).Body;

        var signature = Cosignature.Sign(witness, body, 1_700_000_000);

        Assert.Equal(1_700_000_000ul, Cosignature.Verify(verifier, body, signature));
        Assert.Null(Cosignature.Verify(verifier, body.Replace("\n7\n", "\n8\n", StringComparison.Ordinal), signature));
        Assert.Null(Cosignature.Verify(NoteKey.Generate("witness.example/w1", NoteKey.CosignatureV1), body, signature));
        // The key hash commits to the 0x04 type: the same key as a note signer has another hash.
        Assert.NotEqual(NoteKey.HashOf(witness.Name, NoteKey.Ed25519, witness.PublicKey), witness.KeyHash);
    }
}
