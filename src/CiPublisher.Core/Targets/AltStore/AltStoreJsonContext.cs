using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiPublisher.Core.Targets.AltStore;

/// <summary>The request bodies sent to AltStore, generated at build time; its answers are read as JSON documents.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ProcessAdpRequest))]
[JsonSerializable(typeof(FederateRequest))]
[JsonSerializable(typeof(RegisterRequest))]
internal sealed partial class AltStoreJsonContext : JsonSerializerContext;
