using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace ConsentPlatform.Audit.Checkpoints;

/// <summary>
/// An Ed25519 key of a C2SP signed note (c2sp.org/signed-note), spelled as Go's
/// <c>golang.org/x/mod/sumdb/note</c> spells it: the key hash is the first four bytes of
/// <c>SHA-256(name ‖ "\n" ‖ type ‖ public key)</c> read big-endian, the verifier key
/// <c>name+hash(8 hex)+base64(type ‖ public key)</c>, the private key
/// <c>PRIVATE+KEY+name+hash+base64(type ‖ seed)</c>. The type byte is 0x01 for a note signature
/// (a log's checkpoint), 0x04 for a C2SP tlog-cosignature/v1 (a witness).
/// </summary>
public sealed class NoteKey
{
    public const byte Ed25519 = 0x01;
    public const byte CosignatureV1 = 0x04;

    private readonly Ed25519PrivateKeyParameters? privateKey;

    private NoteKey(string name, byte type, byte[] publicKey, Ed25519PrivateKeyParameters? privateKey)
    {
        if (!IsValidName(name)) throw new FormatException($"'{name}' is not a note key name (non-empty, no spaces, no '+').");
        Name = name;
        Type = type;
        PublicKey = publicKey;
        this.privateKey = privateKey;
        KeyHash = HashOf(name, type, publicKey);
    }

    public string Name { get; }

    public byte Type { get; }

    public byte[] PublicKey { get; }

    public uint KeyHash { get; }

    public bool CanSign => privateKey is not null;

    /// <summary>The verifier key string, as <c>note.NewVerifier</c> reads it.</summary>
    public string VerifierKey => $"{Name}+{KeyHash:x8}+{Convert.ToBase64String([Type, .. PublicKey])}";

    /// <summary>The private key string, as <c>note.NewSigner</c> reads it (for type 0x01).</summary>
    public string PrivateKeyString => privateKey is null
        ? throw new InvalidOperationException("A verifier key has no private part.")
        : $"PRIVATE+KEY+{Name}+{KeyHash:x8}+{Convert.ToBase64String([Type, .. privateKey.GetEncoded()])}";

    public static bool IsValidName(string name) =>
        !string.IsNullOrEmpty(name) && !name.Contains('+', StringComparison.Ordinal) && name.All(c => !char.IsWhiteSpace(c) && !char.IsControl(c));

    public static uint HashOf(string name, byte type, ReadOnlySpan<byte> publicKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        byte[] input = [.. Encoding.UTF8.GetBytes(name), (byte)'\n', type, .. publicKey];
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    public static NoteKey Generate(string name, byte type = Ed25519)
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var key = new Ed25519PrivateKeyParameters(seed, 0);
        return new NoteKey(name, type, key.GeneratePublicKey().GetEncoded(), key);
    }

    /// <summary>Reads <c>PRIVATE+KEY+name+hash+base64(type ‖ seed)</c>; the hash must match.</summary>
    public static NoteKey ParsePrivate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // As Go splits it: the base64 key may itself contain '+'.
        var parts = text.Trim().Split('+', 5);
        if (parts.Length != 5 || parts[0] != "PRIVATE" || parts[1] != "KEY") throw new FormatException("Not a note private key (PRIVATE+KEY+name+hash+key).");
        var bytes = Convert.FromBase64String(parts[4]);
        if (bytes.Length != 33 || bytes[0] is not (Ed25519 or CosignatureV1)) throw new FormatException("Not an Ed25519 note private key.");
        var key = new Ed25519PrivateKeyParameters(bytes, 1);
        var noteKey = new NoteKey(parts[2], bytes[0], key.GeneratePublicKey().GetEncoded(), key);
        if (!string.Equals(parts[3], noteKey.KeyHash.ToString("x8", CultureInfo.InvariantCulture), StringComparison.Ordinal)) throw new FormatException("The private key's hash does not match its name and key.");
        return noteKey;
    }

    /// <summary>Reads a verifier key <c>name+hash+base64(type ‖ public key)</c>; the hash must match.</summary>
    public static NoteKey ParseVerifier(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('+', 3);
        if (parts.Length != 3) throw new FormatException("Not a note verifier key (name+hash+key).");
        var bytes = Convert.FromBase64String(parts[2]);
        if (bytes.Length != 33 || bytes[0] is not (Ed25519 or CosignatureV1)) throw new FormatException("Not an Ed25519 verifier key.");
        var noteKey = new NoteKey(parts[0], bytes[0], bytes[1..], null);
        if (!string.Equals(parts[1], noteKey.KeyHash.ToString("x8", CultureInfo.InvariantCulture), StringComparison.Ordinal)) throw new FormatException("The verifier key's hash does not match its name and key.");
        return noteKey;
    }

    /// <summary>The raw Ed25519 signature of <paramref name="message"/>.</summary>
    public byte[] SignBytes(ReadOnlySpan<byte> message)
    {
        if (privateKey is null) throw new InvalidOperationException("A verifier key cannot sign.");
        var signer = new Ed25519Signer();
        signer.Init(true, privateKey);
        var bytes = message.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.GenerateSignature();
    }

    public bool VerifyBytes(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 64) return false;
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(PublicKey, 0));
        var bytes = message.ToArray();
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        return verifier.VerifySignature(signature.ToArray());
    }
}

