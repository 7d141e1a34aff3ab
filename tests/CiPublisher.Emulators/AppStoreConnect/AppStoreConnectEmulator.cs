using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CiPublisher.Emulators.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.AppStoreConnect;

/// <summary>
/// App Store Connect API for devices, bundle IDs, certificates and profiles (contract §2–§8): every request
/// needs a valid ES256 JWT of the configured key, lists page through absolute <c>links.next</c> URLs,
/// every answer carries <c>X-Rate-Limit</c>, and the hourly quota runs out into 429.
/// </summary>
public sealed partial class AppStoreConnectEmulator : EmulatorHost
{
    public const int MaxLimit = 200;

    private readonly AscJwtVerifier _verifier;
    private readonly Lock _gate = new();
    private readonly List<AscDevice> _devices = [];
    private readonly List<AscBundleId> _bundleIds = [];
    private readonly List<AscCertificate> _certificates = [];
    private readonly List<AscProfile> _profiles = [];
    private readonly List<string> _authFailures = [];
    private int _nextId;
    private int _remaining;
    private int _apiRequests;

    /// <param name="publicKey">The public half of the API key the client signs with.</param>
    /// <param name="issuerId">The team key's issuer; null for an individual key (sub=user).</param>
    public AppStoreConnectEmulator(ECDsa publicKey, string keyId, string? issuerId, TimeProvider? time = null) : base(time)
    {
        _verifier = new AscJwtVerifier(publicKey, keyId, issuerId, Time);
        _remaining = HourLimit;
    }

    protected override string Name => "appstoreconnect";

    /// <summary>Page size when a request gives no <c>limit</c> (Apple's default is unconfirmed).</summary>
    public int DefaultPageSize { get; init; } = 20;

    public int HourLimit { get; init; } = 3600;

    /// <summary>Authorised API requests served (401s and injected faults are not counted).</summary>
    public int ApiRequestCount => Volatile.Read(ref _apiRequests);

    public int RateLimitRemaining
    {
        get { lock (_gate) return _remaining; }
        set { lock (_gate) _remaining = value; }
    }

    /// <summary>Raised for each authorised request before it is handled (method, path): lets a test move the clock mid-run.</summary>
    public event Action<string, string>? Serving;

    /// <summary>Why each refused token was refused ("expired", "bad signature", ...).</summary>
    public IReadOnlyList<string> AuthFailures
    {
        get { lock (_gate) return [.. _authFailures]; }
    }

    public IReadOnlyList<AscDevice> Devices
    {
        get { lock (_gate) return [.. _devices]; }
    }

    public IReadOnlyList<AscProfile> Profiles
    {
        get { lock (_gate) return [.. _profiles]; }
    }

