using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiPublisher.Core.Targets.Fenfa;

/// <summary>Every shape sent to or read from Fenfa, generated at build time (Native AOT serializes nothing by reflection).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FenfaProductRequest))]
[JsonSerializable(typeof(FenfaPublishedRequest))]
[JsonSerializable(typeof(FenfaVariantRequest))]
[JsonSerializable(typeof(FenfaProductList))]
[JsonSerializable(typeof(FenfaCreatedProduct))]
[JsonSerializable(typeof(FenfaProductDetail))]
[JsonSerializable(typeof(FenfaCreatedVariant))]
[JsonSerializable(typeof(FenfaVariantStats))]
[JsonSerializable(typeof(FenfaUploadResult))]
[JsonSerializable(typeof(FenfaServerSettings))]
[JsonSerializable(typeof(FenfaDevicePage))]
internal sealed partial class FenfaJsonContext : JsonSerializerContext;
