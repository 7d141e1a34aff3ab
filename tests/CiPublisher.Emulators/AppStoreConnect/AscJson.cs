using System.Text.Json;
using System.Text.Json.Serialization;

namespace CiPublisher.Emulators.AppStoreConnect;

public static class AscJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