    /// <summary>
    /// The hardware class Apple knows for a UDID registered through the API (it reads it from the hardware, not the
    /// request); a UDID not listed is an iPhone, or a Mac when registered as MAC_OS.
    /// </summary>
    public IDictionary<string, string> DeviceClassOfUdid { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public AscDevice AddDevice(string udid, string name, string platform = "IOS", string status = "ENABLED", string? deviceClass = null)
    {
        lock (_gate)
        {
            var device = new AscDevice(NewId(), name, platform, udid, status, Time.GetUtcNow(),
                deviceClass ?? (DeviceClassOfUdid.TryGetValue(udid, out var known) ? known : platform == "MAC_OS" ? "MAC" : "IPHONE"));
            _devices.Add(device);
            return device;
        }
    }

    public AscBundleId AddBundleId(string identifier, string platform = "IOS")
    {
        lock (_gate)
        {
            var bundle = new AscBundleId(NewId(), identifier, platform, identifier);
            _bundleIds.Add(bundle);
            return bundle;
        }
    }

    public AscCertificate AddCertificate(string name, string certificateType = "IOS_DISTRIBUTION", DateTimeOffset? expires = null,
        bool activated = true)
    {
        lock (_gate)
        {
            var certificate = new AscCertificate(NewId(), name, certificateType, expires ?? Time.GetUtcNow().AddYears(1), activated);
            _certificates.Add(certificate);
            return certificate;
        }
    }

    /// <summary>A certificate revoked on the website: gone from the team.</summary>
    public void RemoveCertificate(string id)
    {
        lock (_gate) _certificates.RemoveAll(c => c.Id == id);
    }

    public AscProfile AddProfile(string name, string profileType, AscBundleId bundleId, IEnumerable<AscCertificate> certificates,
        IEnumerable<AscDevice> devices, string state = "ACTIVE")
    {
        lock (_gate)
        {
            var profile = new AscProfile(NewId(), name, profileType, bundleId.Id, [.. certificates.Select(c => c.Id)],
                [.. devices.Select(d => d.Id)], Guid.NewGuid().ToString(), Time.GetUtcNow()) { State = state };
            _profiles.Add(profile);
            return profile;
        }
    }

    /// <summary>The UDIDs a profile's <c>profileContent</c> lists, as an installer would read them.</summary>
    public static IReadOnlyList<string> ProvisionedDevicesOf(byte[] mobileProvision)
    {
        var text = Encoding.UTF8.GetString(mobileProvision);
        var start = text.IndexOf("<key>ProvisionedDevices</key>", StringComparison.Ordinal);
        if (start < 0) return [];
        var end = text.IndexOf("</array>", start, StringComparison.Ordinal);
        return [.. text[start..end].Split("<string>").Skip(1).Select(s => s[..s.IndexOf('<', StringComparison.Ordinal)])];
    }

    protected override void MapRoutes(WebApplication app)
    {
        app.Use(AuthorizeAndMeterAsync);
        MapDevices(app);
        MapProfiles(app);
        MapDistribution(app);
    }

    private async Task AuthorizeAndMeterAsync(HttpContext context, RequestDelegate next)
    {
        if (_verifier.Problem(context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null) is { } problem)
        {
            lock (_gate) _authFailures.Add(problem);
            await AscErrors.NotAuthorized().ExecuteAsync(context);
            return;
        }

        int remaining;
        lock (_gate) remaining = _remaining = Math.Max(0, _remaining - 1);
        context.Response.Headers["X-Rate-Limit"] = $"user-hour-lim:{HourLimit};user-hour-rem:{remaining};";
        if (remaining == 0)
        {
            await AscErrors.Error(429, "RATE_LIMIT_EXCEEDED", "The request rate limit has been reached.",
                "We've received too many requests for this API. Please wait and try again or slow down your request rate.").ExecuteAsync(context);
            return;
        }
        Interlocked.Increment(ref _apiRequests);
        Serving?.Invoke(context.Request.Method, context.Request.Path.Value ?? "/");
        context.Response.Headers["X-Request-ID"] = Guid.NewGuid().ToString("N").ToUpperInvariant();
        await next(context);
    }

    /// <summary>One page of <paramref name="all"/>, with an absolute <c>links.next</c> carrying an opaque cursor.</summary>
    private IResult Page<T>(HttpContext context, IReadOnlyList<T> all, Func<T, object> render)
    {
        var query = context.Request.Query;
        var limit = DefaultPageSize;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
            return AscErrors.Error(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value",
                $"'{limitText}' is not a valid value for 'limit'; it must be between 1 and {MaxLimit}.");
        var offset = 0;
        if (query.TryGetValue("cursor", out var cursor) && !TryReadCursor(cursor.ToString(), out offset))
            return AscErrors.Error(400, "PARAMETER_ERROR.INVALID", "A parameter has an invalid value", "The cursor is invalid.");

        var request = context.Request;
        var self = $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}";
        string? nextUrl = null;
        if (offset + limit < all.Count)
        {
            var kept = query.Where(q => q.Key != "cursor").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
            nextUrl = $"{request.Scheme}://{request.Host}{request.Path}?{string.Join('&', kept.Append($"cursor={Cursor(offset + limit)}"))}";
        }
        return Results.Json(new
        {
            data = all.Skip(offset).Take(limit).Select(render),
            links = new { self, next = nextUrl },
            meta = new { paging = new { total = all.Count, limit } },
        }, AscJson.Options);
    }

    private static string Cursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"o:{offset}")).TrimEnd('=');

    private static bool TryReadCursor(string cursor, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor.PadRight(cursor.Length + (4 - cursor.Length % 4) % 4, '=')));
            return text.StartsWith("o:", StringComparison.Ordinal)
                   && int.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private string NewId()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var n = ++_nextId;
        var id = new StringBuilder("A");
        for (var i = 0; i < 9; i++, n /= alphabet.Length) id.Append(alphabet[n % alphabet.Length]);
        return id.ToString();
    }

    private string SelfLink(HttpContext context, string path) => $"{context.Request.Scheme}://{context.Request.Host}{path}";
}
