using System.Security.Cryptography;
using CiPublisher.Cli;
using CiPublisher.Core.Apple;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Core.Targets.Aptoide;
using CiPublisher.Core.Targets.Fenfa;

namespace CiPublisher.Tests.Cli;

/// <summary>
/// Defaults live once, on the settings types: what an input left out binds to (its declared default, from which
/// action.yml and README are generated) must be the settings type's own default.
/// </summary>
public sealed class DefaultsConventionTests : IDisposable
{
    private readonly string _workspace = Directory.CreateTempSubdirectory("cipublisher-defaults-").FullName;

    public void Dispose() => Directory.Delete(_workspace, recursive: true);

    [Fact]
    public void EveryInputLeftOut_BindsToTheSettingsTypesDefault()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var environment = new Dictionary<string, string>
        {
            ["INPUT_ARTIFACTS"] = "*.ipa",
            ["INPUT_FENFA-URL"] = "https://dist.example.com", ["INPUT_FENFA-TOKEN"] = "t", ["INPUT_FENFA-PRODUCT"] = "lumen",
            ["INPUT_APPLE-KEY-ID"] = "2X9R4HXF34", ["INPUT_APPLE-PRIVATE-KEY"] = key.ExportPkcs8PrivateKeyPem(),
            ["INPUT_ALTSTORE-ADP-ID"] = "adp-1",
            ["INPUT_APTOIDE-REPO"] = "store", ["INPUT_APTOIDE-TOKEN"] = "t",
        };

        var (bound, errors) = new SettingsBinder(new InputSources(null, environment), environment, _workspace, new SecretRegistry())
            .Bind(Verbs.Publish, new RunContext());

        errors.Should().BeEmpty();
        var settings = bound!;
        var run = new RunSettings { Command = Verbs.Publish, WorkingDirectory = _workspace };
        settings.Timeout.Should().Be(run.Timeout);
        settings.MaxParallel.Should().Be(run.MaxParallel);
        settings.Http.Should().Be(new HttpSettings());
        var fenfa = new FenfaSettings { Url = new Uri("https://dist.example.com") };
        settings.Module<FenfaSettings>()!.Publish.Should().Be(fenfa.Publish);
        settings.Module<FenfaSettings>()!.SkipExisting.Should().Be(fenfa.SkipExisting);
        var apple = new AppleSettings { KeyId = "k", PrivateKey = "p" };
        settings.Module<AppleSettings>()!.ApiUrl.Should().Be(apple.ApiUrl);
        settings.Module<AppleSettings>()!.ProfileTypes.Should().Equal(apple.ProfileTypes);
        settings.Module<AppleSettings>()!.RefreshProfiles.Should().Be(apple.RefreshProfiles);
        settings.Module<AppleSettings>()!.CreateMissingProfiles.Should().Be(apple.CreateMissingProfiles);
        var altstore = new AltStoreSettings();
        settings.Module<AltStoreSettings>()!.ApiUrl.Should().Be(altstore.ApiUrl);
        settings.Module<AltStoreSettings>()!.Wait.Should().Be(altstore.Wait);
        settings.Module<AltStoreSettings>()!.WaitTimeout.Should().Be(altstore.WaitTimeout);
        var aptoide = new AptoideSettings { Repo = "store" };
        settings.Module<AptoideSettings>()!.ApiUrl.Should().Be(aptoide.ApiUrl);
        settings.Module<AptoideSettings>()!.OnlyUserRepo.Should().Be(aptoide.OnlyUserRepo);
    }
}
