namespace CiPublisher.Core.Targets.AppleDevices;

// JSON:API shapes App Store Connect uses (contract §1): documents, lists with document-level links, resources.

public sealed record ResourceList<TAttributes>(IReadOnlyList<Resource<TAttributes>>? Data, ListLinks? Links);

public sealed record ListLinks(string? Self, string? Next);

public sealed record ResourceDocument<TAttributes>(Resource<TAttributes> Data);

public sealed record Resource<TAttributes>(string Type, string Id, TAttributes? Attributes);

public sealed record ResourceLinkage(string Type, string Id);

public sealed record LinkageList(IReadOnlyList<ResourceLinkage> Data);

public sealed record LinkageOne(ResourceLinkage Data);

public sealed record NoAttributes;
