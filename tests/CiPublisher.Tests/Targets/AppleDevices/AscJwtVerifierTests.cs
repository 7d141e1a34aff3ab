using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CiPublisher.Emulators.AppStoreConnect;
using Microsoft.Extensions.Time.Testing;

namespace CiPublisher.Tests.Targets.AppleDevices;

/// <summary>The emulator must refuse what Apple refuses, or the integration tests prove nothing.</summary>
public class AscJwtVerifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly FakeTimeProvider _time = new(Now);

    private string Token(object header, object payload, ECDsa? signer = null)
    {
        static string Part(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var input = $"{Part(JsonSerializer.SerializeToUtf8Bytes(header))}.{Part(JsonSerializer.SerializeToUtf8Bytes(payload))}";
        return $"Bearer {input}.{Part((signer ?? _key).SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256))}";
    }

    private static object Header(string alg = "ES256", string kid = "KEY1234567") => new { alg, kid, typ = "JWT" };

    private static object Payload(long iatOffset = -60, long expOffset = 840, string aud = "appstoreconnect-v1", string? iss = "issuer") =>
        new { iss, iat = Now.ToUnixTimeSeconds() + iatOffset, exp = Now.ToUnixTimeSeconds() + expOffset, aud };

    private AscJwtVerifier Verifier(string? issuer = "issuer") => new(_key, "KEY1234567", issuer, _time);

    [Fact]
    public void AcceptsAWellFormedTeamToken() => Verifier().Problem(Token(Header(), Payload())).Should().BeNull();

    [Fact]
    public void AcceptsAnIndividualKeyTokenWithSubUser() =>
        Verifier(issuer: null).Problem(Token(Header(), new { sub = "user", iat = Now.ToUnixTimeSeconds(), exp = Now.ToUnixTimeSeconds() + 600, aud = "appstoreconnect-v1" }))
            .Should().BeNull();

    [Fact]
    public void RefusesAnotherKeysSignature()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Verifier().Problem(Token(Header(), Payload(), other)).Should().Be("bad signature");
    }

    [Fact]
    public void RefusesTheWrongKeyIdAndAlgorithm()
    {
        Verifier().Problem(Token(Header(kid: "OTHER12345"), Payload())).Should().Be("unknown kid");
        Verifier().Problem(Token(Header(alg: "HS256"), Payload())).Should().Be("alg is not ES256");
    }

    [Fact]
    public void RefusesExpiredFutureAndOverlongTokens()
    {
        Verifier().Problem(Token(Header(), Payload(iatOffset: -1000, expOffset: -1))).Should().Be("expired");
        Verifier().Problem(Token(Header(), Payload(iatOffset: 300, expOffset: 900))).Should().Be("iat in the future");
        Verifier().Problem(Token(Header(), Payload(iatOffset: 0, expOffset: 1800))).Should().Be("lifetime over 20 minutes");
    }

    [Fact]
    public void RefusesTheWrongAudienceOrIssuer()
    {
        Verifier().Problem(Token(Header(), Payload(aud: "appstoreconnect-v2"))).Should().Be("aud is not appstoreconnect-v1");
        Verifier().Problem(Token(Header(), Payload(iss: "someone-else"))).Should().Be("wrong iss");
        Verifier(issuer: null).Problem(Token(Header(), Payload())).Should().Be("an individual key needs sub=user and no iss");
    }

    [Fact]
    public void ATokenGoesStaleWhenTheEmulatorsClockPassesItsExpiry()
    {
        var token = Token(Header(), Payload());
        Verifier().Problem(token).Should().BeNull();

        _time.Advance(TimeSpan.FromMinutes(15));

        Verifier().Problem(token).Should().Be("expired");
    }
}
