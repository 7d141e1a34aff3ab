namespace CiPublisher.Core.Targets.Aptoide;

public sealed record AptoideSettings
{
    public required string Repo { get; init; }
    public string? Token { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
    public static Uri DefaultApiUrl { get; } = new("https://webservices.aptoide.com/webservices/");
    public Uri ApiUrl { get; init; } = DefaultApiUrl;

    /// <summary>Aptoide category number, passed through (v3 numbering: 16 Tools, 33 Business, ...).</summary>
    public string? Category { get; init; }

    /// <summary>Age rating: 1 All, 2 Pre-Teen, 3 Teen, 4 Mature (or those names).</summary>
    public string? Rating { get; init; }

    public string? Description { get; init; }

    /// <summary>Publish only to this store; false also proposes the app to Aptoide's main catalogue.</summary>
    public bool OnlyUserRepo { get; init; } = true;
}
