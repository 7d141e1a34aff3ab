using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>
/// Route matching the way Gin does it, which ASP.NET Core endpoint routing does not: paths are
/// case-sensitive, a known path with the wrong method is a plain-text 404 (no 405), and a path that only
/// differs by a trailing slash is redirected (301 for GET, 307 otherwise; Gin's RedirectTrailingSlash).
/// </summary>
internal sealed class GinRouter
{
    public delegate Task Handler(HttpContext context, IReadOnlyDictionary<string, string> parameters);

    private sealed record Route(string Method, string[] Segments, FenfaScope Scope, Handler Handler);

    private readonly List<Route> _routes = [];

    public void Map(string method, string pattern, FenfaScope scope, Handler handler) =>
        _routes.Add(new Route(method, Split(pattern), scope, handler));

    /// <summary>Finds the route for a request; literal segments win over parameters.</summary>
    public (FenfaScope Scope, Handler Handler, IReadOnlyDictionary<string, string> Parameters)? Find(string method, string path)
    {
        var segments = Split(path);
        var best = default((Route Route, Dictionary<string, string> Parameters, int Literals)?);
        foreach (var route in _routes)
        {
            if (!string.Equals(route.Method, method, StringComparison.Ordinal) || route.Segments.Length != segments.Length) continue;
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var literals = 0;
            var matched = true;
            for (var i = 0; i < segments.Length && matched; i++)
            {
                var expected = route.Segments[i];
                if (expected.StartsWith(':'))
                {
                    matched = segments[i].Length > 0;
                    parameters[expected[1..]] = segments[i];
                }
                else
                {
                    matched = string.Equals(expected, segments[i], StringComparison.Ordinal);
                    literals++;
                }
            }
            if (matched && (best is null || literals > best.Value.Literals)) best = (route, parameters, literals);
        }
        return best is { } found ? (found.Route.Scope, found.Route.Handler, found.Parameters) : null;
    }

    public async Task DispatchAsync(HttpContext context, Func<HttpContext, FenfaScope, Task<bool>> authorize)
    {
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        if (Find(method, path) is { } route)
        {
            if (!await authorize(context, route.Scope)) return;
            await route.Handler(context, route.Parameters);
            return;
        }

        if (path.Length > 1)
        {
            var other = path.EndsWith('/') ? path[..^1] : path + "/";
            if (Find(method, other) is not null)
            {
                context.Response.StatusCode = HttpMethods.IsGet(method) ? StatusCodes.Status301MovedPermanently : StatusCodes.Status307TemporaryRedirect;
                context.Response.Headers.Location = other + context.Request.QueryString.Value;
                return;
            }
        }

        await WriteNotFoundAsync(context);
    }

    /// <summary>Gin's default answer for an unknown route or a wrong method.</summary>
    public static Task WriteNotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync("404 page not found");
    }

    // Only the leading slash goes: "/a/b/" keeps an empty last segment, so it does not match "/a/b".
    private static string[] Split(string path) => (path.StartsWith('/') ? path[1..] : path).Split('/');
}
