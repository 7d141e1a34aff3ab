using System.Text.Json;

namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>An answer in Aptoide's v3 envelope: <c>status</c> OK, or FAIL with its errors.</summary>
internal sealed record AptoideReply(bool IsOk, IReadOnlyList<AptoideError> Errors, JsonElement Body)
{
    public bool HasError(string code) => Errors.Any(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The store page: <c>info.url</c> (Aptoide's uploader) or a top-level <c>url</c> (fastlane plugin); both optional.</summary>
    public string? StoreUrl =>
        (Body.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.Object ? TextOf(info, "url") : null)
        ?? TextOf(Body, "url");

    public string? FirstCode => Errors.Count > 0 ? Errors[0].Code : null;

    public string? Text(string name) => TextOf(Body, name);

    public string DescribeErrors() => Errors.Count == 0 ? "FAIL without error details" : string.Join("; ", Errors);

    private static string? TextOf(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
