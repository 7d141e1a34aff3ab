using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>The release-asset shapes read without Octokit, generated at build time (Native AOT serializes nothing by reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<GitHubAsset>))]
[JsonSerializable(typeof(GitHubAsset))]
[JsonSerializable(typeof(GitHubAssetRename))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
