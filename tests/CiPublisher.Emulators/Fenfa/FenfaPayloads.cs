namespace CiPublisher.Emulators.Fenfa;

/// <summary>The JSON body of <c>POST</c>/<c>PUT /admin/api/products</c>; absent fields stay null.</summary>
internal sealed record ProductPayload(string? Name, string? Slug, string? Description, bool? Published);

/// <summary>The JSON body of <c>POST /admin/api/products/{id}/variants</c> and <c>PUT /admin/api/variants/{id}</c>.</summary>
internal sealed record VariantPayload(
    string? Platform, string? Identifier, string? DisplayName, string? Arch, string? InstallerType, string? MinOs,
    bool? Published, int? SortOrder);
