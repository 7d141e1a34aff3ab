using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiPublisher.Core.Apple;

/// <summary>App Store Connect's error document, which every App Store Connect client reads, generated at build time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(AppStoreConnectErrors.ErrorDocument))]
internal sealed partial class AppStoreConnectJsonContext : JsonSerializerContext;
