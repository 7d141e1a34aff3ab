using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text.Json;
using CiPublisher.Emulators.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CiPublisher.Emulators.Aptoide;

/// <summary>
/// Aptoide web services v3 (<c>/webservices/3/oauth2Authentication</c>, <c>/webservices/3/uploadAppToRepo</c>) as the
/// contract describes them: failures as HTTP 200 with <c>status: FAIL</c>, token errors as HTTP 401 with
/// <c>error</c>/<c>error_description</c>, the checksum question answered APK-103 (in the store) or APK-5 (send the file).
/// Uploaded files are streamed to a temporary folder, never held in memory.
/// </summary>
public sealed class AptoideEmulator(TimeProvider? time = null) : EmulatorHost(time)
{
    public const string ClientId = "Aptoide";
    private const string ApiPrefix = "/webservices/3/";

    private readonly ConcurrentDictionary<string, Account> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _tokenOwners = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _expiredTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Repo, string Md5), byte> _knownChecksums = new();
    private readonly ConcurrentQueue<UploadedApk> _uploads = new();
    private readonly ConcurrentQueue<string> _issuedTokens = new();
    private readonly string _storage = Path.Combine(Path.GetTempPath(), "cipublisher-aptoide-" + Guid.NewGuid().ToString("N"));
    private int _fileUploads;
    private int _checksumQuestions;
    private int _tokenRequests;

    protected override string Name => "aptoide";

    /// <summary>The value for <c>aptoide-api-url</c>: the emulator's base plus <c>webservices/</c>, like Aptoide's own.</summary>
    public Uri ApiUrl => new(BaseUrl, "webservices/");

    /// <summary>Write FAIL errors as bare strings (legacy docs) instead of <c>{code, msg}</c> objects (Aptoide's uploader).</summary>
    public bool ErrorsAsStrings { get; set; }

    /// <summary>Demand description, category and rating (MARG-*), as Aptoide does for apps no other market knows.</summary>
    public bool RequireListing { get; set; }

    public IReadOnlyList<UploadedApk> Uploads => [.. _uploads];

    /// <summary>Access tokens handed out by oauth2Authentication, so tests can prove none leaked.</summary>
    public IReadOnlyList<string> IssuedAccessTokens => [.. _issuedTokens];

    /// <summary>uploadAppToRepo requests that carried the file and reached the handler.</summary>
    public int FileUploadCount => Volatile.Read(ref _fileUploads);

    /// <summary>uploadAppToRepo requests that asked by <c>apk_md5sum</c> without the file.</summary>
    public int ChecksumQuestionCount => Volatile.Read(ref _checksumQuestions);

    public int TokenRequestCount => Volatile.Read(ref _tokenRequests);

    public void AddAccount(string username, string password, string repo) => _accounts[username] = new Account(password, repo);

    /// <summary>A token issued before the run (what a user puts in <c>aptoide-token</c>).</summary>
    public void AddToken(string token, string username) => _tokenOwners[token] = username;

    public void SeedKnownChecksum(string repo, string md5) => _knownChecksums[(repo, md5.ToLowerInvariant())] = 0;

    /// <summary>Every token issued so far now answers "The access token provided has expired".</summary>
    public void ExpireTokens()
    {
        foreach (var token in _tokenOwners.Keys) _expiredTokens[token] = 0;
    }

    protected override void MapRoutes(WebApplication app)
    {
        Directory.CreateDirectory(_storage);
        app.Lifetime.ApplicationStopped.Register(DeleteStorage);
        app.MapPost(ApiPrefix + "oauth2Authentication", AuthenticateAsync);
        app.MapPost(ApiPrefix + "uploadAppToRepo", UploadAppToRepoAsync);
    }

    private async Task AuthenticateAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        var fields = await ReadFieldsAsync(context.Request);
        if (fields is null)
        {
            await TokenErrorAsync(context, 400, "invalid_request", "The request must be form fields or a JSON object");
            return;
        }
        fields.TryGetValue("grant_type", out var grantType);
        fields.TryGetValue("username", out var username);
        fields.TryGetValue("password", out var password);
        if (grantType != "password")
        {
            await TokenErrorAsync(context, 400, "unsupported_grant_type", "Grant type not supported");
        }
        else if (!fields.TryGetValue("client_id", out var clientId) || clientId != ClientId)
        {
            await TokenErrorAsync(context, 400, "invalid_client", "The client credentials are invalid");
        }
        else if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            await TokenErrorAsync(context, 400, "invalid_request", "Missing parameters: username and password required");
        }
        else if (!_accounts.TryGetValue(username, out var account) || account.Password != password)
        {
            await TokenErrorAsync(context, 401, "invalid_grant", "Invalid username and password combination");
        }
        else
        {
            var token = "emu-at-" + Guid.NewGuid().ToString("N");
            _tokenOwners[token] = username;
            _issuedTokens.Enqueue(token);
            await context.Response.WriteAsJsonAsync(new
            {
                status = "OK",
                access_token = token,
                refresh_token = "emu-rt-" + Guid.NewGuid().ToString("N"),
            });
        }
    }

    private async Task UploadAppToRepoAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            await FailAsync(context, false, new EmulatedError("APK-1", "Expected a multipart/form-data request"));
            return;
        }
        var (fields, file) = await ReadUploadAsync(context.Request, context.RequestAborted);
        try
        {
            await AnswerUploadAsync(context, fields, file);
        }
        finally
        {
            if (file is not null && !_uploads.Any(u => u.StoredPath == file.Path)) File.Delete(file.Path);
        }
    }

    private async Task AnswerUploadAsync(HttpContext context, Dictionary<string, string> fields, ReceivedFile? file)
    {
        var xml = fields.GetValueOrDefault("mode") != "json";
        // The codes of these argument checks are not sourced; the messages are the legacy docs' strings.
        if (!fields.TryGetValue("access_token", out var token) || token.Length == 0)
        {
            await FailAsync(context, xml, new EmulatedError("AUTH-2", "Missing token parameter"));
            return;
        }
        if (!_tokenOwners.TryGetValue(token, out var username))
        {
            await TokenErrorAsync(context, 401, "invalid_token", "The access token provided is invalid");
            return;
        }
        if (_expiredTokens.ContainsKey(token))
        {
            await TokenErrorAsync(context, 401, "invalid_token", "The access token provided has expired");
            return;
        }
        if (!fields.TryGetValue("repo", out var repo) || repo.Length == 0)
        {
            await FailAsync(context, xml, new EmulatedError("REPO-1", "Missing repo parameter"));
            return;
        }
        if (!_accounts.TryGetValue(username, out var account) || !string.Equals(account.Repo, repo, StringComparison.OrdinalIgnoreCase))
        {
            await FailAsync(context, xml, new EmulatedError("REPO-2", $"The store {repo} does not belong to this user"));
            return;
        }

        if (file is null)
        {
            if (!fields.TryGetValue("apk_md5sum", out var md5) || md5.Length == 0)
            {
                await FailAsync(context, xml, new EmulatedError("APK-1", "Missing apk parameter"));
                return;
            }
            Interlocked.Increment(ref _checksumQuestions);
            await FailAsync(context, xml, _knownChecksums.ContainsKey((repo, md5.ToLowerInvariant()))
                ? AlreadyInStore
                : new EmulatedError("APK-5", "Unknown checksum: send the apk file"));
            return;
        }

        Interlocked.Increment(ref _fileUploads);
        if (_knownChecksums.ContainsKey((repo, file.Md5)))
        {
            await FailAsync(context, xml, AlreadyInStore);
            return;
        }
        if (RequireListing && MissingListingField(fields) is { } missing)
        {
            await FailAsync(context, xml, missing);
            return;
        }

        var listed = fields.Where(f => f.Key != "access_token").ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        _knownChecksums[(repo, file.Md5)] = 0;
        _uploads.Enqueue(new UploadedApk(repo, file.FileName, file.ContentType, file.Md5, file.Length, listed, file.Path));
        var app = Path.GetFileNameWithoutExtension(file.FileName);
        await WriteAsync(context, xml, new Dictionary<string, object>
        {
            ["status"] = "OK",
            ["info"] = new Dictionary<string, string> { ["url"] = $"https://{repo}.store.aptoide.com/app/{app}" },
        });
    }

    private static readonly EmulatedError AlreadyInStore = new("APK-103", "This application version already exists in the store.");

    // Which MARG code belongs to which field is not sourced; only the MARG-100…103 range is.
    private static EmulatedError? MissingListingField(Dictionary<string, string> fields) =>
        !fields.ContainsKey("description") ? new EmulatedError("MARG-101", "Missing description parameter")
        : !fields.ContainsKey("category") ? new EmulatedError("MARG-102", "Missing category parameter")
        : !fields.ContainsKey("rating") ? new EmulatedError("MARG-103", "Missing rating parameter")
        : null;

    private Task FailAsync(HttpContext context, bool xml, EmulatedError error) =>
        WriteAsync(context, xml, new Dictionary<string, object>
        {
            ["status"] = "FAIL",
            ["errors"] = ErrorsAsStrings
                ? new object[] { error.Message }
                : [new Dictionary<string, string> { ["code"] = error.Code, ["msg"] = error.Message }],
        });

    /// <summary>v3 answers in XML unless the request asked for <c>mode=json</c>.</summary>
    private static async Task WriteAsync(HttpContext context, bool xml, Dictionary<string, object> body)
    {
        if (!xml)
        {
            await context.Response.WriteAsJsonAsync(body);
            return;
        }
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync($"<?xml version=\"1.0\"?><response>{ToXml(body)}</response>");
    }

    private static string ToXml(object value) => value switch
    {
        string text => SecurityElement.Escape(text),
        Dictionary<string, string> map => string.Concat(map.Select(p => $"<{p.Key}>{SecurityElement.Escape(p.Value)}</{p.Key}>")),
        Dictionary<string, object> map => string.Concat(map.Select(p => $"<{p.Key}>{ToXml(p.Value)}</{p.Key}>")),
        IEnumerable<object> list => string.Concat(list.Select(e => $"<entry>{ToXml(e)}</entry>")),
        _ => SecurityElement.Escape(Convert.ToString(value, CultureInfo.InvariantCulture)) ?? "",
    };

    private static async Task TokenErrorAsync(HttpContext context, int status, string error, string description)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error, error_description = description });
    }

    /// <summary>oauth2Authentication takes form fields (Aptoide's uploader) or a JSON object (Help Center, fastlane).</summary>
    private static async Task<Dictionary<string, string>?> ReadFieldsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            return form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        }
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return null;
            return json.RootElement.EnumerateObject().ToDictionary(p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<(Dictionary<string, string> Fields, ReceivedFile? File)> ReadUploadAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeHeaderValue.Parse(request.ContentType);
        if (!mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return (form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal), null);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        ReceivedFile? file = null;
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value!, request.Body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
            if (name == "apk" && !string.IsNullOrEmpty(fileName))
                file = await StoreAsync(section, fileName, cancellationToken);
            else
                fields[name] = await section.ReadAsStringAsync(cancellationToken);
        }
        return (fields, file);
    }

    private async Task<ReceivedFile> StoreAsync(MultipartSection section, string fileName, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_storage, Guid.NewGuid().ToString("N") + ".apk");
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        long length = 0;
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await section.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                md5.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }
        }
        return new ReceivedFile(path, fileName, section.ContentType, Convert.ToHexStringLower(md5.GetHashAndReset()), length);
    }

    private void DeleteStorage()
    {
        try
        {
            Directory.Delete(_storage, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by an aborted request; the OS temp folder is cleaned eventually.
        }
    }

    private sealed record Account(string Password, string Repo);

    private sealed record EmulatedError(string Code, string Message);

    private sealed record ReceivedFile(string Path, string FileName, string? ContentType, string Md5, long Length);
}
