using CiPublisher.Core.Apple;
using CiPublisher.Core.Settings.Inputs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>
/// Apple devices: the App Store Connect key (<c>apple-key-id</c>, <c>apple-private-key</c>) enables it. Registers the
/// testers' devices and keeps the profiles current; the key, checked here before any request, also serves the AltStore
/// module's ADP lookup.
/// </summary>
public sealed class AppleDevicesModule : TargetModule<AppleSettings>
{
    public override AppleSettings? Bind(InputReader inputs, BindingScope scope)
    {
        var keyId = inputs.Text("apple-key-id");
        var key = inputs.Text("apple-private-key");
        var devicesGiven = inputs.Raw("apple-devices").IsGiven || inputs.Raw("apple-devices-file").IsGiven
                           || (inputs.Raw("apple-devices-from-fenfa").IsGiven && inputs.Bool("apple-devices-from-fenfa"));
        if (keyId is null && key is null)
        {
            if (devicesGiven) inputs.Fail("apple-key-id", "and apple-private-key are required to register apple-devices");
            return null;
        }
        if (keyId is null) inputs.Fail("apple-key-id", "is required with apple-private-key: the API key's ID (10 characters)");
        if (key is null) inputs.Fail("apple-private-key", "is required with apple-key-id: the .p8 key as PEM text, base64 of the PEM, or a file path");

        var fromFenfa = inputs.Bool("apple-devices-from-fenfa");
        if (fromFenfa && (inputs.Raw("fenfa-url").Text is null || inputs.Raw("fenfa-token").Text is null))
            inputs.Fail("apple-devices-from-fenfa", "needs fenfa-url and an admin fenfa-token to read the devices bound in Fenfa");

        var settings = new AppleSettings
        {
            KeyId = keyId ?? "",
            IssuerId = inputs.Text("apple-issuer-id"),
            PrivateKey = key ?? "",
            ApiUrl = inputs.Url("apple-api-url") ?? AppleSettings.DefaultApiUrl,
            Devices = inputs.Lines("apple-devices"),
            DevicesFile = inputs.ExistingFile("apple-devices-file"),
            DevicesFromFenfa = fromFenfa,
            MaxNewDevices = inputs.WholeNumber("apple-max-new-devices", 0, 1000),
            RefreshProfiles = inputs.Bool("apple-refresh-profiles"),
            ProfileTypes = ProfileTypes(inputs),
            CreateMissingProfiles = inputs.Bool("apple-create-missing-profiles"),
            ProfilesIncludeMacs = inputs.Bool("apple-profiles-include-macs"),
        };
        return keyId is not null && key is not null ? WithKeyRead(inputs, settings, scope) : settings;
    }

    public override void Register(IServiceCollection services, AppleSettings apple)
    {
        services.TryAddSingleton(apple);

        services.AddSingleton<AppStoreConnectQuota>();
        services.AddAppStoreConnectClient<IAppStoreConnectDevicesApi>(AppleDevicesTarget.ServiceName, apple, AppleDevicesJsonContext.Default)
            .AddHttpMessageHandler(sp => new AppStoreConnectQuotaHandler(sp.GetRequiredService<AppStoreConnectQuota>()));

        services.AddSingleton<DeviceSources>();
        services.AddSingleton<AppStoreConnectDevicesClient>();
        services.AddSingleton<DeviceRegistrar>();
        services.AddSingleton<ProfileRefresher>();
        services.AddSingleton<IPublishTarget, AppleDevicesTarget>();
    }

    private static List<string> ProfileTypes(InputReader inputs)
    {
        var given = inputs.List("apple-profile-types");
        if (given.Count == 0) return [ProfileTypeRule.IosAdHoc];
        var types = given.Select(t => t.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in types.Where(t => !ProfileTypeRule.DeviceHolding.ContainsKey(t)))
            inputs.Fail("apple-profile-types", $"'{unknown}' is not a profile type that holds devices; use any of " +
                                               string.Join(", ", ProfileTypeRule.DeviceHolding.Keys));
        return types;
    }

    /// <summary>
    /// The key as its PEM text, read once here from the text, base64 or file given: a malformed, non-P-256 or unreadable
    /// key is an input error before any request, and the PEM is registered as a secret, so no line of it can be printed.
    /// </summary>
    private static AppleSettings WithKeyRead(InputReader inputs, AppleSettings settings, BindingScope scope)
    {
        try
        {
            return settings with { PrivateKey = AppleKeyLoader.ReadPem(settings, scope.WorkingDirectory, scope.Secrets) };
        }
        catch (AppleKeyException e)
        {
            inputs.Fail(e.Input, e.Problem);
            return settings;
        }
    }
}
