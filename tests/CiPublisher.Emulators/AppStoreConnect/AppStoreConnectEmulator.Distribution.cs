using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.AppStoreConnect;

/// <summary>
/// Apps, App Store versions and their alternative distribution packages (contract §9, §11): the bundle-ID filter is
/// not exact, a version's package answers 404 before it exists (or <c>{"data": null}</c>, as a third party saw),
/// a package is made by POST only for an approved iOS version, and may appear by itself after a while.
/// </summary>
public sealed partial class AppStoreConnectEmulator
{
    private static readonly string[] Approved = ["PENDING_DEVELOPER_RELEASE", "PENDING_APPLE_RELEASE", "READY_FOR_DISTRIBUTION", "PROCESSING_FOR_DISTRIBUTION"];

    private readonly List<AscApp> _apps = [];
    private readonly List<AscAppStoreVersion> _appStoreVersions = [];
    private readonly Dictionary<string, string> _packageOfVersion = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _looksUntilGenerated = new(StringComparer.Ordinal);
    private long _nextAppId = 6740000000;

    /// <summary>Answer <c>{"data": null}</c> instead of 404 for a version without a package.</summary>
    public bool NullBeforePackage { get; set; }

    /// <summary>Every package created through <c>POST /v1/alternativeDistributionPackages</c>.</summary>
    public IReadOnlyList<string> CreatedPackages
    {
        get { lock (_gate) return [.. _created]; }
    }

    private readonly List<string> _created = [];

    public AscApp AddApp(string bundleId, string name)
    {
        lock (_gate)
        {
            var app = new AscApp((++_nextAppId).ToString(System.Globalization.CultureInfo.InvariantCulture), bundleId, name);
            _apps.Add(app);
            return app;
        }
    }

    public AscAppStoreVersion AddAppStoreVersion(AscApp app, string versionString, string state = "READY_FOR_DISTRIBUTION", string platform = "IOS")
    {
        lock (_gate)
        {
            var version = new AscAppStoreVersion(Guid.NewGuid().ToString(), app.Id, versionString, platform, state);
            _appStoreVersions.Add(version);
            return version;
        }
    }

    /// <summary>The version's package, there from the start (with the ID given, else a new one).</summary>
    public string AddPackage(AscAppStoreVersion version, string? id = null)
    {
        lock (_gate) return _packageOfVersion[version.Id] = id ?? Guid.NewGuid().ToString();
    }

    /// <summary>The package Apple generates by itself, answered from the given look on (as after approval).</summary>
    public void GeneratePackageAfter(AscAppStoreVersion version, int looks)
    {
        lock (_gate) _looksUntilGenerated[version.Id] = looks;
    }

    private void MapDistribution(WebApplication app)
    {
        app.MapGet("/v1/apps", (HttpContext context) =>
        {
            List<AscApp> apps;
            lock (_gate) apps = [.. _apps];
            // Not exact on Apple's side either (contract §11.1): a look-alike may come back, even first.
            if (context.Request.Query.TryGetValue("filter[bundleId]", out var bundleId))
                apps = [.. apps.Where(a => a.BundleId.Contains(bundleId.ToString(), StringComparison.Ordinal)).OrderByDescending(a => a.BundleId.Length)];
            return Page(context, apps, a => new { type = "apps", id = a.Id, attributes = new { name = a.Name, bundleId = a.BundleId } });
        });
        app.MapGet("/v1/apps/{id}/appStoreVersions", (HttpContext context, string id) =>
        {
            List<AscAppStoreVersion> versions;
            lock (_gate)
            {
                if (!_apps.Exists(a => a.Id == id)) return AscErrors.NotFound("apps", id);
                versions = [.. _appStoreVersions.Where(v => v.AppId == id)];
            }
            var query = context.Request.Query;
            if (query.TryGetValue("filter[platform]", out var platform)) versions = [.. versions.Where(v => v.Platform == platform.ToString())];
            if (query.TryGetValue("filter[versionString]", out var text)) versions = [.. versions.Where(v => v.VersionString == text.ToString())];
            return Page(context, versions, v => new
            {
                type = "appStoreVersions", id = v.Id,
                attributes = new { versionString = v.VersionString, platform = v.Platform, appVersionState = v.State, reviewType = "NOTARIZATION" },
            });
        });
        app.MapGet("/v1/appStoreVersions/{id}/alternativeDistributionPackage", (string id) =>
        {
            lock (_gate)
            {
                if (!_appStoreVersions.Exists(v => v.Id == id)) return AscErrors.NotFound("appStoreVersions", id);
                if (!_packageOfVersion.ContainsKey(id) && _looksUntilGenerated.TryGetValue(id, out var looks))
                {
                    if (looks <= 0) _packageOfVersion[id] = Guid.NewGuid().ToString();
                    else _looksUntilGenerated[id] = looks - 1;
                }
                if (_packageOfVersion.TryGetValue(id, out var package)) return Results.Json(new { data = PackageJson(package) }, AscJson.Options);
                return NullBeforePackage ? Results.Json(new { data = (object?)null }) : AscErrors.NotFound("alternativeDistributionPackages", id);
            }
        });
        app.MapPost("/v1/alternativeDistributionPackages", (Func<HttpContext, Task<IResult>>)CreatePackageAsync);
    }

    private async Task<IResult> CreatePackageAsync(HttpContext context)
    {
        var data = await DataOfAsync(context, "alternativeDistributionPackages");
        if (data is not { } body) return BadBody();
        var versionId = body.TryGetProperty("relationships", out var r) && r.TryGetProperty("appStoreVersion", out var v)
                        && v.TryGetProperty("data", out var d) ? Text(d, "id") : null;
        if (versionId is null) return Relationship("appStoreVersion");
        lock (_gate)
        {
            if (_appStoreVersions.Find(x => x.Id == versionId) is not { } version)
                return AscErrors.Error(409, "ENTITY_ERROR.RELATIONSHIP.INVALID", "The provided entity includes a relationship with an invalid value",
                    $"There is no appStoreVersion with ID '{versionId}'.");
            // Apple generating the package by itself counts as one existing: the create is refused, looking again finds it.
            if (_packageOfVersion.ContainsKey(versionId) || _looksUntilGenerated.ContainsKey(versionId))
                return AscErrors.Error(409, "ENTITY_ERROR", "There is a problem with the request entity",
                    "An alternative distribution package already exists for this app store version.");
            if (version.Platform != "IOS" || !Approved.Contains(version.State))
                return AscErrors.Error(409, "ENTITY_ERROR", "There is a problem with the request entity",
                    $"The app store version is not eligible for an alternative distribution package (state {version.State}).");
            var package = _packageOfVersion[versionId] = Guid.NewGuid().ToString();
            _created.Add(package);
            return Results.Json(new { data = PackageJson(package) }, AscJson.Options, statusCode: 201);
        }
    }

    private static object PackageJson(string id) => new
    {
        type = "alternativeDistributionPackages", id,
        attributes = new { sourceFileChecksum = new { file = new { hash = "d41d8cd98f00b204e9800998ecf8427e", algorithm = "MD5" } } },
    };
}
