namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>Bundle ID attributes (contract §7).</summary>
public sealed record BundleIdAttributes(string? Name, string? Platform, string? Identifier);

/// <summary>Profile attributes (contract §8); <c>profileContent</c> is the base64 of the .mobileprovision.</summary>
public sealed record ProfileAttributes(string? Name, string? Platform, string? ProfileType, string? ProfileState,
    string? ProfileContent, string? Uuid, DateTimeOffset? ExpirationDate);

public sealed record ProfileCreate(string Name, string ProfileType);

public sealed record ProfileRelationships(LinkageOne BundleId, LinkageList Certificates, LinkageList Devices);

public sealed record NewProfile(string Type, ProfileCreate Attributes, ProfileRelationships Relationships);
