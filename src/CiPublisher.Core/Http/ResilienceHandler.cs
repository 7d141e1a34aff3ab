using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CiPublisher.Core.Http;

/// <summary>
/// The one resilience design every HTTP client goes through: retries with jitter on transient failures
/// (connection errors, 408, 429 honouring Retry-After, 5xx) and a per-attempt timeout. Only idempotent
/// requests, or requests marked <see cref="RequestMarks.RetrySafe"/>, are ever sent twice.
/// </summary>
public sealed class ResilienceHandler : DelegatingHandler
{
    // Above this a server's Retry-After is not waited out in a CI job; the call fails with the reason.
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromMinutes(5);

    private readonly string _service;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public ResilienceHandler(string service, HttpSettings settings, TimeProvider time, ILogger logger)
    {
        _service = service;
        _logger = logger;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        // Polly refuses a retry strategy with no retries; retry-max-attempts 0 means none at all.
        if (settings.MaxRetries > 0) builder.AddRetry(RetryOptions(settings, time));
        _pipeline = builder
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(
                    args.Context.Properties.TryGetValue(IsTransferKey, out var transfer) && transfer
                        ? System.Threading.Timeout.InfiniteTimeSpan
                        : settings.AttemptTimeout),
            })
            .Build();
    }

    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("request");
    private static readonly ResiliencePropertyKey<bool> IsTransferKey = new("transfer");

    private RetryStrategyOptions<HttpResponseMessage> RetryOptions(HttpSettings settings, TimeProvider time) => new()
    {
        MaxRetryAttempts = settings.MaxRetries,
        Delay = settings.RetryBaseDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        MaxDelay = TimeSpan.FromMinutes(1),
        ShouldHandle = args =>
        {
            if (!args.Context.Properties.TryGetValue(RequestKey, out var request) || !RequestMarks.IsRetrySafe(request))
                return ValueTask.FromResult(false);
            if (args.Context.CancellationToken.IsCancellationRequested) return ValueTask.FromResult(false);
            return ValueTask.FromResult(args.Outcome switch
            {
                { Exception: { } e } => TransientFailure.IsTransient(e),
                { Result: { } r } => TransientFailure.IsTransient(r.StatusCode)
                                     && (RetryAfter.Of(r, time) is not { } wait || wait <= LongestRetryAfter),
                _ => false,
            });
        },
        DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } r ? RetryAfter.Of(r, time) : null),
        OnRetry = args =>
        {
            var what = args.Outcome.Exception is { } e ? e.GetType().Name : $"HTTP {(int)args.Outcome.Result!.StatusCode}";
            args.Context.Properties.TryGetValue(RequestKey, out var request);
            _logger.LogWarning("{Service}: {What} on {Method} {Path}; retry {Attempt} of {Max} in {Delay:0.#}s",
                _service, what, request?.Method, request?.RequestUri?.AbsolutePath, args.AttemptNumber + 1,
                settings.MaxRetries, args.RetryDelay.TotalSeconds);
            args.Outcome.Result?.Dispose();
            return ValueTask.CompletedTask;
        },
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        context.Properties.Set(IsTransferKey, RequestMarks.IsTransfer(request));
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Handler.SendOnceAsync(state.Request, ctx.CancellationToken),
                context, (Handler: this, Request: request));
        }
        catch (TimeoutRejectedException timeout)
        {
            throw new RemoteServiceException(_service, RemoteFailureKind.Transport,
                $"{_service} did not answer {request.Method} {request.RequestUri?.AbsolutePath} within {timeout.Timeout.TotalSeconds:0}s",
                inner: timeout);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
