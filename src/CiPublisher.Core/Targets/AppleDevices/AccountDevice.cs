namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>A device as the account holds it. <c>Id</c> is Apple's opaque resource id, not the UDID.</summary>
public sealed record AccountDevice(string Id, string Udid, string Name, string? Platform, string? Status, string? DeviceClass = null)
{
    public bool IsEnabled => string.Equals(Status, "ENABLED", StringComparison.OrdinalIgnoreCase);

    public bool IsDisabled => string.Equals(Status, "DISABLED", StringComparison.OrdinalIgnoreCase);

    public static AccountDevice From(Resource<DeviceAttributes> resource) => new(resource.Id,
        resource.Attributes?.Udid ?? "", resource.Attributes?.Name ?? "", resource.Attributes?.Platform, resource.Attributes?.Status,
        resource.Attributes?.DeviceClass);
}
