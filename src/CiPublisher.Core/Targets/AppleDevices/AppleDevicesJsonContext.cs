using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>The App Store Connect resources of devices, bundle IDs, profiles and certificates, generated at build time.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
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
internal sealed partial class AppleDevicesJsonContext : JsonSerializerContext;
