using System.Text.Json.Serialization;
using CiPublisher.Core.Artifacts;

namespace CiPublisher.Core.Reporting;

/// <summary>The report's shapes, generated at build time; <see cref="ReportJson.Options"/> adds the enum names and escaping.</summary>
[JsonSerializable(typeof(RunReport))]
[JsonSerializable(typeof(IReadOnlyList<ArtifactInfo>))]
[JsonSerializable(typeof(IReadOnlyList<Dictionary<string, string>>))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
