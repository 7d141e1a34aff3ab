namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>Certificate attributes (contract §10, OpenAPI 4.4.1 <c>Certificate</c>).</summary>
public sealed record CertificateAttributes(string? Name, string? CertificateType, string? DisplayName, string? Platform,
    DateTimeOffset? ExpirationDate, bool? Activated, string? SerialNumber)
{
    /// <summary>No filter for validity exists: the expiry is compared here, and a deactivated one is not used.</summary>
    public bool IsValidAt(DateTimeOffset now) => ExpirationDate is { } expires && expires > now && Activated != false;
}
