using System.Security.Cryptography;
using System.Text;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;

namespace CiPublisher.Core.Apple;

/// <summary>
/// Reads the App Store Connect API key (.p8: PEM PKCS#8, EC P-256) given as PEM text, base64 of the PEM,
/// or a file path. The key is only read, never written anywhere.
/// </summary>
public static class AppleKeyLoader
{
    public const string PrivateKeyInput = "apple-private-key";
    public const string KeyIdInput = "apple-key-id";

    private const string PemMarker = "-----BEGIN";

    /// <summary>
    /// Checks every Apple key input without touching the network and returns the key as PEM text, read from the file
    /// or the base64 given (registered with <paramref name="secrets"/>); throws <see cref="AppleKeyException"/>.
    /// </summary>
    public static string ReadPem(AppleSettings settings, string? workingDirectory, SecretRegistry? secrets = null)
    {
        if (string.IsNullOrWhiteSpace(settings.KeyId))
            throw new AppleKeyException(KeyIdInput, "the API key ID is required (App Store Connect → Users and Access → Integrations)");
        if (!settings.KeyId.Trim().All(char.IsAsciiLetterOrDigit))
            throw new AppleKeyException(KeyIdInput, "an API key ID has only letters and digits (for example 2X9R4HXF34)");
        if (string.IsNullOrWhiteSpace(settings.PrivateKey))
            throw new AppleKeyException(PrivateKeyInput, "the private key is empty");
        var pem = PemTextOf(settings.PrivateKey.Trim(), workingDirectory);
        secrets?.Register(pem);
        using var key = Load(pem, workingDirectory: null);
        return pem;
    }

    /// <summary>
    /// The EC P-256 signing key. The caller owns (and keeps alive) the returned key. The PEM text read
    /// (also from a file or base64) is registered with <paramref name="secrets"/> so no line of it is ever shown.
    /// </summary>
    public static ECDsa Load(string keyInput, string? workingDirectory, SecretRegistry? secrets = null)
    {
        if (string.IsNullOrWhiteSpace(keyInput))
            throw new AppleKeyException(PrivateKeyInput, "the private key is empty");

        var pem = PemTextOf(keyInput.Trim(), workingDirectory);
        secrets?.Register(pem);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            // The message of a crypto exception may quote the input; only its kind is safe to name.
            throw new AppleKeyException(PrivateKeyInput,
                "not an EC private key in PEM (expected the .p8 file from App Store Connect: \"-----BEGIN PRIVATE KEY-----\")");
        }

        if (!IsP256(key))
        {
            var size = key.KeySize;
            key.Dispose();
            throw new AppleKeyException(PrivateKeyInput, $"the key is an EC key of {size} bits; App Store Connect keys are P-256 (ES256)");
        }
        return key;
    }

    private static string PemTextOf(string input, string? workingDirectory)
    {
        if (input.Contains(PemMarker, StringComparison.Ordinal)) return input;
        if (TryDecodeBase64(input) is { } decoded) return decoded;
        if (FileOf(input, workingDirectory) is { } path) return ReadKeyFile(path);
        throw new AppleKeyException(PrivateKeyInput, "neither PEM text, base64 of a PEM, nor an existing file");
    }

    private static string? TryDecodeBase64(string input)
    {
        var compact = string.Concat(input.Where(c => !char.IsWhiteSpace(c)));
        var buffer = new byte[compact.Length];
        if (!Convert.TryFromBase64String(compact, buffer, out var written)) return null;
        var text = Encoding.UTF8.GetString(buffer, 0, written);
        return text.Contains(PemMarker, StringComparison.Ordinal) ? text : null;
    }

    private static string? FileOf(string input, string? workingDirectory)
    {
        // A long single token is key material, not a path: never echo it, never probe the disk with it.
        if (input.Contains('\n') || input.Length > 4096) return null;
        try
        {
            var path = Path.IsPathRooted(input) || workingDirectory is null ? input : Path.Combine(workingDirectory, input);
            return File.Exists(path) ? path : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string ReadKeyFile(string path)
    {
        var text = File.ReadAllText(path);
        if (text.Contains(PemMarker, StringComparison.Ordinal)) return text;
        return TryDecodeBase64(text.Trim())
               ?? throw new AppleKeyException(PrivateKeyInput, "the key file holds no PEM private key");
    }

    private static bool IsP256(ECDsa key)
    {
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        return curve.IsNamed && curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value;
    }
}
