using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CiPublisher.Emulators.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.GitHub;

/// <summary>
/// The slice of the GitHub REST API the write-back uses: releases by tag (get, create, edit) and issue
/// comments (paged list with a Link header, create, edit). Served at the root, as api.github.com is.
/// Checks the token, counts down the rate limit in <c>X-RateLimit-*</c> headers, and answers errors in
/// GitHub's shape. Permissions can be withdrawn to produce GitHub's 403 "Resource not accessible by integration".
/// </summary>
public sealed partial class GitHubEmulator(string token, TimeProvider? time = null) : EmulatorHost(time)
{
    private const int RateLimit = 5000;
    private const string Docs = "https://docs.github.com/rest";

    private readonly Lock _gate = new();
    private readonly HashSet<string> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _deniedWrites = new(StringComparer.Ordinal);
    private readonly List<EmulatedRelease> _releases = [];
    private readonly List<EmulatedComment> _comments = [];
    private readonly Dictionary<(string Repository, int Number), (string Title, string? Body)> _pullRequests = [];
    private readonly Dictionary<(string Repository, string Sha), int> _mergeCommits = [];
    private long _nextId = 1000;
    private int _remaining = RateLimit;

    protected override string Name => "github";

    /// <summary>Largest page the comment list returns, whatever <c>per_page</c> asks (GitHub: 100); lower it to force paging.</summary>
    public int MaxPageSize { get; set; } = 100;

    public int RateLimitRemaining
    {
        get { lock (_gate) return _remaining; }
    }

    public void AddRepository(string fullName)
    {
        lock (_gate) _repositories.Add(fullName);
    }

    /// <summary>Withdraws a workflow permission ("contents" or "pull-requests"): writes needing it answer 403.</summary>
    public void DenyWrite(string permission)
    {
        lock (_gate) _deniedWrites.Add(permission);
    }

    public IReadOnlyList<EmulatedRelease> Releases(string repository)
    {
        lock (_gate) return [.. _releases.Where(r => Same(r.Repository, repository))];
    }

    public IReadOnlyList<EmulatedComment> Comments(string repository, int issue)
    {
        lock (_gate) return [.. _comments.Where(c => Same(c.Repository, repository) && c.Issue == issue).OrderBy(c => c.Id)];
    }

    public EmulatedRelease SeedRelease(string repository, string tag, string? body, bool draft = false, bool prerelease = false)
    {
        lock (_gate)
        {
            _repositories.Add(repository);
            var release = new EmulatedRelease
            {
                Id = ++_nextId, Repository = repository, TagName = tag, Name = tag, Body = body, Draft = draft,
                Prerelease = prerelease, CreatedAt = Time.GetUtcNow(),
            };
            _releases.Add(release);
            return release;
        }
    }