/// <summary>One signature line of a note: <c>— name base64(key hash ‖ signature)</c>.</summary>
public sealed record NoteSignature(string Name, uint KeyHash, byte[] Signature)
{
    public string Line => $"{SignedNote.Dash} {Name} {Convert.ToBase64String([.. KeyHashBytes(KeyHash), .. Signature])}\n";

    public static byte[] KeyHashBytes(uint keyHash)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, keyHash);
        return bytes;
    }
}

/// <summary>
/// A C2SP signed note: UTF-8 text ending in a newline, a blank line, then one or more signature
/// lines. The signed message of a 0x01 key is the text, final newline included.
/// </summary>
public static class SignedNote
{
    /// <summary>U+2014 EM DASH, then a space, opens every signature line.</summary>
    public const string Dash = "\u2014";

    /// <summary>The note of <paramref name="text"/> signed by <paramref name="key"/>.</summary>
    public static string Sign(string text, NoteKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        CheckText(text);
        if (key.Type != NoteKey.Ed25519) throw new ArgumentException("A note is signed with a 0x01 Ed25519 key.", nameof(key));
        return text + "\n" + new NoteSignature(key.Name, key.KeyHash, key.SignBytes(Encoding.UTF8.GetBytes(text))).Line;
    }

    /// <summary>Splits a note into its text and its signature lines; null if it is not a well-formed note.</summary>
    public static (string Text, IReadOnlyList<NoteSignature> Signatures)? Parse(string note)
    {
        if (string.IsNullOrEmpty(note) || !note.EndsWith('\n')) return null;
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0) return null;
        var text = note[..(split + 1)];
        var signatures = new List<NoteSignature>();
        foreach (var line in note[(split + 2)..].Split('\n')[..^1])
        {
            var prefix = Dash + " ";
            if (!line.StartsWith(prefix, StringComparison.Ordinal)) return null;
            var rest = line[prefix.Length..];
            var space = rest.LastIndexOf(' ');
            if (space <= 0) return null;
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(rest[(space + 1)..]);
            }
            catch (FormatException)
            {
                return null;
            }

            if (bytes.Length < 5) return null;
            signatures.Add(new NoteSignature(rest[..space], BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[4..]));
        }

        return signatures.Count == 0 ? null : (text, signatures);
    }

    /// <summary>The note's text if a signature line of <paramref name="key"/> (same name and key hash) verifies; else null.</summary>
    public static string? Open(string note, NoteKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Parse(note) is not { } parsed) return null;
        var message = Encoding.UTF8.GetBytes(parsed.Text);
        return parsed.Signatures.Any(s => s.Name == key.Name && s.KeyHash == key.KeyHash && key.VerifyBytes(message, s.Signature)) ? parsed.Text : null;
    }

    private static void CheckText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n') || text.Contains("\n\n", StringComparison.Ordinal)) throw new ArgumentException("A note's text ends in one newline and has no blank line.", nameof(text));
    }
}

/// <summary>
/// A C2SP tlog-checkpoint body: the origin line, the tree size in decimal, the root hash in base64,
/// each ending in a newline (no extension lines here).
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] RootHash)
{
    public string Body => $"{Origin}\n{Size.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(RootHash)}\n";

    /// <summary>Reads the first three lines of a checkpoint body; null if malformed.</summary>
    public static Checkpoint? Parse(string body)
    {
        if (body is null) return null;
        var lines = body.Split('\n');
        if (lines.Length < 4 || lines[^1].Length != 0 || lines[0].Length == 0) return null;
        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || lines[1] != size.ToString(CultureInfo.InvariantCulture)) return null;
        try
        {
            var root = Convert.FromBase64String(lines[2]);
            return root.Length == 32 ? new Checkpoint(lines[0], size, root) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>
/// C2SP tlog-cosignature/v1 with Ed25519 (key type 0x04): the witness signs
/// <c>"cosignature/v1\ntime &lt;unix seconds&gt;\n" ‖ checkpoint body</c>; the signature line's bytes
/// are <c>key hash ‖ timestamp (u64, big-endian) ‖ signature</c>.
/// </summary>
public static class Cosignature
{
    public static byte[] Message(string checkpointBody, ulong timestamp) =>
        Encoding.UTF8.GetBytes($"cosignature/v1\ntime {timestamp.ToString(CultureInfo.InvariantCulture)}\n{checkpointBody}");

    public static NoteSignature Sign(NoteKey witness, string checkpointBody, ulong timestamp)
    {
        ArgumentNullException.ThrowIfNull(witness);
        if (witness.Type != NoteKey.CosignatureV1) throw new ArgumentException("A cosignature is made with a 0x04 key.", nameof(witness));
        var stamp = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(stamp, timestamp);
        return new NoteSignature(witness.Name, witness.KeyHash, [.. stamp, .. witness.SignBytes(Message(checkpointBody, timestamp))]);
    }

    /// <summary>The cosignature's timestamp if <paramref name="signature"/> is <paramref name="witness"/>'s valid cosignature of the body; else null.</summary>
    public static ulong? Verify(NoteKey witness, string checkpointBody, NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(witness);
        ArgumentNullException.ThrowIfNull(signature);
        if (witness.Type != NoteKey.CosignatureV1 || signature.Name != witness.Name || signature.KeyHash != witness.KeyHash || signature.Signature.Length != 72) return null;
        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature.Signature);
        return witness.VerifyBytes(Message(checkpointBody, timestamp), signature.Signature.AsSpan(8)) ? timestamp : null;
    }
}
