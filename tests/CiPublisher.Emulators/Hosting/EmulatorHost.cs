using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Emulators.Hosting;

/// <summary>
/// A Kestrel server on 127.0.0.1 with an ephemeral port, with a request journal and fault injection
/// in front of the routes an emulator maps.
/// </summary>
/// <param name="time">The emulator's clock (its timestamps, its rate-limit resets, its slow answers): the system's unless a
/// test on fake time gives its own.</param>
public abstract class EmulatorHost(TimeProvider? time = null) : IAsyncDisposable
{
    private WebApplication? _app;

    public FaultInjector Faults { get; } = new();
    public RequestJournal Journal { get; } = new();

    /// <summary>Raised as a request arrives, before its body is read: tests wait on it to act while a call is in flight.</summary>
    public event Action<string, string>? RequestArrived;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    /// <summary>The service's name in logs: "fenfa", "appstoreconnect".</summary>
    protected abstract string Name { get; }

    protected abstract void MapRoutes(WebApplication app);

    /// <summary>
    /// Whether a body sent without a Content-Length (chunked) is refused with 411, as some proxies and older
    /// servers do. An emulator of a server known to accept chunked bodies turns this off.
    /// </summary>
    protected virtual bool RequiresContentLength => true;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Limits.MaxRequestBodySize = null;
            options.Limits.MinRequestBodyDataRate = null;
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = long.MaxValue;
            o.ValueLengthLimit = int.MaxValue;
        });
        builder.Services.Configure<KestrelServerOptions>(o => o.AllowSynchronousIO = false);

        _app = builder.Build();
        _app.Use(JournalAndFaultsAsync);
        MapRoutes(_app);
        await _app.StartAsync(cancellationToken);

        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    private async Task JournalAndFaultsAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        RequestArrived?.Invoke(request.Method, request.Path.Value ?? "/");
        var fault = Faults.Take(request.Method, request.Path.Value ?? "/");
        try
        {
            if (RequiresContentLength && IsChunked(request)) await RefuseChunkedAsync(context);
            else await ApplyAsync(fault, context, next);
        }
        finally
        {
            Journal.Add(new JournalEntry(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "",
                context.Response.HasStarted || fault is null ? context.Response.StatusCode : null, headers));
        }
    }

    public static bool IsChunked(HttpRequest request) =>
        request.ContentLength is null && request.Headers.TransferEncoding.Count > 0;

    private static async Task RefuseChunkedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status411LengthRequired;
        context.Response.ContentType = "text/plain";
        await context.Response.WriteAsync("411 Length Required");
    }

    private async Task ApplyAsync(Fault? fault, HttpContext context, RequestDelegate next)
    {
        switch (fault?.Kind)
        {
            case null:
                await next(context);
                return;
            case FaultKind.Status:
                context.Response.StatusCode = fault.StatusCode;
                foreach (var (name, value) in fault.Headers) context.Response.Headers[name] = value;
                if (fault.Body is not null)
                {
                    context.Response.ContentType = fault.ContentType;
                    await context.Response.WriteAsync(fault.Body);
                }
                return;
            case FaultKind.DropBeforeBody:
                context.Abort();
                return;
            case FaultKind.DropDuringBody:
                await ReadSomeOfBodyAsync(context);
                context.Abort();
                return;
            case FaultKind.DropAfterHandler:
                // The handler's effects land (a release is stored), but the client never hears the answer.
                context.Response.Body = new MemoryStream();
                await next(context);
                context.Abort();
                return;
            case FaultKind.Delay:
                await Task.Delay(fault.Delay, Time, context.RequestAborted);
                await next(context);
                return;
            case FaultKind.HoldThenDrop:
                await Task.Delay(fault.Delay, Time, context.RequestAborted);
                context.Abort();
                return;
        }
    }

    private static async Task ReadSomeOfBodyAsync(HttpContext context)
    {
        var buffer = new byte[64 * 1024];
        var wanted = Math.Max(1, (context.Request.ContentLength ?? buffer.Length * 4) / 2);
        long read = 0;
        while (read < wanted)
        {
            var n = await context.Request.Body.ReadAsync(buffer);
            if (n == 0) break;
            read += n;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
        await DisposeCoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a derived emulator owns (temp directories), after the server has stopped.</summary>
    protected virtual ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
