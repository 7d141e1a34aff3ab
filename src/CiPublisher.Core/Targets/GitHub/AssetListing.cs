namespace CiPublisher.Core.Targets.GitHub;

/// <summary>A release's assets and, read with them, its <c>SHA256SUMS</c> asset and text ("" when there is none).</summary>
public sealed record AssetListing(IReadOnlyList<GitHubAsset> All, GitHubAsset? Sums, string SumsText);
