using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.AppStoreConnect;

public sealed partial class AppStoreConnectEmulator
{
    private void MapDevices(WebApplication app)
    {
        app.MapGet("/v1/devices", ListDevices);
        app.MapGet("/v1/devices/{id}", (HttpContext context, string id) =>
            FindDevice(id) is { } device ? Results.Json(new { data = Render(context, device) }, AscJson.Options) : AscErrors.NotFound("devices", id));
        app.MapPost("/v1/devices", (Func<HttpContext, Task<IResult>>)RegisterDeviceAsync);
        app.MapMethods("/v1/devices/{id}", ["PATCH"], UpdateDeviceAsync);
    }

    /// <summary>Apple matches UDIDs regardless of case and hyphens (fastlane #20551, PR #17433).</summary>
    public static string UdidKey(string udid) => udid.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();

    private IResult ListDevices(HttpContext context)
    {
        var query = context.Request.Query;
        IEnumerable<AscDevice> devices = Devices;
        if (query.TryGetValue("filter[udid]", out var udids))
        {
            var keys = udids.ToString().Split(',').Select(UdidKey).ToHashSet();
            devices = devices.Where(d => keys.Contains(UdidKey(d.Udid)));
        }
        if (query.TryGetValue("filter[status]", out var status)) devices = devices.Where(d => d.Status == status.ToString());
        if (query.TryGetValue("filter[platform]", out var platform)) devices = devices.Where(d => d.Platform == platform.ToString());
        return Page(context, devices.ToList(), d => Render(context, d));
    }

    private async Task<IResult> RegisterDeviceAsync(HttpContext context)
    {
        var data = await DataOfAsync(context, "devices");
        if (data is not { } body) return BadBody();
        if (!body.TryGetProperty("attributes", out var attributes)) return Required("attributes");
        var name = Text(attributes, "name");
        var udid = Text(attributes, "udid");
        var platform = Text(attributes, "platform");
        if (name is null) return Required("name");
        if (udid is null) return Required("udid");
        if (platform is null) return Required("platform");
        if (platform is not ("IOS" or "MAC_OS")) return AscErrors.Invalid("platform", platform);
        if (!IsUdidFor(udid, platform)) return AscErrors.Invalid("udid", udid);

        lock (_gate)
        {
            if (_devices.Any(d => UdidKey(d.Udid) == UdidKey(udid)))
                return AscErrors.Error(409, "ENTITY_ERROR", "There is a problem with the request entity",
                    $"A device with number '{udid}' already exists on this team.", "/data/attributes/udid");
        }
        var device = AddDevice(udid, name, platform);
        return Results.Json(new { data = Render(context, device), links = new { self = SelfLink(context, $"/v1/devices/{device.Id}") } },
            AscJson.Options, statusCode: 201);
    }

    private async Task<IResult> UpdateDeviceAsync(HttpContext context, string id)
    {
        var data = await DataOfAsync(context, "devices");
        if (data is not { } body) return BadBody();
        if (Text(body, "id") != id) return AscErrors.Error(409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "An attribute value is invalid.",
            "The id in the body does not match the id in the URL.", "/data/id");
        lock (_gate)
        {
            var index = _devices.FindIndex(d => d.Id == id);
            if (index < 0) return AscErrors.NotFound("devices", id);
            var device = _devices[index];
            if (body.TryGetProperty("attributes", out var attributes))
            {
                if (Text(attributes, "status") is { } status)
                {
                    if (status is not ("ENABLED" or "DISABLED")) return AscErrors.Invalid("status", status);
                    device = device with { Status = status };
                }
                if (Text(attributes, "name") is { } name) device = device with { Name = name };
            }
            _devices[index] = device;
            return Results.Json(new { data = Render(context, device) }, AscJson.Options);
        }
    }

    private static bool IsUdidFor(string udid, string platform)
    {
        if (!udid.All(c => char.IsAsciiHexDigit(c) || c == '-')) return false;
        var groups = udid.Split('-').Select(g => g.Length).ToArray();
        var iosShape = groups is [40] or [8, 16] or [24];
        var macUuid = groups is [8, 4, 4, 4, 12];
        // A Mac UUID sent as an iOS device is refused (bitrise steps-ios-auto-provision #130).
        return platform == "IOS" ? iosShape : macUuid || groups is [8, 16] or [24];
    }

    private AscDevice? FindDevice(string id)
    {
        lock (_gate) return _devices.Find(d => d.Id == id);
    }

    private object Render(HttpContext context, AscDevice d) => new
    {
        type = "devices",
        id = d.Id,
        attributes = new
        {
            name = d.Name,
            platform = d.Platform,
            udid = d.Udid,
            deviceClass = d.DeviceClass,
            status = d.Status,
            model = ModelOf(d.DeviceClass),
            addedDate = d.AddedDate.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture),
        },
        links = new { self = SelfLink(context, $"/v1/devices/{d.Id}") },
    };

    private static string ModelOf(string deviceClass) => deviceClass switch
    {
        "IPAD" => "iPad Air", "IPOD" => "iPod touch", "APPLE_WATCH" => "Apple Watch Series 9", "APPLE_TV" => "Apple TV 4K",
        "APPLE_VISION_PRO" => "Apple Vision Pro", "MAC" => "Mac", _ => "iPhone 15",
    };

    /// <summary>The request's <c>data</c> object when the body is JSON:API of the expected type, else null.</summary>
    private static async Task<JsonElement?> DataOfAsync(HttpContext context, string type)
    {
        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true) return null;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body);
            if (!document.RootElement.TryGetProperty("data", out var data) || Text(data, "type") != type) return null;
            return data.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IResult BadBody() => AscErrors.Error(422, "ENTITY_UNPROCESSABLE", "The request entity is not processable",
        "The request body is not a JSON:API document of the expected type.");

    private static IResult Required(string attribute) => AscErrors.Error(409, "ENTITY_ERROR.ATTRIBUTE.REQUIRED",
        "A required attribute is missing.", $"You must provide a value for the attribute '{attribute}' with this request",
        $"/data/attributes/{attribute}");
}
