namespace CiPublisher.Core.Reporting;

/// <summary>A QR code image of an artifact's install link, at a public URL (shown as <c>qr</c>, for the artifact named <c>for</c>).</summary>
public sealed record QrCodeImage(string ArtifactName, string ImageUrl);
