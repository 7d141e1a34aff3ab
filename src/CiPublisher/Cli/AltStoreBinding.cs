using CiPublisher.Core.Settings;

namespace CiPublisher.Cli;

internal static class AltStoreBinding
{
    public static AltStoreSettings? Bind(InputReader reader, string command)
    {
        var adpId = reader.Text("altstore-adp-id");
        var sourceFile = reader.ExistingFile("altstore-source-file");
        var sourceUrl = reader.Url("altstore-source-url");
        var developerId = reader.Text("altstore-developer-id");
        var email = reader.Text("altstore-email");
        if (adpId is null && sourceFile is null && sourceUrl is null && developerId is null && command != Verbs.AltStore)
            return null;

        return new AltStoreSettings
        {
            AdpId = adpId,
            ApiUrl = reader.Url("altstore-api-url") ?? new Uri("https://api.altstore.io/"),
            Wait = reader.Raw("altstore-wait").IsGiven ? reader.Bool("altstore-wait") : true,
            WaitTimeout = reader.Duration("altstore-wait-timeout", TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)) ?? TimeSpan.FromMinutes(30),
            SourceFile = sourceFile,
            SourceUrl = sourceUrl,
            DeveloperId = developerId,
            Email = email,
        };
    }
}
