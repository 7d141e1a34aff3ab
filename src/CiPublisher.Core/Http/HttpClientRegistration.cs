using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refit;

namespace CiPublisher.Core.Http;

public static class HttpClientRegistration
{
    /// <summary>The generated metadata for <typeparamref name="T"/> in <paramref name="context"/>; throws when the context lacks it.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(this JsonSerializerContext context) =>
        context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{context.GetType().Name} has no generated metadata for {typeof(T).Name}");

    /// <summary>For a service whose answers are read as JSON documents and that sends no JSON body: nothing by reflection.</summary>
    private static readonly JsonSerializerOptions NoShapes = new(JsonSerializerDefaults.Web) { TypeInfoResolver = JsonTypeInfoResolver.Combine() };

    /// <summary>
    /// Registers a Refit client for one service through IHttpClientFactory, behind the shared resilience
    /// handler. <paramref name="authHandler"/> runs inside the retry loop, so every attempt carries fresh credentials.
    /// </summary>
    /// <param name="json">The module's generated JSON metadata (its <c>&lt;Name&gt;JsonContext</c>): Native AOT serializes nothing by reflection.</param>
    public static IHttpClientBuilder AddServiceClient<TApi>(this IServiceCollection services, string service, Uri baseUrl,
        JsonSerializerContext? json, Func<IServiceProvider, DelegatingHandler>? authHandler = null)
        where TApi : class
    {
        var builder = services
            // Refit 16 builds requests with its source generator; the reflection builder is not shipped.
            .AddRefitGeneratedClient<TApi>(new RefitSettings { ContentSerializer = new SystemTextJsonContentSerializer(json?.Options ?? NoShapes) })
            .ConfigureHttpClient(client =>
            {
                client.BaseAddress = baseUrl;
                // Timeouts come from the resilience pipeline (API calls) and the stall watchdog (transfers).
                client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd($"CiPublisher/{typeof(HttpClientRegistration).Assembly.GetName().Version?.ToString(3)}");
            })
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddHttpMessageHandler(sp => new ResilienceHandler(service, sp.GetRequiredService<HttpSettings>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(service)))
            .AddHttpMessageHandler(sp => new CallCountingHandler(service, sp.GetRequiredService<CallMeter>()));
        if (authHandler is not null) builder.AddHttpMessageHandler(authHandler);
        return builder;
    }

    /// <summary>
    /// The last handler before the wire for every service: bodies framed with a Content-Length, HTTPS_PROXY/NO_PROXY
    /// honoured (the default proxy reads them), connections kept fresh.
    /// </summary>
    public static HttpMessageHandler CreatePrimaryHandler() => new ContentLengthHandler { InnerHandler = CreateSocketsHandler() };

    private static SocketsHttpHandler CreateSocketsHandler() => new()
    {
        AutomaticDecompression = DecompressionMethods.All,
        ConnectTimeout = TimeSpan.FromSeconds(30),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseProxy = true,
    };
}
