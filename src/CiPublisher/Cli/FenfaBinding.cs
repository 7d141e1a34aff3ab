using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.Fenfa;

namespace CiPublisher.Cli;

internal static class FenfaBinding
{
    public static FenfaSettings? Bind(InputReader reader)
    {
        var url = reader.Url("fenfa-url");
        if (url is null)
        {
            foreach (var dependent in new[] { "fenfa-token", "fenfa-product", "fenfa-variant-id" })
            {
                if (reader.Raw(dependent).IsGiven && reader.Raw("fenfa-url").Text is null)
                    reader.Fail(dependent, "is given but fenfa-url is not; give the Fenfa server URL too");
            }
            return null;
        }

        var token = reader.Text("fenfa-token");
        var product = reader.Text("fenfa-product");
        var variant = reader.Text("fenfa-variant-id");
        if (token is null) reader.Fail("fenfa-token", "is required with fenfa-url: an upload token (with fenfa-variant-id) or an admin token (with fenfa-product)");
        if (product is null && variant is null)
            reader.Fail("fenfa-product", "or fenfa-variant-id is required with fenfa-url: a product slug to find or create (admin token), or the variant ID to upload to (upload token)");

        return new FenfaSettings
        {
            Url = url,
            Token = token,
            Product = product,
            ProductName = reader.Text("fenfa-product-name"),
            VariantId = variant,
            Publish = reader.Bool("fenfa-publish"),
            SkipExisting = reader.Bool("fenfa-skip-existing"),
        };
    }
}
