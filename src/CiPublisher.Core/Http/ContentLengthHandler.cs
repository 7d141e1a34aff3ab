namespace CiPublisher.Core.Http;

/// <summary>
/// Gives every API request body a Content-Length. Serialized JSON (Refit's <c>JsonContent</c>) does not know its
/// length and would go out chunked, which some proxies and older servers refuse with 411. API bodies are small, so
/// they are buffered; transfers are never buffered: their content computes its own length from the file.
/// </summary>
public sealed class ContentLengthHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content && content.Headers.ContentLength is null && !RequestMarks.IsTransfer(request))
            await content.LoadIntoBufferAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