    /// <summary>Repositories whose <c>private</c> is true.</summary>
    public ISet<string> PrivateRepositories { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    private IResult GetRepository(string owner, string repo)
    {
        var repository = $"{owner}/{repo}";
        lock (_gate)
        {
            if (!_repositories.Contains(repository)) return NotFound();
            return Results.Json(new Dictionary<string, object?>
            {
                ["id"] = Math.Abs(repository.GetHashCode(StringComparison.OrdinalIgnoreCase)), ["name"] = repo, ["full_name"] = repository,
                ["private"] = PrivateRepositories.Contains(repository), ["html_url"] = $"{BaseUrl}{repository}",
                ["visibility"] = PrivateRepositories.Contains(repository) ? "private" : "public",
            });
        }
    }

    /// <summary>
    /// A pull request to read back (<c>GET /repos/{o}/{r}/pulls/{n}</c>): its title and body, and the commit it was
    /// merged as, which <c>GET /repos/{o}/{r}/commits/{sha}/pulls</c> finds it by.
    /// </summary>
    public void SeedPullRequest(string repository, int number, string title, string? body, string? mergeCommit = null)
    {
        lock (_gate)
        {
            _repositories.Add(repository);
            _pullRequests[(repository.ToLowerInvariant(), number)] = (title, body);
            if (mergeCommit is not null) _mergeCommits[(repository.ToLowerInvariant(), mergeCommit)] = number;
        }
    }

    private IResult PullRequestsOfCommit(string owner, string repo, string sha)
    {
        var repository = $"{owner}/{repo}";
        lock (_gate)
        {
            if (!_repositories.Contains(repository)) return NotFound();
            if (!_mergeCommits.TryGetValue((repository.ToLowerInvariant(), sha), out var number)) return Results.Json(Array.Empty<object>());
            var (title, body) = _pullRequests[(repository.ToLowerInvariant(), number)];
            return Results.Json(new[]
            {
                new Dictionary<string, object?>
                {
                    ["number"] = number, ["state"] = "closed", ["title"] = title, ["body"] = body,
                    ["merged_at"] = Time.GetUtcNow(), ["merge_commit_sha"] = sha,
                },
            });
        }
    }

    private IResult GetPullRequest(string owner, string repo, int number)
    {
        var repository = $"{owner}/{repo}";
        lock (_gate)
        {
            if (!_repositories.Contains(repository) || !_pullRequests.TryGetValue((repository.ToLowerInvariant(), number), out var pull)) return NotFound();
            return Results.Json(new Dictionary<string, object?>
            {
                ["id"] = 5000 + number, ["number"] = number, ["state"] = "open", ["title"] = pull.Title, ["body"] = pull.Body,
                ["html_url"] = $"{BaseUrl}{repository}/pull/{number}", ["user"] = User("kim"),
            });
        }
    }

    public EmulatedComment SeedComment(string repository, int issue, string body, string user = "reviewer")
    {
        lock (_gate)
        {
            _repositories.Add(repository);
            var now = Time.GetUtcNow();
            var comment = new EmulatedComment
            {
                Id = ++_nextId, Repository = repository, Issue = issue, Body = body, User = user, CreatedAt = now, UpdatedAt = now,
            };
            _comments.Add(comment);
            return comment;
        }
    }

    protected override void MapRoutes(WebApplication app)
    {
        app.Use(AuthenticateAndCountAsync);
        app.Use(RequireJsonBodyAsync);
        app.MapGet("/repos/{owner}/{repo}/releases/tags/{tag}", GetReleaseByTag);
        app.MapPost("/repos/{owner}/{repo}/releases", CreateReleaseAsync);
        app.MapPatch("/repos/{owner}/{repo}/releases/{id:long}", EditReleaseAsync);
        app.MapGet("/repos/{owner}/{repo}/issues/{issue:int}/comments", ListComments);
        app.MapPost("/repos/{owner}/{repo}/issues/{issue:int}/comments", CreateCommentAsync);
        app.MapPatch("/repos/{owner}/{repo}/issues/comments/{id:long}", EditCommentAsync);
        MapAssets(app);
        app.MapGet("/repos/{owner}/{repo}/pulls/{number:int}", GetPullRequest);
        app.MapGet("/repos/{owner}/{repo}", GetRepository);
        app.MapGet("/repos/{owner}/{repo}/commits/{sha}/pulls", PullRequestsOfCommit);
    }

    private async Task AuthenticateAndCountAsync(HttpContext context, RequestDelegate next)
    {
        // github.com's web side (an asset's browser_download_url) takes no token and counts against no API limit.
        if (IsWebPath(context.Request.Path.Value ?? "/"))
        {
            await next(context);
            return;
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        var presented = authorization.StartsWith("token ", StringComparison.OrdinalIgnoreCase) ? authorization[6..]
            : authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..]
            : null;
        if (presented != token)
        {
            await WriteErrorAsync(context, 401, presented is null ? "Requires authentication" : "Bad credentials");
            return;
        }

        int remaining;
        lock (_gate) remaining = _remaining = Math.Max(0, _remaining - 1);
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = RateLimit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Used"] = (RateLimit - remaining).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = Time.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Resource"] = "core";
        await next(context);
    }

