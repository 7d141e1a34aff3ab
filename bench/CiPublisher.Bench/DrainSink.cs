using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Bench;

/// <summary>
/// A Kestrel sink on loopback that speaks just enough of Fenfa's upload route for an upload token to
/// work (preflight, a refused release listing, the upload) and throws the body away unparsed, so the
/// figures isolate the client: no multipart parser, no disk on the server side.
/// </summary>
internal sealed class DrainSink : IAsyncDisposable
{
    // A form without a file part is a few hundred bytes; anything this big carries one.
    private const long EmptyFormLimit = 4096;

    private WebApplication? _app;

    private int _chunkedBodies;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Uploads with a file that came with chunked transfer encoding instead of a Content-Length.</summary>
    public int ChunkedBodies => Volatile.Read(ref _chunkedBodies);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = null;
            o.Limits.MinRequestBodyDataRate = null;
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/upload", UploadAsync);
        _app.MapGet("/admin/api/variants/{id}/stats", (HttpContext c) => WriteAsync(c, 403,
            """{"ok":false,"error":{"code":"FORBIDDEN","message":"admin token required"}}"""));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address + "/");
    }

    private async Task UploadAsync(HttpContext context)
    {
        var buffer = new byte[1024 * 1024];
        long received = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0) received += read;
        if (received >= EmptyFormLimit && context.Request.ContentLength is null) Interlocked.Increment(ref _chunkedBodies);
        if (received < EmptyFormLimit)
            await WriteAsync(context, 400, """{"ok":false,"error":{"code":"BAD_REQUEST","message":"missing variant_id"}}""");
        else
            await WriteAsync(context, 200, """{"ok":true,"data":{"release":{"id":"rel_sink","version":"1.0.0","build":1},"urls":{}}}""");
    }

    private static Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
