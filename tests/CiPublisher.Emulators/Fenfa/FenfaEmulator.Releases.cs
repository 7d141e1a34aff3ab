using System.Text;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>Contract §3.8–3.9: the admin ways to list and delete a variant's releases.</summary>
public sealed partial class FenfaEmulator
{
    private async Task VariantStatsAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return;
        }
        if (_store.Variant(route["variantID"]) is not { } v || _store.Product(v.ProductId) is not { } p)
        {
            await FenfaJson.NotFoundAsync(context, "variant not found");
            return;
        }
        await FenfaJson.OkAsync(context, new
        {
            Product = new { p.Id, p.Slug, p.Name },
            Variant = new { v.Id, v.ProductId, v.Platform, v.Identifier, v.DisplayName, v.Arch, v.InstallerType, v.MinOs, v.Published },
            Releases = _store.ReleasesOf(v.Id).Select(r => new
            {
                r.Id, r.Version, r.Build, r.DownloadCount,
                CreatedAt = Clock.ToJson(r.CreatedAt),
                r.Channel, r.MinOs, r.Changelog, r.FileExt, r.FileName,
            }),
        });
    }

    private async Task DeleteReleaseAsync(HttpContext context, IReadOnlyDictionary<string, string> route)
    {
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return;
        }
        if (_store.RemoveRelease(route["releaseID"]) is not { } release)
        {
            await FenfaJson.NotFoundAsync(context, "release not found");
            return;
        }
        DeleteFiles([release]);
        await FenfaJson.OkAsync(context, null);
    }

    /// <summary>
    /// The only place with <c>sha256</c> and <c>size_bytes</c>. Filters: <c>variant_id</c>, <c>app_id</c>,
    /// <c>from</c>/<c>to</c> (<c>YYYY-MM-DD</c>, server local, <c>to</c> inclusive). Newest first.
    /// </summary>
    private async Task ExportReleasesAsync(HttpContext context, IReadOnlyDictionary<string, string> _)
    {
        if (DatabaseDown)
        {
            await DatabaseErrorAsync(context);
            return;
        }
        var query = context.Request.Query;
        var variantId = query["variant_id"].ToString();
        var appId = query["app_id"].ToString();
        var from = Clock.ParseDay(query["from"]);
        var to = Clock.ParseDay(query["to"])?.AddDays(1);
        var variants = _store.Variants.ToDictionary(v => v.Id, StringComparer.Ordinal);

        var csv = new StringBuilder();
        AppendRow(csv, ["app_id", "variant_id", "release_id", "version", "build", "created_at", "size_bytes", "sha256", "download_count", "channel"]);
        foreach (var r in _store.Releases.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Sequence))
        {
            var legacyAppId = variants.GetValueOrDefault(r.VariantId)?.LegacyAppId ?? "";
            if (variantId.Length > 0 && r.VariantId != variantId) continue;
            if (appId.Length > 0 && legacyAppId != appId) continue;
            if (from is { } f && r.CreatedAt < f) continue;
            if (to is { } t && r.CreatedAt >= t) continue;
            AppendRow(csv, [legacyAppId, r.VariantId, r.Id, r.Version, Invariant(r.Build), Clock.ToCsv(r.CreatedAt),
                Invariant(r.SizeBytes), r.Sha256, Invariant(r.DownloadCount), r.Channel]);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=releases.csv";
        await context.Response.WriteAsync(csv.ToString(), context.RequestAborted);
    }

    private static string Invariant(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One record as Go's <c>encoding/csv</c> writes it: quoted only when needed, <c>\n</c> line ends.</summary>
    private static void AppendRow(StringBuilder csv, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) csv.Append(',');
            var field = fields[i];
            var quote = field.Length > 0 && (field.IndexOfAny([',', '"', '\r', '\n']) >= 0 || field[0] == ' ' || field[0] == '\t');
            csv.Append(quote ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field);
        }
        csv.Append('\n');
    }
}
