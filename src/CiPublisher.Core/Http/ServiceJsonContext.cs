using System.Text.Json;
using System.Text.Json.Serialization;
using CiPublisher.Core.Apple;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Core.Targets.AppleDevices;
using CiPublisher.Core.Targets.Fenfa;
using CiPublisher.Core.Targets.GitHub;

namespace CiPublisher.Core.Http;

/// <summary>
/// Every shape the program sends to or reads from a service, generated at build time: no reflection at run time
/// (Native AOT cannot serialize by reflection, and the JIT build starts faster without it). A type missing here
/// fails loudly ("JsonTypeInfo metadata ... was not provided"); <c>ServiceJsonMetadataTests</c> checks every Refit
/// method's body and answer against it.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
// Fenfa
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
[JsonSerializable(typeof(List<GitHubAsset>))]
[JsonSerializable(typeof(GitHubAsset))]
[JsonSerializable(typeof(GitHubAssetRename))]
// AltStore
[JsonSerializable(typeof(ProcessAdpRequest))]
[JsonSerializable(typeof(FederateRequest))]
[JsonSerializable(typeof(RegisterRequest))]
// App Store Connect
[JsonSerializable(typeof(ResourceList<DeviceAttributes>))]
[JsonSerializable(typeof(ResourceList<BundleIdAttributes>))]
[JsonSerializable(typeof(ResourceList<ProfileAttributes>))]
[JsonSerializable(typeof(ResourceList<NoAttributes>))]
[JsonSerializable(typeof(ResourceList<CertificateAttributes>))]
[JsonSerializable(typeof(ResourceDocument<DeviceAttributes>))]
[JsonSerializable(typeof(ResourceDocument<ProfileAttributes>))]
[JsonSerializable(typeof(RequestBody<NewResource<DeviceCreate>>))]
[JsonSerializable(typeof(RequestBody<ResourceUpdate<DeviceStatusUpdate>>))]
[JsonSerializable(typeof(RequestBody<NewProfile>))]
[JsonSerializable(typeof(AppStoreConnectErrors.ErrorDocument))]
internal sealed partial class ServiceJsonContext : JsonSerializerContext;
