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
    public override AptoideSettings? Bind(InputReader inputs, BindingScope scope)
    {
        var repo = inputs.Text("aptoide-repo");
        if (repo is null)
        {
            if (inputs.Raw("aptoide-token").IsGiven || inputs.Raw("aptoide-username").IsGiven)
                inputs.Fail("aptoide-repo", "is required to upload to Aptoide: the store (repo) name");
            return null;
        }

        var token = inputs.Text("aptoide-token");
        var username = inputs.Text("aptoide-username");
        var password = inputs.Text("aptoide-password");
        if (token is null && (username is null || password is null))
            inputs.Fail("aptoide-token", "is required with aptoide-repo (or give aptoide-username and aptoide-password)");

        return new AptoideSettings
        {
            Repo = repo,
            Token = token,
            Username = username,
            Password = password,
            ApiUrl = inputs.Url("aptoide-api-url") ?? AptoideSettings.DefaultApiUrl,
            Listing = new AptoideListing(ListingNumber(inputs, "aptoide-category", AptoideListing.ParseCategory),
                ListingNumber(inputs, "aptoide-rating", AptoideListing.ParseRating), inputs.Text("aptoide-description")),
            OnlyUserRepo = inputs.Bool("aptoide-only-user-repo"),
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
    private static int? ListingNumber(InputReader inputs, string input, NumberParser parse)
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
