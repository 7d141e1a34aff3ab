using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CiPublisher.Core.Apple;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Time.Testing;

namespace CiPublisher.Tests.Apple;

public class AppStoreConnectTokenProviderTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly SecretRegistry _secrets = new();

    private AppStoreConnectTokenProvider Provider(string? issuer) =>
        new(new AppleSettings { KeyId = "2X9R4HXF34", IssuerId = issuer, PrivateKey = _key.ExportPkcs8PrivateKeyPem() },
            _secrets, _time);

    private static JsonElement Part(string token, int index)
    {
        var part = token.Split('.')[index].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonDocument.Parse(Convert.FromBase64String(part)).RootElement;
    }

    [Fact]
    public void GetToken_TeamKey_HasAppleHeaderAndClaimsAndAValidEs256Signature()
    {
        using var provider = Provider("69a6de70-03db-47e3-e053-5b8c7c11a4d1");

        var token = provider.GetToken();

        var header = Part(token, 0);
        header.GetProperty("alg").GetString().Should().Be("ES256");
        header.GetProperty("kid").GetString().Should().Be("2X9R4HXF34");
        header.GetProperty("typ").GetString().Should().Be("JWT");
        var payload = Part(token, 1);
        payload.GetProperty("iss").GetString().Should().Be("69a6de70-03db-47e3-e053-5b8c7c11a4d1");
        payload.GetProperty("aud").GetString().Should().Be("appstoreconnect-v1");
        payload.TryGetProperty("sub", out _).Should().BeFalse();
        var iat = payload.GetProperty("iat").GetInt64();
        var exp = payload.GetProperty("exp").GetInt64();
        iat.Should().BeLessThan(Start.ToUnixTimeSeconds(), "iat is back-dated for clock skew");
        (exp - iat).Should().BeLessThanOrEqualTo(20 * 60);
        exp.Should().BeGreaterThan(Start.ToUnixTimeSeconds());

        var parts = token.Split('.');
        var signature = Base64Url(parts[2]);
        signature.Should().HaveCount(64, "JWS ES256 signatures are raw r||s");
        _key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), signature, HashAlgorithmName.SHA256)
            .Should().BeTrue();
    }

    [Fact]
    public void ASecondProviderOfTheSameKey_SignsAfterTheFirstIsDisposed()
    {
        using (var first = Provider(null)) first.GetToken();
        using var second = Provider(null);

        var token = second.GetToken();

        var parts = token.Split('.');
        _key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url(parts[2]), HashAlgorithmName.SHA256)
            .Should().BeTrue();
    }

    [Fact]
    public void GetToken_IndividualKey_SaysSubUserAndHasNoIssuer()
    {
        using var provider = Provider(null);

        var payload = Part(provider.GetToken(), 1);

        payload.GetProperty("sub").GetString().Should().Be("user");
        payload.TryGetProperty("iss", out _).Should().BeFalse();
    }

    [Fact]
    public void GetToken_ReusesTheTokenUntilItIsAboutToExpire_ThenIssuesANewOne()
    {
        using var provider = Provider("issuer");
        var first = provider.GetToken();

        _time.Advance(TimeSpan.FromMinutes(5));
        provider.GetToken().Should().Be(first);

        _time.Advance(TimeSpan.FromMinutes(7));
        var renewed = provider.GetToken();

        renewed.Should().NotBe(first);
        Part(renewed, 1).GetProperty("exp").GetInt64().Should().BeGreaterThan(Part(first, 1).GetProperty("exp").GetInt64());
    }

    [Fact]
    public void GetToken_RegistersTheTokenAndEveryKeyLineAsSecrets()
    {
        using var provider = Provider("issuer");
        var token = provider.GetToken();
        var keyLine = _key.ExportPkcs8PrivateKeyPem().Split('\n')[1];

        _secrets.Redact($"bearer {token} key {keyLine}").Should().Be("bearer *** key ***");
    }

    [Fact]
    public void GetToken_KeyGivenAsBase64_RegistersTheDecodedPemLinesToo()
    {
        var pem = _key.ExportPkcs8PrivateKeyPem();
        var settings = new AppleSettings { KeyId = "2X9R4HXF34", PrivateKey = Convert.ToBase64String(Encoding.UTF8.GetBytes(pem)) };
        using var provider = new AppStoreConnectTokenProvider(settings, _secrets, _time);

        provider.GetToken();

        var keyLine = pem.Split('\n')[2];
        _secrets.Redact($"line {keyLine}").Should().Be("line ***");
    }

    private static byte[] Base64Url(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }
}
