namespace CiPublisher.Core.Reporting;

/// <summary>What became of the ADP, for the release section and the comment: AltStore's status and where the package is.</summary>
public sealed record AdpSummary(string Status, string? DownloadUrl = null, string? ManifestUrl = null);
