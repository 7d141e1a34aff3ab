using CiPublisher.Core.Settings.Inputs;

namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>The inputs of the Aptoide target; <c>aptoide-repo</c> enables it.</summary>
public static class AptoideInputs
{
    public static InputDeclaration Repo { get; } = new("aptoide-repo", InputKind.Text,
        "Aptoide store (repo) name; enables the Aptoide target.");

    public static InputDeclaration Token { get; } = new("aptoide-token", InputKind.Text,
        "Aptoide OAuth access token.") { Secret = true };

    public static InputDeclaration Username { get; } = new("aptoide-username", InputKind.Text,
        "Aptoide user name (with aptoide-password, instead of a token).");

    public static InputDeclaration Password { get; } = new("aptoide-password", InputKind.Text,
        "Aptoide password.") { Secret = true };

    public static InputDeclaration ApiUrl { get; } = new("aptoide-api-url", InputKind.Url,
        "Aptoide web services base URL.") { Default = AptoideSettings.DefaultApiUrl.OriginalString };

    public static InputDeclaration Category { get; } = new("aptoide-category", InputKind.Text,
        "Aptoide store listing category.");

    public static InputDeclaration Rating { get; } = new("aptoide-rating", InputKind.Text,
        "Aptoide store listing rating.");

    public static InputDeclaration Description { get; } = new("aptoide-description", InputKind.Text,
        "Aptoide store listing description.");

    public static InputDeclaration OnlyUserRepo { get; } = new("aptoide-only-user-repo", InputKind.Bool,
        "Publish only to this Aptoide store; false also proposes the app to Aptoide's main catalogue.") { Default = "true" };

    public static InputGroup Group { get; } = new("Aptoide", [Repo, Token, Username, Password, ApiUrl, Category, Rating, Description, OnlyUserRepo]);
}
