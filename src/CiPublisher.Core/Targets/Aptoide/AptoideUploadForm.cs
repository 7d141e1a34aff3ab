using System.Globalization;
using System.Net.Http.Headers;
using CiPublisher.Core.Settings;

namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>The multipart body of uploadAppToRepo: the same fields for the checksum question and the file upload.</summary>
internal static class AptoideUploadForm
{
    public const string ApkMediaType = "application/vnd.android.package-archive";

    public static MultipartFormDataContent WithChecksum(string accessToken, AptoideSettings settings, string md5)
    {
        var form = Fields(accessToken, settings);
        Add(form, "apk_md5sum", md5);
        return form;
    }

    public static MultipartFormDataContent WithFile(string accessToken, AptoideSettings settings,
        HttpContent apk, string fileName)
    {
        var form = Fields(accessToken, settings);
        apk.Headers.ContentType = new MediaTypeHeaderValue(ApkMediaType);
        form.Add(apk, "apk", fileName);
        return form;
    }

    private static MultipartFormDataContent Fields(string accessToken, AptoideSettings settings)
    {
        var form = new MultipartFormDataContent();
        Add(form, "access_token", accessToken);
        Add(form, "repo", settings.Repo);
        Add(form, "mode", "json");
        // Omitting it reportedly also proposes the app to Aptoide's main catalogue.
        Add(form, "only_user_repo", settings.OnlyUserRepo ? "true" : "false");
        var listing = settings.Listing;
        if (listing.Category is { } category) Add(form, "category", category.ToString(CultureInfo.InvariantCulture));
        if (listing.Rating is { } rating) Add(form, "rating", rating.ToString(CultureInfo.InvariantCulture));
        if (listing.Description is { } description) Add(form, "description", description);
        return form;
    }

    private static void Add(MultipartFormDataContent form, string name, string value) => form.Add(new StringContent(value), name);
}
