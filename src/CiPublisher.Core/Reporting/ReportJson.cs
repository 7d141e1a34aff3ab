using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CiPublisher.Core.Artifacts;

namespace CiPublisher.Core.Reporting;

/// <summary>The run report as the one JSON object of the <c>result</c> output.</summary>
public static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // One generic converter per enum: the non-generic one builds its converter by reflection, which Native AOT cannot.
        Converters =
        {
            new JsonStringEnumConverter<Outcome>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<ArtifactPlatform>(JsonNamingPolicy.KebabCaseLower),
        },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ReportJsonContext.Default,
    };

    public static string Serialize(RunReport report) => JsonSerializer.Serialize(report, TypeOf<RunReport>());

    public static string Serialize(IReadOnlyList<ArtifactInfo> artifacts) => JsonSerializer.Serialize(artifacts, TypeOf<IReadOnlyList<ArtifactInfo>>());

    public static string Serialize(IReadOnlyList<Dictionary<string, string>> releases) =>
        JsonSerializer.Serialize(releases, TypeOf<IReadOnlyList<Dictionary<string, string>>>());

    private static JsonTypeInfo<T> TypeOf<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
