using System.Security;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.AppStoreConnect;

public sealed partial class AppStoreConnectEmulator
{
    private void MapProfiles(WebApplication app)
    {
        app.MapGet("/v1/bundleIds", ListBundleIds);
        app.MapGet("/v1/bundleIds/{id}/profiles", (HttpContext context, string id) =>
        {
            lock (_gate)
            {
                if (!_bundleIds.Exists(b => b.Id == id)) return AscErrors.NotFound("bundleIds", id);
                return Page(context, _profiles.Where(p => p.BundleIdId == id).ToList(), p => Render(context, p));
            }
        });
        app.MapGet("/v1/profiles/{id}/devices", (HttpContext context, string id) =>
        {
            lock (_gate)
            {
                if (_profiles.Find(p => p.Id == id) is not { } profile) return AscErrors.NotFound("profiles", id);
                return Page(context, _devices.Where(d => profile.DeviceIds.Contains(d.Id)).ToList(), d => Render(context, d));
            }
        });
        app.MapGet("/v1/profiles/{id}/certificates", (HttpContext context, string id) =>
        {
            lock (_gate)
            {
                if (_profiles.Find(p => p.Id == id) is not { } profile) return AscErrors.NotFound("profiles", id);
                return Page(context, _certificates.Where(c => profile.CertificateIds.Contains(c.Id)).ToList(), c => Render(c));
            }
        });
        app.MapGet("/v1/certificates", (HttpContext context) =>
        {
            IEnumerable<AscCertificate> certificates = CertificatesSnapshot();
            if (context.Request.Query.TryGetValue("filter[certificateType]", out var types))
                certificates = certificates.Where(c => types.ToString().Split(',').Contains(c.CertificateType));
            return Page(context, certificates.ToList(), c => Render(c));
        });
        app.MapPost("/v1/profiles", (Func<HttpContext, Task<IResult>>)CreateProfileAsync);
        app.MapDelete("/v1/profiles/{id}", (string id) =>
        {
            lock (_gate) return _profiles.RemoveAll(p => p.Id == id) > 0 ? Results.NoContent() : AscErrors.NotFound("profiles", id);
        });
    }

    private List<AscCertificate> CertificatesSnapshot()
    {
        lock (_gate) return [.. _certificates];
    }

    private IResult ListBundleIds(HttpContext context)
    {
        List<AscBundleId> bundles;
        lock (_gate) bundles = [.. _bundleIds];
        // Not an exact match on Apple's side either: com.example.app also finds com.example.app.widget (contract §7).
        if (context.Request.Query.TryGetValue("filter[identifier]", out var identifier))
            bundles = [.. bundles.Where(b => b.Identifier.StartsWith(identifier.ToString(), StringComparison.Ordinal))];
        return Page(context, bundles, b => new
        {
            type = "bundleIds",
            id = b.Id,
            attributes = new { name = b.Name, platform = b.Platform, identifier = b.Identifier, seedId = "TEAM123456" },
        });
    }

    private async Task<IResult> CreateProfileAsync(HttpContext context)
    {
        var data = await DataOfAsync(context, "profiles");
        if (data is not { } body || !body.TryGetProperty("attributes", out var attributes)) return BadBody();
        var name = Text(attributes, "name");
        var type = Text(attributes, "profileType");
        if (name is null) return Required("name");
        if (type is null) return Required("profileType");
        if (!body.TryGetProperty("relationships", out var relationships)) return Relationship("bundleId");

        var bundleId = relationships.TryGetProperty("bundleId", out var b) && b.TryGetProperty("data", out var bd) ? Text(bd, "id") : null;
        var certificateIds = Ids(relationships, "certificates");
        var deviceIds = Ids(relationships, "devices");
        if (bundleId is null) return Relationship("bundleId");
        if (certificateIds.Count == 0) return Relationship("certificates");
        var needsDevices = AscProfileRules.HoldsDevices(type);
        if (needsDevices && deviceIds.Count == 0) return Relationship("devices");
        if (!needsDevices && deviceIds.Count > 0)
            return AscErrors.Error(409, "ENTITY_ERROR.RELATIONSHIP.NOT_ALLOWED", "The provided entity includes a relationship that is not allowed",
                "No devices can be associated to Provisioning Profiles for the App Store.", "/data/relationships/devices");

        lock (_gate)
        {
            if (!_bundleIds.Exists(x => x.Id == bundleId))
                return AscErrors.Error(409, "ENTITY_ERROR", "There is a problem with the request entity",
                    $"There is no App ID with ID '{bundleId}' on this team.");
            foreach (var id in certificateIds)
            {
                if (CertificateProblem(id, type) is { } problem)
                    return AscErrors.Error(409, "ENTITY_ERROR.RELATIONSHIP.INVALID", "The provided entity includes a relationship with an invalid value",
                        problem, "/data/relationships/certificates");
            }
            var devices = deviceIds.Select(id => _devices.Find(d => d.Id == id)).ToList();
            if (deviceIds.FirstOrDefault(id => _devices.Find(d => d.Id == id) is not { Status: "ENABLED" }) is { } badDevice)
                return AscErrors.Error(409, "ENTITY_ERROR.RELATIONSHIP.INVALID", "The provided entity includes a relationship with an invalid value",
                    $"There is no enabled device with ID '{badDevice}' on this team.", "/data/relationships/devices");
            // One device of a class the type does not take fails the whole request (codemagic cli-tools PR #200).
            if (devices.Any(d => !AscProfileRules.Takes(type, d!)))
                return AscErrors.Error(409, "ENTITY_ERROR", "There is a problem with the request entity", "Invalid deviceClass for profile type.");
            if (_profiles.Exists(p => p.Name == name))
                return AscErrors.Error(409, "ENTITY_ERROR.ATTRIBUTE.INVALID", "An attribute value is invalid.",
                    $"Multiple profiles found with the name '{name}'.  Please remove the duplicate profiles and try again.", "/data/attributes/name");

            var profile = new AscProfile(NewId(), name, type, bundleId, certificateIds, deviceIds, Guid.NewGuid().ToString(), Time.GetUtcNow());
            _profiles.Add(profile);
            return Results.Json(new { data = Render(context, profile), links = new { self = SelfLink(context, $"/v1/profiles/{profile.Id}") } },
                AscJson.Options, statusCode: 201);
        }
    }

