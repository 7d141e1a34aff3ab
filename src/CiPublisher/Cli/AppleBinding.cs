using CiPublisher.Core.Settings;

namespace CiPublisher.Cli;

internal static class AppleBinding
{
    public static AppleSettings? Bind(InputReader reader)
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

        return new AppleSettings
        {
            KeyId = keyId ?? "",
            IssuerId = reader.Text("apple-issuer-id"),
            PrivateKey = key ?? "",
            ApiUrl = reader.Url("apple-api-url") ?? new Uri("https://api.appstoreconnect.apple.com/"),
            Devices = reader.Lines("apple-devices"),
            DevicesFile = reader.ExistingFile("apple-devices-file"),
            DevicesFromFenfa = reader.Bool("apple-devices-from-fenfa"),
            MaxNewDevices = reader.WholeNumber("apple-max-new-devices", 0, 1000),
            RefreshProfiles = reader.Bool("apple-refresh-profiles"),
        };
    }
}
