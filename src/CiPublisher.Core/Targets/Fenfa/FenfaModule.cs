using CiPublisher.Core.Http;
using CiPublisher.Core.Settings.Inputs;
using CiPublisher.Core.Targets.AppleDevices;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>
/// Fenfa: <c>fenfa-url</c> enables it. Adds the client, the publish target, and Fenfa as a source of testers' devices
/// (read by the Apple devices target only with <c>apple-devices-from-fenfa</c>).
/// </summary>
public sealed class FenfaModule : TargetModule<FenfaSettings>
{
    public override InputGroup Inputs => FenfaInputs.Group;

    public override FenfaSettings? Bind(InputReader inputs, BindingScope scope)
    {
        var url = inputs.Url(FenfaInputs.Url);
        if (url is null)
        {
            if (inputs.Raw(FenfaInputs.Url).IsGiven) return null; // given but refused: that error says it
            foreach (var dependent in new[] { FenfaInputs.Token, FenfaInputs.Product, FenfaInputs.VariantId })
            {
                if (inputs.Raw(dependent).IsGiven) inputs.Fail(dependent, "is given but fenfa-url is not; give the Fenfa server URL too");
            }
            // The Apple devices module asks for Fenfa's devices; what reading them takes is this module's to say.
            if (inputs.Bool(AppleInputs.DevicesFromFenfa))
                inputs.Fail(AppleInputs.DevicesFromFenfa, "needs fenfa-url and an admin fenfa-token to read the devices bound in Fenfa");
            return null;
        }

        var token = inputs.Text(FenfaInputs.Token);
        var product = inputs.Text(FenfaInputs.Product);
        var variant = inputs.Text(FenfaInputs.VariantId);
        if (token is null) inputs.Fail(FenfaInputs.Token, "is required with fenfa-url: an upload token (with fenfa-variant-id) or an admin token (with fenfa-product)");
        if (product is null && variant is null)
            inputs.Fail(FenfaInputs.Product, "or fenfa-variant-id is required with fenfa-url: a product slug to find or create (admin token), or the variant ID to upload to (upload token)");

        return new FenfaSettings
        {
            Url = url,
            Token = token,
            Product = product,
            ProductName = inputs.Text(FenfaInputs.ProductName),
            VariantId = variant,
            Publish = inputs.Bool(FenfaInputs.Publish),
            SkipExisting = inputs.Bool(FenfaInputs.SkipExisting),
        };
    }

    public override void Register(IServiceCollection services, FenfaSettings fenfa)
    {
        services.AddSingleton(fenfa);
        services.AddServiceClient<IFenfaApi>(FenfaResponses.Service, fenfa.Url, FenfaJsonContext.Default, _ => new FenfaAuthHandler(fenfa.Token));
        services.AddSingleton<FenfaClient>();
        services.AddSingleton<IPublishTarget, FenfaTarget>();
        services.AddSingleton<IDeviceSource, FenfaDeviceSource>();
    }
}
