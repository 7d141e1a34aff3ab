using System.Security.Cryptography;
using System.Text;
using CiPublisher.Core.Apple;
using CiPublisher.Core.Settings;

namespace CiPublisher.Tests.Apple;

public class AppleKeyLoaderTests
{
    private static string P256Pem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    [Fact]
    public void Load_AcceptsPemText()
    {
        using var key = AppleKeyLoader.Load(P256Pem(), null);
        key.KeySize.Should().Be(256);
    }

    [Fact]
    public void Load_AcceptsBase64OfThePem()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(P256Pem()));
        using var key = AppleKeyLoader.Load(base64, null);
        key.KeySize.Should().Be(256);
    }

    [Fact]
    public void Load_AcceptsAFilePathRelativeToTheWorkingDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("asc-key-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "AuthKey_TEST.p8"), P256Pem());
            using var key = AppleKeyLoader.Load("AuthKey_TEST.p8", directory.FullName);
            key.KeySize.Should().Be(256);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    public static TheoryData<string, string> BadKeys()
    {
        using var rsa = RSA.Create(2048);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return new TheoryData<string, string>
        {
            { "garbage", "not-a-key-garbage-canary-Zq81" },
            { "empty", "   " },
            { "rsa", rsa.ExportPkcs8PrivateKeyPem() },
            { "p384", p384.ExportPkcs8PrivateKeyPem() },
            { "truncated pem", "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----" },
        };
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public void Load_RejectsMalformedOrForeignKeys_NamingTheInputButNoKeyMaterial(string kind, string input)
    {
        var act = () => AppleKeyLoader.Load(input, null);

        var error = act.Should().Throw<AppleKeyException>().Which;
        error.Input.Should().Be("apple-private-key", kind);
        error.Message.Should().StartWith("apple-private-key:");
        foreach (var line in input.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                     .Where(l => !l.StartsWith("-----", StringComparison.Ordinal) && l.Length > 0))
        {
            error.Message.Should().NotContain(line);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("KEY/ID")]
    public void ReadPem_RejectsAMissingOrMalformedKeyId(string keyId)
    {
        var settings = new AppleSettings { KeyId = keyId, PrivateKey = P256Pem() };

        var act = () => AppleKeyLoader.ReadPem(settings, null);

        act.Should().Throw<AppleKeyException>().Which.Input.Should().Be("apple-key-id");
    }

    [Fact]
    public void ReadPem_AcceptsAGoodKeyAndKeyId_AndGivesThePemOfABase64Key()
    {
        var pem = P256Pem();
        var settings = new AppleSettings { KeyId = "2X9R4HXF34", PrivateKey = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem)) };

        AppleKeyLoader.ReadPem(settings, null).Should().Be(pem);
    }
}
