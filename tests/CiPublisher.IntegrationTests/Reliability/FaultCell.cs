using CiPublisher.Emulators.Hosting;

namespace CiPublisher.IntegrationTests.Reliability;

/// <summary>What a cell of the fault matrix must end in.</summary>
public enum Expected
{
    /// <summary>Retried (or checked and re-sent) and succeeded, with exactly one thing created.</summary>
    RetriedAndSucceeded,

    /// <summary>Failed with a clear message, nothing created, the faulted call not sent more than <see cref="FaultCell.MostSends"/> times.</summary>
    FailedClearly,
}

/// <summary>
/// One fault, applied <see cref="Times"/> times to a target's read or create call. <see cref="Says"/> is what the
/// failure message must contain (case-insensitive) so a user knows what happened.
/// </summary>
public sealed record FaultCell(string Name, bool OnCreate, Func<Call, Fault> Fault, Expected Expected, int Times = 1, string? Says = null, int MostSends = 1)
{
    /// <summary>Retries the matrix runs with: a failure that persists past them must fail the target.</summary>
    public const int Retries = 2;

    private const string Truncated = """{"data":[{"id":"1","attributes":{"na""";
    private const string Malformed = """{"data": [1, 2,, ], ok: yes}""";

    public static readonly IReadOnlyList<FaultCell> All =
    [
        new("500 then success", false, c => Status(c, 500), Expected.RetriedAndSucceeded),
        new("502 then success", false, c => Status(c, 502), Expected.RetriedAndSucceeded),
        new("503 then success", false, c => Status(c, 503), Expected.RetriedAndSucceeded),
        new("503 on the create, then success", true, c => Status(c, 503), Expected.RetriedAndSucceeded),
        new("429 with Retry-After", false, c => global::CiPublisher.Emulators.Hosting.Fault.RateLimited(c.Method, c.Path, 1).After(c.Skip), Expected.RetriedAndSucceeded),
        new("429 without Retry-After", false, c => global::CiPublisher.Emulators.Hosting.Fault.RateLimited(c.Method, c.Path, null).After(c.Skip), Expected.RetriedAndSucceeded),
        new("connection reset before the upload body", true, c => Drop(c, FaultKind.DropBeforeBody), Expected.RetriedAndSucceeded),
        new("connection reset during the upload body", true, c => Drop(c, FaultKind.DropDuringBody), Expected.RetriedAndSucceeded),
        new("connection reset after the upload body (it landed)", true, c => Drop(c, FaultKind.DropAfterHandler), Expected.RetriedAndSucceeded),
        new("answer slower than request-timeout", false, c => global::CiPublisher.Emulators.Hosting.Fault.Slow(c.Method, c.Path, TimeSpan.FromSeconds(6)).After(c.Skip), Expected.RetriedAndSucceeded),
        new("truncated JSON", false, c => Status(c, 200, Truncated), Expected.FailedClearly),
        new("malformed JSON", false, c => Status(c, 200, Malformed), Expected.FailedClearly),
        new("HTML error page that persists", false, c => global::CiPublisher.Emulators.Hosting.Fault.Html(c.Method, c.Path, 502), Expected.FailedClearly,
            Times: Retries + 1, Says: "502", MostSends: Retries + 1),
        new("401", false, c => Status(c, 401, """{"message":"Bad credentials"}"""), Expected.FailedClearly, Says: "401"),
        new("403", false, c => Status(c, 403, """{"message":"Forbidden"}"""), Expected.FailedClearly, Says: "403"),
    ];

    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });

    public static FaultCell Named(string name) => All.Single(c => c.Name == name);

    private static Fault Status(Call call, int status, string? body = "{}") =>
        global::CiPublisher.Emulators.Hosting.Fault.Status(call.Method, call.Path, status, body).After(call.Skip);

    private static Fault Drop(Call call, FaultKind kind) => global::CiPublisher.Emulators.Hosting.Fault.Drop(kind, call.Method, call.Path).After(call.Skip);
}
