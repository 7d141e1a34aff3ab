using System.Text.Json.Serialization;

namespace CiPublisher.Core.Targets.AltStore;

// Key spellings are the API's own (seed examples): "adpID" and "developerID", not camelCase.

public sealed record ProcessAdpRequest([property: JsonPropertyName("adpID")] string AdpId);

public sealed record FederateRequest([property: JsonPropertyName("source")] string Source);

public sealed record RegisterRequest(
    [property: JsonPropertyName("developerID")] string DeveloperId,
    [property: JsonPropertyName("email")] string Email);
