using CiPublisher.Core.Apple;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.AppleDevices;

namespace CiPublisher.Cli;

internal static class AppleBinding
{
    public static AppleSettings? Bind(InputReader reader, SecretRegistry secrets, string workingDirectory)
    {
        var keyId = reader.Text("apple-key-id");
        var key = reader.Text("apple-private-key");
        var devicesGiven = reader.Raw("apple-devices").IsGiven || reader.Raw("apple-devices-file").IsGiven
                           || (reader.Raw("apple-devices-from-fenfa").IsGiven && reader.Bool("apple-devices-from-fenfa"));
        if (keyId is null && key is null)
        {
            if (devicesGiven) reader.Fail("apple-key-id", "and apple-private-key are required to register apple-devices");
            return null;
        }
        if (keyId is null) reader.Fail("apple-key-id", "is required with apple-private-key: the API key's ID (10 characters)");
        if (key is null) reader.Fail("apple-private-key", "is required with apple-key-id: the .p8 key as PEM text, base64 of the PEM, or a file path");

        var fromFenfa = reader.Bool("apple-devices-from-fenfa");
        if (fromFenfa && (reader.Raw("fenfa-url").Text is null || reader.Raw("fenfa-token").Text is null))
            reader.Fail("apple-devices-from-fenfa", "needs fenfa-url and an admin fenfa-token to read the devices bound in Fenfa");

        var settings = new AppleSettings
        {
            KeyId = keyId ?? "",
            IssuerId = reader.Text("apple-issuer-id"),
            PrivateKey = key ?? "",
            ApiUrl = reader.Url("apple-api-url") ?? AppleSettings.DefaultApiUrl,
            Devices = reader.Lines("apple-devices"),
            DevicesFile = reader.ExistingFile("apple-devices-file"),
            DevicesFromFenfa = fromFenfa,
            MaxNewDevices = reader.WholeNumber("apple-max-new-devices", 0, 1000),
            RefreshProfiles = reader.Bool("apple-refresh-profiles"),
            ProfileTypes = ProfileTypes(reader),
            CreateMissingProfiles = reader.Bool("apple-create-missing-profiles"),
            ProfilesIncludeMacs = reader.Bool("apple-profiles-include-macs"),
        };
        if (keyId is not null && key is not null) ValidateKey(reader, settings, secrets, workingDirectory);
        return settings;
    }

    private static List<string> ProfileTypes(InputReader reader)
    {
        var given = reader.List("apple-profile-types");
        if (given.Count == 0) return [ProfileTypeRule.IosAdHoc];
        var types = given.Select(t => t.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in types.Where(t => !ProfileTypeRule.DeviceHolding.ContainsKey(t)))
            reader.Fail("apple-profile-types", $"'{unknown}' is not a profile type that holds devices; use any of " +
                                               string.Join(", ", ProfileTypeRule.DeviceHolding.Keys));
        return types;
    }

    /// <summary>
    /// A malformed, non-P-256 or unreadable key is an input error found before any request. Loading it also
    /// registers the PEM it decodes to (from base64 or a file), so no line of the key can be printed later.
    /// </summary>
    private static void ValidateKey(InputReader reader, AppleSettings settings, SecretRegistry secrets, string workingDirectory)
    {
        try
        {
            AppleKeyLoader.Validate(settings, workingDirectory);
            using var key = AppleKeyLoader.Load(settings.PrivateKey, workingDirectory, secrets);
        }
        catch (AppleKeyException e)
        {
            reader.Fail(e.Input, e.Problem);
        }
    }
}