    // Called with _gate held. Apple's answers for these cases are unconfirmed (contract §10); refusing them is the safe emulation.
    private string? CertificateProblem(string id, string profileType)
    {
        if (_certificates.Find(c => c.Id == id) is not { } certificate) return $"There is no certificate with ID '{id}' on this team.";
        if (!AscProfileRules.CertificateTypesFor(profileType).Contains(certificate.CertificateType))
            return $"The certificate '{certificate.Name}' ({certificate.CertificateType}) cannot be used for a {profileType} profile.";
        if (certificate.ExpirationDate <= Time.GetUtcNow()) return $"The certificate '{certificate.Name}' has expired.";
        if (!certificate.Activated) return $"The certificate '{certificate.Name}' is not active.";
        return null;
    }

    private static List<string> Ids(JsonElement relationships, string name) =>
        relationships.TryGetProperty(name, out var r) && r.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Array
            ? [.. d.EnumerateArray().Select(e => Text(e, "id")).OfType<string>()]
            : [];

    private static IResult Relationship(string name) => AscErrors.Error(409, "ENTITY_ERROR.RELATIONSHIP.REQUIRED",
        "The provided entity is missing a required relationship", $"You must provide a value for the relationship '{name}' with this request",
        $"/data/relationships/{name}");

    // Called with _gate held.
    private object Render(HttpContext context, AscProfile p) => new
    {
        type = "profiles",
        id = p.Id,
        attributes = new
        {
            name = p.Name,
            platform = AscProfileRules.PlatformOf(p.ProfileType),
            profileType = p.ProfileType,
            profileState = p.State,
            profileContent = Convert.ToBase64String(MobileProvision(p)),
            uuid = p.Uuid,
            createdDate = p.CreatedDate,
            expirationDate = p.ExpirationDate,
        },
        links = new { self = SelfLink(context, $"/v1/profiles/{p.Id}") },
    };

    private static object Render(AscCertificate c) => new
    {
        type = "certificates",
        id = c.Id,
        attributes = new
        {
            name = c.Name, certificateType = c.CertificateType, displayName = c.Name,
            platform = c.CertificateType.StartsWith("MAC_", StringComparison.Ordinal) ? "MAC_OS" : "IOS",
            serialNumber = c.Id, expirationDate = c.ExpirationDate, activated = c.Activated,
        },
    };

    /// <summary>A stand-in for the signed plist: the parts an installer checks (name, UUID, devices).</summary>
    private byte[] MobileProvision(AscProfile p)
    {
        var devices = string.Concat(p.DeviceIds.Select(id => _devices.Find(d => d.Id == id)?.Udid).OfType<string>()
            .Select(u => $"<string>{SecurityElement.Escape(u)}</string>"));
        return Encoding.UTF8.GetBytes(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><plist version=\"1.0\"><dict><key>Name</key><string>{SecurityElement.Escape(p.Name)}</string>" +
            $"<key>UUID</key><string>{p.Uuid}</string><key>ProvisionedDevices</key><array>{devices}</array></dict></plist>");
    }
}
