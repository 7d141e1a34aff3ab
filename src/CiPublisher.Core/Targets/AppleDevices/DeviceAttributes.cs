namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>Device attributes (contract §6.1). <c>status</c> is read tolerantly: only ENABLED counts as enabled.</summary>
public sealed record DeviceAttributes(string? Name, string? Platform, string? Udid, string? Status, string? DeviceClass, string? Model);

public sealed record DeviceCreate(string Name, string Udid, string Platform);

public sealed record DeviceStatusUpdate(string Status);

public sealed record NewResource<TAttributes>(string Type, TAttributes Attributes);

public sealed record ResourceUpdate<TAttributes>(string Type, string Id, TAttributes Attributes);

public sealed record RequestBody<T>(T Data);