    /// <summary>
    /// GitHub's REST API takes JSON bodies: another media type is refused with 415, a body that does not parse with
    /// 400 "Problems parsing JSON". (github.com itself is lenient about the label; the servers behind Enterprise
    /// proxies and GitHub-compatible APIs are not, and GitHub's documentation asks for application/json.)
    /// </summary>
    private static async Task RequireJsonBodyAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        // The upload host takes the file's own bytes.
        if (request.ContentLength is > 0 && !request.Path.StartsWithSegments("/uploads"))
        {
            if (!IsJsonMediaType(request.ContentType))
            {
                await WriteErrorAsync(context, 415, $"Unsupported 'Content-Type' header: {request.ContentType}");
                return;
            }
            request.EnableBuffering();
            try
            {
                using var _ = await JsonDocument.ParseAsync(request.Body, cancellationToken: context.RequestAborted);
            }
            catch (JsonException)
            {
                await WriteErrorAsync(context, 400, "Problems parsing JSON");
                return;
            }
            request.Body.Position = 0;
        }
        await next(context);
    }

    private static bool IsJsonMediaType(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private IResult GetReleaseByTag(string owner, string repo, string tag)
    {
        var repository = $"{owner}/{repo}";
        lock (_gate)
        {
            if (!_repositories.Contains(repository)) return NotFound();
            // GitHub's by-tag lookup does not see drafts.
            var release = _releases.FirstOrDefault(r => Same(r.Repository, repository) && r.TagName == tag && !r.Draft);
            return release is null ? NotFound() : Results.Json(ReleaseJson(release));
        }
    }

    private async Task<IResult> CreateReleaseAsync(string owner, string repo, HttpRequest request)
    {
        var repository = $"{owner}/{repo}";
        var input = await ReadObjectAsync(request);
        lock (_gate)
        {
            if (!_repositories.Contains(repository)) return NotFound();
            if (Denied("contents", "contents=write") is { } denied) return denied;
            var tag = input?["tag_name"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(tag)) return Invalid("Release", "missing_field", "tag_name");
            if (_releases.Any(r => Same(r.Repository, repository) && r.TagName == tag && !r.Draft))
                return Invalid("Release", "already_exists", "tag_name");

            var release = new EmulatedRelease
            {
                Id = ++_nextId, Repository = repository, TagName = tag,
                TargetCommitish = input!["target_commitish"]?.GetValue<string>() ?? "main",
                Name = input["name"]?.GetValue<string>(), Body = input["body"]?.GetValue<string>(),
                Draft = input["draft"]?.GetValue<bool>() ?? false, Prerelease = input["prerelease"]?.GetValue<bool>() ?? false,
                CreatedAt = Time.GetUtcNow(),
            };
            _releases.Add(release);
            return Results.Json(ReleaseJson(release), statusCode: 201);
        }
    }

    private async Task<IResult> EditReleaseAsync(string owner, string repo, long id, HttpRequest request)
    {
        var repository = $"{owner}/{repo}";
        var input = await ReadObjectAsync(request);
        lock (_gate)
        {
            if (!_repositories.Contains(repository)) return NotFound();
            var index = _releases.FindIndex(r => Same(r.Repository, repository) && r.Id == id);
            if (index < 0) return NotFound();
            if (Denied("contents", "contents=write") is { } denied) return denied;
            if (input is null) return Invalid("Release", "invalid", "body");

            var release = _releases[index];
            _releases[index] = release with
            {
                TagName = input["tag_name"]?.GetValue<string>() ?? release.TagName,
                Name = input["name"]?.GetValue<string>() ?? release.Name,
                Body = input["body"]?.GetValue<string>() ?? release.Body,
                Draft = input["draft"]?.GetValue<bool>() ?? release.Draft,
                Prerelease = input["prerelease"]?.GetValue<bool>() ?? release.Prerelease,
            };
            return Results.Json(ReleaseJson(_releases[index]));
        }
    }

    private IResult ListComments(string owner, string repo, int issue, HttpContext context)
    {
        var repository = $"{owner}/{repo}";
        var query = context.Request.Query;
        var perPage = Math.Clamp(int.TryParse(query["per_page"], CultureInfo.InvariantCulture, out var p) ? p : 30, 1, MaxPageSize);
        var page = Math.Max(1, int.TryParse(query["page"], CultureInfo.InvariantCulture, out var n) ? n : 1);
        lock (_gate)
        {
            if (!_repositories.Contains(repository)) return NotFound();
            var all = _comments.Where(c => Same(c.Repository, repository) && c.Issue == issue).OrderBy(c => c.Id).ToList();
            var lastPage = Math.Max(1, (all.Count + perPage - 1) / perPage);
            if (page < lastPage)
            {
                var path = $"{BaseUrl}repos/{owner}/{repo}/issues/{issue}/comments?per_page={perPage}&page=";
                context.Response.Headers.Link = $"<{path}{page + 1}>; rel=\"next\", <{path}{lastPage}>; rel=\"last\"";
            }
            return Results.Json(all.Skip((page - 1) * perPage).Take(perPage).Select(CommentJson).ToList());
        }
    }

    private async Task<IResult> CreateCommentAsync(string owner, string repo, int issue, HttpRequest request)
    {
        var repository = $"{owner}/{repo}";
        var body = (await ReadObjectAsync(request))?["body"]?.GetValue<string>();
        lock (_gate)
        {
            if (!_repositories.Contains(repository)) return NotFound();
            if (Denied("pull-requests", "issues=write; pull_requests=write") is { } denied) return denied;
            if (string.IsNullOrWhiteSpace(body)) return Invalid("IssueComment", "missing_field", "body");
            var now = Time.GetUtcNow();
            var comment = new EmulatedComment
            {
                Id = ++_nextId, Repository = repository, Issue = issue, Body = body, User = "github-actions[bot]",
                CreatedAt = now, UpdatedAt = now,
            };
            _comments.Add(comment);
            return Results.Json(CommentJson(comment), statusCode: 201);
        }
    }

    private async Task<IResult> EditCommentAsync(string owner, string repo, long id, HttpRequest request)
    {
        var repository = $"{owner}/{repo}";
        var body = (await ReadObjectAsync(request))?["body"]?.GetValue<string>();
        lock (_gate)
        {
            if (!_repositories.Contains(repository)) return NotFound();
            var index = _comments.FindIndex(c => Same(c.Repository, repository) && c.Id == id);
            if (index < 0) return NotFound();
            if (Denied("pull-requests", "issues=write; pull_requests=write") is { } denied) return denied;
            if (string.IsNullOrWhiteSpace(body)) return Invalid("IssueComment", "missing_field", "body");
            _comments[index] = _comments[index] with { Body = body, UpdatedAt = Time.GetUtcNow() };
            return Results.Json(CommentJson(_comments[index]));
        }
    }

    private WithHeader? Denied(string permission, string accepted) =>
        _deniedWrites.Contains(permission)
            ? new WithHeader(Results.Text(GitHubErrorBody.Of("Resource not accessible by integration", Docs), "application/json",
                statusCode: 403), "X-Accepted-GitHub-Permissions", accepted)
            : null;

    private static IResult NotFound() =>
        Results.Text(GitHubErrorBody.Of("Not Found", Docs), "application/json", statusCode: 404);

    private static IResult Invalid(string resource, string code, string field) =>
        Results.Text(GitHubErrorBody.Of("Validation Failed", Docs, [new { resource, code, field }]), "application/json", statusCode: 422);

    private static async Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(GitHubErrorBody.Of(message, Docs));
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Dictionary<string, object?> ReleaseJson(EmulatedRelease release)
    {
        var api = $"{BaseUrl}repos/{release.Repository}/releases/{release.Id}";
        return new Dictionary<string, object?>
        {
            ["id"] = release.Id,
            ["node_id"] = $"RE_{release.Id}",
            ["url"] = api,
            ["assets_url"] = $"{api}/assets",
            ["upload_url"] = $"{BaseUrl}uploads/repos/{release.Repository}/releases/{release.Id}/assets{{?name,label}}",
            ["html_url"] = $"{BaseUrl}{release.Repository}/releases/tag/{release.TagName}",
            ["tag_name"] = release.TagName,
            ["target_commitish"] = release.TargetCommitish ?? "main",
            ["name"] = release.Name,
            ["body"] = release.Body,
            ["draft"] = release.Draft,
            ["prerelease"] = release.Prerelease,
            ["created_at"] = release.CreatedAt,
            ["published_at"] = release.Draft ? null : release.CreatedAt,
            ["author"] = User("github-actions[bot]"),
            ["assets"] = AssetsOf(release.Id).Select(AssetJson).ToList(),
        };
    }

    private Dictionary<string, object?> CommentJson(EmulatedComment comment) => new Dictionary<string, object?>
    {
        ["id"] = comment.Id,
        ["node_id"] = $"IC_{comment.Id}",
        ["url"] = $"{BaseUrl}repos/{comment.Repository}/issues/comments/{comment.Id}",
        ["html_url"] = $"{BaseUrl}{comment.Repository}/pull/{comment.Issue}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{BaseUrl}repos/{comment.Repository}/issues/{comment.Issue}",
        ["body"] = comment.Body,
        ["user"] = User(comment.User),
        ["created_at"] = comment.CreatedAt,
        ["updated_at"] = comment.UpdatedAt,
        ["author_association"] = "NONE",
    };

    private static Dictionary<string, object> User(string login) =>
        new() { ["login"] = login, ["id"] = 41898282, ["type"] = "Bot" };

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>An answer plus one response header (GitHub names the permission an endpoint needs).</summary>
    private sealed class WithHeader(IResult inner, string name, string value) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers[name] = value;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
