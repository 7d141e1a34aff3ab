using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>Contract §2.1 <c>POST /upload</c> and §2.2 <c>POST /smart-upload</c>.</summary>
public sealed partial class FenfaEmulator
{
    private async Task UploadAsync(HttpContext context, IReadOnlyDictionary<string, string> _)
    {
        // The whole body is received before the first check (contract pitfall 4).
        using var form = await UploadForm.ReadAsync(context.Request, TempDirectory, context.RequestAborted);

        var variantId = form.Value("variant_id").Trim();
        if (variantId.Length == 0)
        {
            await FenfaJson.BadRequestAsync(context, "missing variant_id");
            return;
        }
        if (form.AppFile is not { } file)
        {
            await FenfaJson.BadRequestAsync(context, "missing app_file");
            return;
        }
        if (await FindUploadTargetAsync(context, variantId) is not ({ } variant, { } product)) return;
        if (FenfaPlatforms.MatchExtension(variant.Platform, file.FileName) is not { } extension)
        {
            await FenfaJson.BadRequestAsync(context, "file extension mismatch");
            return;
        }
        if (FenfaPlatforms.IsArchive(extension) && !file.StartsWithPk)
        {
            await FenfaJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "BAD_FILE", "invalid archive");
            return;
        }

        var minOs = form.Value("min_os");
        var release = await StoreReleaseAsync(context, form, file, variant, extension, "app" + extension,
            minOs.Length > 0 ? minOs : variant.MinOs, "/upload");
        if (release is null) return;
        if (DecodeIcon(form.Value("icon_base64")) is { } icon) _store.UpdateProduct(product.Id, p => p with { Icon = icon });
        await UploadAnsweredAsync(context, variant, product, release);
    }

    /// <summary>
    /// The real handler parses iOS and Android packages for their metadata. The emulator does not (the CI
    /// client uses <c>/upload</c>): it keeps the check order and naming of §2.2, takes version, build, channel
    /// and changelog from the form only, ignores <c>min_os</c> and <c>icon_base64</c>, and answers
    /// 400 <c>PARSE_ERROR</c> for an .ipa/.apk that is not a zip, as the parser would.
    /// </summary>
    private async Task SmartUploadAsync(HttpContext context, IReadOnlyDictionary<string, string> _)
    {
        using var form = await UploadForm.ReadAsync(context.Request, TempDirectory, context.RequestAborted);

        var variantId = form.Value("variant_id").Trim();
        if (variantId.Length == 0)
        {
            await FenfaJson.BadRequestAsync(context, "missing variant_id");
            return;
        }
        if (await FindUploadTargetAsync(context, variantId) is not ({ } variant, { } product)) return;
        if (form.AppFile is not { } file)
        {
            await FenfaJson.BadRequestAsync(context, "missing app_file");
            return;
        }
        if (FenfaPlatforms.MatchExtension(variant.Platform, file.FileName) is not { } extension)
        {
            await FenfaJson.BadRequestAsync(context, "file extension mismatch");
            return;
        }
        if (variant.Platform is "ios" or "android" && !file.StartsWithPk)
        {
            var kind = variant.Platform == "ios" ? "IPA" : "APK";
            await FenfaJson.ErrorAsync(context, StatusCodes.Status400BadRequest, "PARSE_ERROR", $"failed to open {kind}: zip: not a valid zip file");
            return;
        }

        var version = form.Value("version");
        var storedName = $"{SanitizeBaseName(file.FileName, extension)}_{Clock.ToFileStamp(Clock.Time.GetUtcNow())}_{(version.Length > 0 ? version : "0")}{extension}";
        var release = await StoreReleaseAsync(context, form, file, variant, extension, storedName, variant.MinOs, "/smart-upload");
        if (release is not null) await UploadAnsweredAsync(context, variant, product, release);
    }

    /// <summary>Check 3: the variant and its product, each a 400 (not a 404) on upload.</summary>
    private async Task<(FenfaVariant, FenfaProduct)?> FindUploadTargetAsync(HttpContext context, string variantId)
    {
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return null;
        }
        if (_store.Variant(variantId) is not { } variant)
        {
            await FenfaJson.BadRequestAsync(context, "variant not found");
            return null;
        }
        if (_store.Product(variant.ProductId) is not { } product)
        {
            await FenfaJson.BadRequestAsync(context, "product not found");
            return null;
        }
        return (variant, product);
    }

    /// <summary>Moves the temp file into <c>uploads/</c> and inserts the release row; null when already answered.</summary>
    private async Task<FenfaRelease?> StoreReleaseAsync(HttpContext context, UploadForm form, UploadedFile file, FenfaVariant variant,
        string extension, string storedName, string minOs, string source)
    {
        var (at, sequence) = Clock.Next();
        var id = FenfaIds.Release();
        var path = Path.Combine(Path.GetDirectoryName(StoragePath(variant, id, extension))!, storedName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(file.TempPath, path);

        // Go's strconv.ParseInt: "1.2.3", "" or "abc" silently become 0 (pitfall 6).
        var build = long.TryParse(form.Value("build").Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var release = new FenfaRelease
        {
            Id = id,
            ProductId = variant.ProductId,
            VariantId = variant.Id,
            Version = form.Value("version"),
            Build = build,
            Channel = form.Value("channel"),
            MinOs = minOs,
            Changelog = form.Value("changelog"),
            FileExt = extension,
            FileName = storedName,
            ClientFileName = file.FileName,
            StoredPath = path,
            Sha256 = file.Sha256,
            SizeBytes = file.Size,
            CreatedAt = at,
            Sequence = sequence,
            Source = source,
        };
        if (_store.AddRelease(release)) return release;

        // The variant was deleted while the body was arriving.
        File.Delete(path);
        await FenfaJson.ErrorAsync(context, StatusCodes.Status500InternalServerError, "DB", "FOREIGN KEY constraint failed");
        return null;
    }

    private Task UploadAnsweredAsync(HttpContext context, FenfaVariant variant, FenfaProduct product, FenfaRelease release)
    {
        var urls = UrlsFor(context.Request);
        return FenfaJson.OkAsync(context, new
        {
            App = new
            {
                Id = variant.LegacyAppId ?? "",
                product.Name,
                variant.Platform,
                BundleId = variant.Identifier,
                ProductId = product.Id,
                VariantId = variant.Id,
            },
            Release = new { release.Id, release.Version, release.Build, CreatedAt = Clock.ToJson(release.CreatedAt) },
            // ios_* come back for every platform (contract §2.1).
            Urls = new
            {
                Page = urls.Page(product),
                ReleasePage = urls.UploadReleasePage(product, release),
                Download = urls.Download(release),
                IosManifest = urls.IosManifest(release),
                IosInstall = urls.IosInstall(release),
            },
        }, StatusCodes.Status201Created);
    }

    /// <summary>PNG bytes from <c>icon_base64</c> (an optional <c>data:...;base64,</c> prefix); null when absent or not base64.</summary>
    private static byte[]? DecodeIcon(string text)
    {
        if (text.Length == 0) return null;
        var comma = text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? text.IndexOf(',', StringComparison.Ordinal) : -1;
        var payload = comma >= 0 ? text[(comma + 1)..] : text;
        var buffer = new byte[payload.Length];
        return Convert.TryFromBase64String(payload, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>Smart upload's name stem: the client's base name with only <c>A–Z a–z 0–9 - _ .</c> kept.</summary>
    private static string SanitizeBaseName(string fileName, string extension)
    {
        var stem = fileName.Length > extension.Length ? fileName[..^extension.Length] : "";
        var builder = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') builder.Append(c);
        }
        return builder.ToString();
    }
}
