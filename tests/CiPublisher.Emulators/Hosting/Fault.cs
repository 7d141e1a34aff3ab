namespace CiPublisher.Emulators.Hosting;

public enum FaultKind
{
    /// <summary>Answer with a status (and optional body and headers) without running the handler.</summary>
    Status,

    /// <summary>Close the connection before reading the request body.</summary>
    DropBeforeBody,

    /// <summary>Read part of the request body, then close the connection.</summary>
    DropDuringBody,

    /// <summary>Run the handler (its effects land), then close the connection instead of answering.</summary>
    DropAfterHandler,

    /// <summary>Wait before running the handler (a slow answer).</summary>
    Delay,

    /// <summary>Hold the request, then close the connection without running the handler (an answer that never comes).</summary>
    HoldThenDrop,
}

/// <summary>One injected fault, used once for the first request that matches it.</summary>
public sealed record Fault
{
    public required FaultKind Kind { get; init; }
    public required string Method { get; init; }

    /// <summary>Matched against the request path: exact, or a prefix when it ends with '*'.</summary>
    public required string Path { get; init; }

    public int StatusCode { get; init; } = 503;
    public string? Body { get; init; }
    public string ContentType { get; init; } = "application/json";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public TimeSpan Delay { get; init; }

    /// <summary>How many matching requests pass untouched before this fault strikes (to reach the second upload, say).</summary>
    public int Skip { get; init; }

    /// <summary>This fault, striking only after <paramref name="count"/> matching requests have passed.</summary>
    public Fault After(int count) => this with { Skip = count };

    public bool Matches(string method, string path) =>
        string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)
        && (Path.EndsWith('*')
            ? path.StartsWith(Path[..^1], StringComparison.Ordinal)
            : string.Equals(Path, path, StringComparison.Ordinal));

    public static Fault Status(string method, string path, int status, string? body = null,
        string contentType = "application/json", IReadOnlyDictionary<string, string>? headers = null) =>
        new()
        {
            Kind = FaultKind.Status, Method = method, Path = path, StatusCode = status, Body = body,
            ContentType = contentType, Headers = headers ?? new Dictionary<string, string>(),
        };

    public static Fault RateLimited(string method, string path, int? retryAfterSeconds, string? body = null) =>
        Status(method, path, 429, body, headers: retryAfterSeconds is { } s
            ? new Dictionary<string, string> { ["Retry-After"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : null);

    /// <summary>
    /// An HTML error page as a reverse proxy in front of the service writes it (nginx's 413, 502, 504 pages),
    /// for clients that must cope with a non-JSON error body.
    /// </summary>
    public static Fault Html(string method, string path, int status, string? reason = null)
    {
        var title = $"{status} {reason ?? ReasonPhrase(status)}";
        var body = $"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n<center><h1>{title}</h1></center>\r\n"
                   + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return Status(method, path, status, body, "text/html");
    }

    private static string ReasonPhrase(int status) => status switch
    {
        413 => "Request Entity Too Large",
        502 => "Bad Gateway",
        503 => "Service Temporarily Unavailable",
        504 => "Gateway Time-out",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };

    public static Fault Drop(FaultKind kind, string method, string path) => new() { Kind = kind, Method = method, Path = path };

    public static Fault Slow(string method, string path, TimeSpan delay) =>
        new() { Kind = FaultKind.Delay, Method = method, Path = path, Delay = delay };

    /// <summary>No answer: the request is held for <paramref name="holdFor"/>, then dropped, and nothing of it lands.</summary>
    public static Fault Unanswered(string method, string path, TimeSpan holdFor) =>
        new() { Kind = FaultKind.HoldThenDrop, Method = method, Path = path, Delay = holdFor };
}
