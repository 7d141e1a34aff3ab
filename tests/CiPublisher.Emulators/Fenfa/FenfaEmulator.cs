using CiPublisher.Emulators.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>
/// A stateful stand-in for a Fenfa server, faithful to <c>shared/contracts/fenfa.md</c> including its odd
/// behaviours (slug-2 on create, 201 on upload, 200-with-empty-list on a DB failure, Gin's plain-text 404).
/// Tests seed and inspect its tables directly; faults come from <see cref="EmulatorHost.Faults"/>.
/// </summary>
public sealed partial class FenfaEmulator : EmulatorHost
{
    private readonly FenfaStore _store;
    private readonly GinRouter _router = new();

    /// <param name="timeProvider">The server clock for <c>created_at</c> (a fake one in tests); system time by default.</param>
    /// <param name="storageDirectory">Where uploads land; a fresh temp directory, deleted on dispose, by default.</param>
    public FenfaEmulator(TimeProvider? timeProvider = null, string? storageDirectory = null) : base(timeProvider)
    {
        _store = new FenfaStore(new FenfaClock(Time));
        OwnsStorage = storageDirectory is null;
        StorageDirectory = storageDirectory ?? Path.Combine(Path.GetTempPath(), "fenfa-emulator-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(StorageDirectory);
        MapFenfaRoutes();
    }

    protected override string Name => "fenfa";

    // The real server (Gin) reads chunked bodies; tests check our framing through the journal instead.
    protected override bool RequiresContentLength => false;

    /// <summary>Accepted on <c>/upload</c> and <c>/smart-upload</c> (as is <see cref="AdminToken"/>).</summary>
    public string UploadToken { get; init; } = "dev-upload-token";

    /// <summary>The only token accepted under <c>/admin</c>.</summary>
    public string AdminToken { get; init; } = "dev-admin-token";

    /// <summary>
    /// The settings' primary domain. The seeded default is local, so URLs are built from the request's
    /// <c>Host</c>; set a public one (e.g. <c>https://dist.example.org</c>) to see it in answers.
    /// </summary>
    public string PrimaryDomain { get; set; } = "http://localhost:8000";

    /// <summary>The first non-empty entry is used for <c>download</c> URLs.</summary>
    public IReadOnlyList<string> SecondaryDomains { get; set; } = [];

    /// <summary>
    /// Simulates a broken database (contract pitfall 12): list endpoints answer 200 with an empty list,
    /// <c>/healthz</c> answers 503 <c>DB_DOWN</c>, every other route touching the tables answers 500 <c>DB</c>.
    /// </summary>
    public bool DatabaseDown { get; set; }

    /// <summary>Root of the emulator's disk: <c>uploads/</c> for stored files, <c>tmp/</c> for uploads in flight.</summary>
    public string StorageDirectory { get; }

    private bool OwnsStorage { get; }

    private string TempDirectory => Path.Combine(StorageDirectory, "tmp");

    private string UploadsDirectory => Path.Combine(StorageDirectory, "uploads");

    private FenfaClock Clock => _store.Clock;

    // ---- Inspection ----

    public IReadOnlyList<FenfaProduct> Products => _store.Products;
    public IReadOnlyList<FenfaVariant> Variants => _store.Variants;

    /// <summary>Every stored release in creation order.</summary>
    public IReadOnlyList<FenfaRelease> Releases => _store.Releases;

    public IReadOnlyList<FenfaDevice> Devices => _store.Devices;

    /// <summary>A variant's releases, newest first.</summary>
    public IReadOnlyList<FenfaRelease> ReleasesOf(string variantId) => _store.ReleasesOf(variantId);

    /// <summary>The JSON timestamp form the server uses for a stored time (to compare with answers).</summary>
    public string FormatTimestamp(DateTimeOffset at) => Clock.ToJson(at);

    // ---- Routes ----

    protected override void MapRoutes(WebApplication app) => app.Run(DispatchAsync);

    private void MapFenfaRoutes()
    {
        _router.Map("GET", "/healthz", FenfaScope.Public, HealthAsync);

        _router.Map("POST", "/upload", FenfaScope.Upload, UploadAsync);
        _router.Map("POST", "/smart-upload", FenfaScope.Upload, SmartUploadAsync);

        _router.Map("GET", "/admin/api/products", FenfaScope.Admin, ListProductsAsync);
        _router.Map("POST", "/admin/api/products", FenfaScope.Admin, CreateProductAsync);
        _router.Map("GET", "/admin/api/products/:productID", FenfaScope.Admin, GetProductAsync);
        _router.Map("PUT", "/admin/api/products/:productID", FenfaScope.Admin, UpdateProductAsync);
        _router.Map("DELETE", "/admin/api/products/:productID", FenfaScope.Admin, DeleteProductAsync);
        _router.Map("POST", "/admin/api/products/:productID/variants", FenfaScope.Admin, CreateVariantAsync);
        _router.Map("PUT", "/admin/api/variants/:variantID", FenfaScope.Admin, UpdateVariantAsync);
        _router.Map("DELETE", "/admin/api/variants/:variantID", FenfaScope.Admin, DeleteVariantAsync);
        _router.Map("GET", "/admin/api/variants/:variantID/stats", FenfaScope.Admin, VariantStatsAsync);
        _router.Map("DELETE", "/admin/api/releases/:releaseID", FenfaScope.Admin, DeleteReleaseAsync);
        _router.Map("GET", "/admin/exports/releases.csv", FenfaScope.Admin, ExportReleasesAsync);
        _router.Map("GET", "/admin/api/ios_devices", FenfaScope.Admin, ListDevicesAsync);
        _router.Map("GET", "/admin/api/settings", FenfaScope.Admin, GetSettingsAsync);
        _router.Map("PUT", "/admin/api/settings", FenfaScope.Admin, PutSettingsAsync);
        _router.Map("GET", "/products/:productID", FenfaScope.Public, ProductPageAsync);

        _router.Map("GET", "/api/products/:productID", FenfaScope.Public, PublicProductAsync);
        _router.Map("GET", "/api/products/slug/:slug", FenfaScope.Public, PublicProductAsync);
        _router.Map("GET", "/d/:releaseID", FenfaScope.Public, DownloadAsync);
        _router.Map("GET", "/ios/:releaseID/manifest.plist", FenfaScope.Public, IosManifestAsync);
        _router.Map("GET", "/icon/products/:productID", FenfaScope.Public, ProductIconAsync);
    }

    private async Task DispatchAsync(HttpContext context)
    {
        try
        {
            await _router.DispatchAsync(context, AuthorizeAsync);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // Gin's recovery middleware: an empty 500.
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    /// <summary>Contract §1: 401 when the header is missing or empty, 403 when it is not valid for the scope.</summary>
    /// <remarks>The rejection is answered before the body is read, as Gin's middleware aborts the chain.</remarks>
    private async Task<bool> AuthorizeAsync(HttpContext context, FenfaScope scope)
    {
        if (scope == FenfaScope.Public) return true;
        var token = context.Request.Headers["X-Auth-Token"].ToString();
        if (token.Length == 0)
        {
            await FenfaJson.ErrorAsync(context, StatusCodes.Status401Unauthorized, "UNAUTHORIZED", "missing token");
            return false;
        }
        if (string.Equals(token, AdminToken, StringComparison.Ordinal)
            || (scope == FenfaScope.Upload && string.Equals(token, UploadToken, StringComparison.Ordinal))) return true;
        await FenfaJson.ErrorAsync(context, StatusCodes.Status403Forbidden, "FORBIDDEN", "invalid token");
        return false;
    }

    private FenfaUrls UrlsFor(HttpRequest request) => new(request, PrimaryDomain, SecondaryDomains);

    private Task DatabaseErrorAsync(HttpContext context) =>
        FenfaJson.ErrorAsync(context, StatusCodes.Status500InternalServerError, "DB", "sql: database is closed");

    private Task HealthAsync(HttpContext context, IReadOnlyDictionary<string, string> _) =>
        DatabaseDown
            ? FenfaJson.ErrorAsync(context, StatusCodes.Status503ServiceUnavailable, "DB_DOWN", "database unavailable")
            : FenfaJson.OkAsync(context, new { Status = "ok" });

    protected override async ValueTask DisposeCoreAsync()
    {
        await base.DisposeCoreAsync();
        if (OwnsStorage && Directory.Exists(StorageDirectory)) Directory.Delete(StorageDirectory, recursive: true);
    }
}
