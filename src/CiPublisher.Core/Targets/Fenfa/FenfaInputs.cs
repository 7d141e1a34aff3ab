using CiPublisher.Core.Settings.Inputs;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>The inputs of the Fenfa target; <c>fenfa-url</c> enables it.</summary>
public static class FenfaInputs
{
    public static InputDeclaration Url { get; } = new("fenfa-url", InputKind.Url,
        "Fenfa server base URL; enables the Fenfa target.");

    public static InputDeclaration Token { get; } = new("fenfa-token", InputKind.Text,
        "Fenfa upload or admin token.") { Secret = true };

    public static InputDeclaration Product { get; } = new("fenfa-product", InputKind.Text,
        "Fenfa product slug: found, or created (admin token).");

    public static InputDeclaration ProductName { get; } = new("fenfa-product-name", InputKind.Text,
        "Product name when it must be created (default: the app's display name).");

    public static InputDeclaration VariantId { get; } = new("fenfa-variant-id", InputKind.Text,
        "Upload straight to this Fenfa variant (an upload token suffices).");

    public static InputDeclaration Publish { get; } = new("fenfa-publish", InputKind.Bool,
        "Make sure product and variant are published (admin token).") { Default = "true" };

    public static InputDeclaration SkipExisting { get; } = new("fenfa-skip-existing", InputKind.Bool,
        "Skip an artifact already on its variant: the same bytes (admin token) or the same version and build (upload token).") { Default = "true" };

    public static InputGroup Group { get; } = new("Fenfa", [Url, Token, Product, ProductName, VariantId, Publish, SkipExisting]);
}
