using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Settings.Inputs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>Aptoide: <c>aptoide-repo</c> enables it. Adds the client and the target that uploads the APKs.</summary>
public sealed class AptoideModule : TargetModule<AptoideSettings>
{
    public override InputGroup Inputs => AptoideInputs.Group;

    public override AptoideSettings? Bind(InputReader inputs, BindingScope scope)
    {
        var repo = inputs.Text(AptoideInputs.Repo);
        if (repo is null)
        {
            if (inputs.Raw(AptoideInputs.Token).IsGiven || inputs.Raw(AptoideInputs.Username).IsGiven)
                inputs.Fail(AptoideInputs.Repo, "is required to upload to Aptoide: the store (repo) name");
            return null;
        }

        var token = inputs.Text(AptoideInputs.Token);
        var username = inputs.Text(AptoideInputs.Username);
        var password = inputs.Text(AptoideInputs.Password);
        if (token is null && (username is null || password is null))
            inputs.Fail(AptoideInputs.Token, "is required with aptoide-repo (or give aptoide-username and aptoide-password)");

        return new AptoideSettings
        {
            Repo = repo,
            Token = token,
            Username = username,
            Password = password,
            ApiUrl = inputs.Url(AptoideInputs.ApiUrl) ?? AptoideSettings.DefaultApiUrl,
            Listing = new AptoideListing(ListingNumber(inputs, AptoideInputs.Category, AptoideListing.ParseCategory),
                ListingNumber(inputs, AptoideInputs.Rating, AptoideListing.ParseRating), inputs.Text(AptoideInputs.Description)),
            OnlyUserRepo = inputs.Bool(AptoideInputs.OnlyUserRepo),
        };
    }

    public override void Register(IServiceCollection services, AptoideSettings aptoide)
    {
        services.AddServiceClient<IAptoideApi>(AptoideResponseReader.Service, WithTrailingSlash(aptoide.ApiUrl), json: null);
        services.AddSingleton<AptoideClient>();
        services.AddSingleton<AptoideAccessTokens>();
        services.AddSingleton<AptoideApkUploader>();
        services.AddSingleton(aptoide);
        services.AddSingleton<IPublishTarget>(sp => new AptoideTarget(sp.GetRequiredService<RunScope>(), aptoide,
            sp.GetRequiredService<AptoideApkUploader>(), sp.GetRequiredService<AptoideAccessTokens>(),
            sp.GetRequiredService<CallMeter>(), sp.GetRequiredService<SecretRegistry>(),
            sp.GetRequiredService<ILogger<AptoideTarget>>()));
    }

    private delegate int? NumberParser(string text, out string? problem);

    // Checked here, so a wrong listing field is an input error before any request.
    private static int? ListingNumber(InputReader inputs, InputDeclaration input, NumberParser parse)
    {
        if (inputs.Text(input) is not { } text) return null;
        var number = parse(text, out var problem);
        if (problem is not null) inputs.Fail(input, problem);
        return number;
    }

    // The endpoints are relative to the base ("3/uploadAppToRepo"); without the slash its last segment would be dropped.
    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
