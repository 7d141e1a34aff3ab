using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using CiPublisher.Emulators.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.AltStore;

/// <summary>
/// The AltStore PAL REST API as its contract describes it: no authentication, JSON bodies with the seed's key
/// spellings, ADP processing that finishes after a number of status polls. Where the contract says "unconfirmed"
/// (unknown IDs, error bodies) it answers plausibly: 404 for an ADP never asked for, 400 with a JSON error for a bad body.
/// </summary>
public sealed class AltStoreEmulator(TimeProvider? time = null) : EmulatorHost(time)
{
    private readonly ConcurrentDictionary<string, AdpJob> _jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _processRequests = new();
    private readonly ConcurrentQueue<string> _federated = new();
    private readonly ConcurrentQueue<Registration> _registrations = new();

    protected override string Name => "altstore";

    /// <summary>Status polls after a trigger before the ADP is ready (or failed); the poll that reaches it answers.</summary>
    public int PollsUntilDone { get; set; } = 3;

    /// <summary>ADP IDs whose processing ends with status <c>failed</c>.</summary>
    public ISet<string> FailingAdpIds { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// ADP IDs whose processing ends with this status and a message beside it, as seen during an App Store Connect
    /// agreement problem (altstoreio/AltStore#1667; the status string and the message's key are unconfirmed).
    /// </summary>
    public IDictionary<string, (string Status, string Message)> FailuresWithMessage { get; } = new Dictionary<string, (string, string)>(StringComparer.Ordinal);

    /// <summary>Statuses answered while processing, one per poll in turn (the last repeats): none of them documented.</summary>
    public IList<string> ProcessingStatuses { get; } = ["processing"];

    /// <summary>The token the next registration answers with.</summary>
    public string NextToken { get; set; } = "altstore-emulator-token";

    public DateTimeOffset TokenExpiration { get; set; } = new(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Every <c>adpID</c> POST /adps accepted, in order.</summary>
    public IReadOnlyList<string> ProcessRequests => [.. _processRequests];

    /// <summary>Every source URL POST /federate accepted, in order.</summary>
    public IReadOnlyList<string> FederatedSources => [.. _federated];

    public IReadOnlyList<Registration> Registrations => [.. _registrations];

    /// <summary>The zip each ADP's download link serves (<see cref="Samples.SampleAdp"/>); a link to an ADP without one answers 404.</summary>
    public IDictionary<string, byte[]> Packages { get; } = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);

    /// <summary>Zips on disk, for packages too big to hold in memory (the bench's gigabyte variants).</summary>
    public IDictionary<string, string> PackageFiles { get; } = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>ADP IDs whose first download link has already expired when it is used (403, as a signed CDN link answers).</summary>
    public ISet<string> LinkExpiresBeforeFirstDownload { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// ADP IDs whose current link has expired: the status answers <c>downloadExpired: true</c> beside <c>success</c> and
    /// the link 403, until a POST /adps renews it.
    /// </summary>
    public ISet<string> ExpiredLinks { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Every download of a package that was served, by ADP ID.</summary>
    public IReadOnlyList<string> Downloads => [.. _downloads];

    private readonly ConcurrentQueue<string> _downloads = new();

    /// <summary>
    /// The link a ready ADP answers with: a new one after every POST /adps (the seed: processing again renews an
    /// expired link), signed like a CDN link and case-sensitive.
    /// </summary>
    public Uri DownloadUrlOf(string adpId) =>
        new(BaseUrl, $"downloads/{Uri.EscapeDataString(adpId)}/{_jobs.GetValueOrDefault(adpId)?.LinkId ?? "none"}.zip?Expires=1767225600&Signature=Zx9");

    protected override void MapRoutes(WebApplication app)
    {
        app.MapPost("/adps", ProcessAsync);
        app.MapGet("/adps/{adpId}", Status);
        app.MapPost("/federate", FederateAsync);
        app.MapPost("/register", RegisterAsync);
        app.MapGet("/downloads/{adpId}/{linkId}.zip", Download);
    }

    private async Task<IResult> Download(HttpContext context, string adpId, string linkId)
    {
        if (_jobs.TryGetValue(adpId, out var stored) && stored.LinkId == linkId && PackageFiles.TryGetValue(adpId, out var file))
        {
            _downloads.Enqueue(adpId);
            return Results.File(file, "application/zip");
        }
        if (!_jobs.TryGetValue(adpId, out var job) || job.LinkId != linkId || !Packages.TryGetValue(adpId, out var zip))
            return Results.Text("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>", "application/xml", statusCode: 404);
        lock (ExpiredLinks)
        {
            if (ExpiredLinks.Contains(adpId))
                return Results.Text("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>", "application/xml", statusCode: 403);
        }
        lock (LinkExpiresBeforeFirstDownload)
        {
            if (LinkExpiresBeforeFirstDownload.Remove(adpId))
                return Results.Text("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>", "application/xml", statusCode: 403);
        }
        if (Interlocked.Decrement(ref _downloadsToCut) >= 0)
        {
            // The whole length announced, half of it sent, then the connection gone: a CDN transfer breaking off.
            context.Response.ContentType = "application/zip";
            context.Response.ContentLength = zip.Length;
            await context.Response.Body.WriteAsync(zip.AsMemory(0, zip.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return Results.Empty;
        }
        _downloads.Enqueue(adpId);
        return Results.Bytes(zip, "application/zip");
    }

    private int _downloadsToCut;

    /// <summary>How many of the next downloads break off halfway through the body.</summary>
    public int DownloadsCutShort
    {
        get => Math.Max(0, Volatile.Read(ref _downloadsToCut));
        set => Volatile.Write(ref _downloadsToCut, value);
    }

    private async Task<IResult> ProcessAsync(HttpRequest request)
    {
        if (await ReadObjectAsync(request) is not { } body) return BadRequest("expected a JSON object body");
        if (TextOf(body, "adpID") is not { Length: > 0 } adpId) return BadRequest("missing adpID");
        _processRequests.Enqueue(adpId);
        _jobs[adpId] = new AdpJob();
        lock (ExpiredLinks) ExpiredLinks.Remove(adpId);
        return Results.Ok(new { status = ProcessingStatuses.FirstOrDefault() ?? "processing" });
    }

    private IResult Status(string adpId)
    {
        if (!_jobs.TryGetValue(adpId, out var job)) return Results.Json(new { error = "ADP not found" }, statusCode: 404);
        var poll = Interlocked.Increment(ref job.Polls);
        if (poll < PollsUntilDone)
        {
            var status = ProcessingStatuses.Count == 0 ? "processing" : ProcessingStatuses[Math.Min(poll - 1, ProcessingStatuses.Count - 1)];
            return Results.Json(new { status });
        }
        if (FailingAdpIds.Contains(adpId)) return Results.Json(new { status = "failed" });
        if (FailuresWithMessage.TryGetValue(adpId, out var failure)) return Results.Json(new { status = failure.Status, message = failure.Message });
        bool expired;
        lock (ExpiredLinks) expired = ExpiredLinks.Contains(adpId);
        return Results.Json(new { status = "success", downloadURL = DownloadUrlOf(adpId).AbsoluteUri, downloadExpired = expired });
    }

    private async Task<IResult> FederateAsync(HttpRequest request)
    {
        if (await ReadObjectAsync(request) is not { } body) return BadRequest("expected a JSON object body");
        if (!Uri.TryCreate(TextOf(body, "source"), UriKind.Absolute, out var source) || source.Scheme is not ("http" or "https"))
            return BadRequest("source must be an http(s) URL");
        _federated.Enqueue(source.AbsoluteUri);
        return Results.Ok();
    }

    private async Task<IResult> RegisterAsync(HttpRequest request)
    {
        if (await ReadObjectAsync(request) is not { } body) return BadRequest("expected a JSON object body");
        var developerId = TextOf(body, "developerID");
        var email = TextOf(body, "email");
        if (string.IsNullOrWhiteSpace(developerId) || string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
            return BadRequest("developerID and a valid email are required");
        _registrations.Enqueue(new Registration(developerId, email));
        return Results.Json(new
        {
            token = NextToken,
            expiration = TokenExpiration.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });
    }

    private static async Task<JsonElement?> ReadObjectAsync(HttpRequest request)
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true) return null;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? TextOf(JsonElement? body, string key) =>
        body is { } element && element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IResult BadRequest(string error) => Results.Json(new { error }, statusCode: 400);

    public sealed record Registration(string DeveloperId, string Email);

    private sealed class AdpJob
    {
        public int Polls;
        public string LinkId { get; } = Guid.NewGuid().ToString("N");
    }
}
