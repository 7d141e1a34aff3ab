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
    public override InputGroup Inputs => AppleInputs.Group;

    public override AppleSettings? Bind(InputReader inputs, BindingScope scope)
    {
        var keyId = inputs.Text(AppleInputs.KeyId);
        var key = inputs.Text(AppleInputs.PrivateKey);
        var devicesGiven = inputs.Raw(AppleInputs.Devices).IsGiven || inputs.Raw(AppleInputs.DevicesFile).IsGiven
                           || (inputs.Raw(AppleInputs.DevicesFromFenfa).IsGiven && inputs.Bool(AppleInputs.DevicesFromFenfa));
        if (keyId is null && key is null)
        {
            if (devicesGiven) inputs.Fail(AppleInputs.KeyId, "and apple-private-key are required to register apple-devices");
            return null;
        }
        if (keyId is null) inputs.Fail(AppleInputs.KeyId, "is required with apple-private-key: the API key's ID (10 characters)");
        if (key is null) inputs.Fail(AppleInputs.PrivateKey, "is required with apple-key-id: the .p8 key as PEM text, base64 of the PEM, or a file path");

        var settings = new AppleSettings
        {
            KeyId = keyId ?? "",
            IssuerId = inputs.Text(AppleInputs.IssuerId),
            PrivateKey = key ?? "",
            ApiUrl = inputs.Url(AppleInputs.ApiUrl) ?? AppleSettings.DefaultApiUrl,
            Devices = inputs.Lines(AppleInputs.Devices),
            DevicesFile = inputs.ExistingFile(AppleInputs.DevicesFile),
            DevicesFromFenfa = inputs.Bool(AppleInputs.DevicesFromFenfa),
            MaxNewDevices = inputs.WholeNumber(AppleInputs.MaxNewDevices, 0, 1000),
            RefreshProfiles = inputs.Bool(AppleInputs.RefreshProfiles),
            ProfileTypes = ProfileTypes(inputs),
            CreateMissingProfiles = inputs.Bool(AppleInputs.CreateMissingProfiles),
            ProfilesIncludeMacs = inputs.Bool(AppleInputs.ProfilesIncludeMacs),
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
        var given = inputs.List(AppleInputs.ProfileTypes);
        if (given.Count == 0) return [ProfileTypeRule.IosAdHoc];
        var types = given.Select(t => t.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in types.Where(t => !ProfileTypeRule.DeviceHolding.ContainsKey(t)))
            inputs.Fail(AppleInputs.ProfileTypes, $"'{unknown}' is not a profile type that holds devices; use any of " +
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
            inputs.Fail(e.Input == AppleInputs.KeyId.Name ? AppleInputs.KeyId : AppleInputs.PrivateKey, e.Problem);
            return settings;
        }
    }
}
