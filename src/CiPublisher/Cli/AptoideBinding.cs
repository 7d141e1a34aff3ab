using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets.Aptoide;

namespace CiPublisher.Cli;

internal static class AptoideBinding
{
    public static AptoideSettings? Bind(InputReader reader)
    {
        var repo = reader.Text("aptoide-repo");
        if (repo is null)
        {
            if (reader.Raw("aptoide-token").IsGiven || reader.Raw("aptoide-username").IsGiven)
                reader.Fail("aptoide-repo", "is required to upload to Aptoide: the store (repo) name");
            return null;
        }

        var token = reader.Text("aptoide-token");
        var username = reader.Text("aptoide-username");
        var password = reader.Text("aptoide-password");
        if (token is null && (username is null || password is null))
            reader.Fail("aptoide-token", "is required with aptoide-repo (or give aptoide-username and aptoide-password)");

        var settings = new AptoideSettings
        {
            Repo = repo,
            Token = token,
            Username = username,
            Password = password,
            ApiUrl = reader.Url("aptoide-api-url") ?? AptoideSettings.DefaultApiUrl,
            Category = reader.Text("aptoide-category"),
            Rating = reader.Text("aptoide-rating"),
            Description = reader.Text("aptoide-description"),
            OnlyUserRepo = reader.Bool("aptoide-only-user-repo"),
        };
        // The listing fields are checked here too, so a wrong one is an input error before any request.
        if (!AptoideListing.TryParse(settings, out _, out var error) && error is not null)
        {
            var input = error.StartsWith("aptoide-rating", StringComparison.Ordinal) ? "aptoide-rating" : "aptoide-category";
            reader.Fail(input, error[(input.Length + 1)..]);
        }
        return settings;
    }
}
