using System.Globalization;
using CiPublisher.Emulators.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.IntegrationTests.AppleDevices;

/// <summary>
/// Fenfa's <c>GET /admin/api/ios_devices</c> only (Fenfa contract §6.1): X-Auth-Token admin scope (401 missing,
/// 403 wrong), <c>{ok,data:{total,items}}</c>, limit/offset paging with a server-side cap.
/// </summary>
public sealed class FenfaDeviceListStub(string adminToken, int maxPageSize) : EmulatorHost
{
    private readonly List<(string Udid, string Name, string Model)> _devices = [];

    protected override string Name => "fenfa-devices";

    public void Add(string udid, string name, string model = "iPhone16,1") => _devices.Add((udid, name, model));

    protected override void MapRoutes(WebApplication app) => app.MapGet("/admin/api/ios_devices", (HttpContext context) =>
    {
        var token = context.Request.Headers["X-Auth-Token"].ToString();
        if (token.Length == 0)
            return Results.Json(new { ok = false, error = new { code = "UNAUTHORIZED", message = "missing token" } }, statusCode: 401);
        if (token != adminToken)
            return Results.Json(new { ok = false, error = new { code = "FORBIDDEN", message = "invalid token" } }, statusCode: 403);

        var limit = Math.Min(maxPageSize, int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? l : 100);
        var offset = int.TryParse(context.Request.Query["offset"], CultureInfo.InvariantCulture, out var o) ? o : 0;
        var items = _devices.Skip(offset).Take(limit).Select((d, i) => new
        {
            id = $"dev_{offset + i:x16}", udid = d.Udid, device_name = d.Name, model = d.Model, os_version = "18.2",
            apple_registered = false, apple_device_id = "",
        });
        return Results.Json(new { ok = true, data = new { total = _devices.Count, items } });
    });
}
