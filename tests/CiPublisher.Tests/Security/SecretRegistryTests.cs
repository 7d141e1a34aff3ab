using System.Text;
using CiPublisher.Core.Security;

namespace CiPublisher.Tests.Security;

public class SecretRegistryTests
{
    [Fact]
    public void Redact_RemovesTheSecretItsBase64AndEachLineOfAMultiLineSecret()
    {
        var registry = new SecretRegistry();
        const string pem = "-----BEGIN PRIVATE KEY-----\nMIGTAgEAMBMGByqGSM49AgEGCCqGSM49\nAwEHBHkwdwIBAQQg\n-----END PRIVATE KEY-----";
        registry.Register(pem);
        registry.Register("tok-canary-1234");

        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("tok-canary-1234"));
        var text = $"a tok-canary-1234 b {base64} c MIGTAgEAMBMGByqGSM49AgEGCCqGSM49 d";

        registry.Redact(text).Should().Be("a *** b *** c *** d");
    }

    [Fact]
    public void Register_TellsListenersEachNewFragmentOnce()
    {
        var registry = new SecretRegistry();
        var masked = new List<string>();
        registry.OnRegistered(masked.Add);

        registry.Register("line-one-secret\nline-two-secret");
        registry.Register("line-one-secret\nline-two-secret");

        masked.Should().Contain(["line-one-secret", "line-two-secret"]);
        masked.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Register_IgnoresEmptyValues_AndValuesTooShortToBeCredentials()
    {
        var registry = new SecretRegistry();
        var masked = new List<string>();
        registry.OnRegistered(masked.Add);

        registry.Register("   ");
        registry.Register("t");
        registry.Register("abc");

        registry.Redact("nothing to hide, not even abc").Should().Be("nothing to hide, not even abc");
        masked.Should().BeEmpty();
    }
}
