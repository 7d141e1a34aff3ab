namespace CiPublisher.Core.Targets.Aptoide;

public sealed record AptoideSettings
{
    public required string Repo { get; init; }
    public string? Token { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
    public static Uri DefaultApiUrl { get; } = new("https://webservices.aptoide.com/webservices/");
    public Uri ApiUrl { get; init; } = DefaultApiUrl;

    /// <summary>The store listing fields (<c>aptoide-category</c>, <c>aptoide-rating</c>, <c>aptoide-description</c>), parsed.</summary>
    public AptoideListing Listing { get; init; } = new(null, null, null);

    /// <summary>Publish only to this store; false also proposes the app to Aptoide's main catalogue.</summary>
    public bool OnlyUserRepo { get; init; } = true;
}
