namespace CiPublisher.Core.Apple;

public sealed record AppleSettings
{
    public required string KeyId { get; init; }
    public string? IssuerId { get; init; }
    public required string PrivateKey { get; init; }
    public static Uri DefaultApiUrl { get; } = new("https://api.appstoreconnect.apple.com");
    public Uri ApiUrl { get; init; } = DefaultApiUrl;
    public IReadOnlyList<string> Devices { get; init; } = [];
    public string? DevicesFile { get; init; }
    public bool DevicesFromFenfa { get; init; }
    public int? MaxNewDevices { get; init; }
    public bool RefreshProfiles { get; init; }
    public IReadOnlyList<string> ProfileTypes { get; init; } = ["IOS_APP_ADHOC"];
    public bool CreateMissingProfiles { get; init; }
    public bool ProfilesIncludeMacs { get; init; }

    /// <summary>Whether the run touches profiles at all: keeping existing ones current, creating missing ones, or both.</summary>
    public bool ManagesProfiles => RefreshProfiles || CreateMissingProfiles;
}
