using CiPublisher.Core.Targets.Fenfa;

namespace CiPublisher.Tests.Targets.Fenfa;

public class FenfaAuthHandlerTests
{
    private sealed class Echo : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage { RequestMessage = request });
    }

    [Fact]
    public async Task ARetriedRequest_CarriesTheTokenOnce()
    {
        using var invoker = new HttpMessageInvoker(new FenfaAuthHandler("admin-token-1234") { InnerHandler = new Echo() });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/admin/api/products");

        await invoker.SendAsync(request, CancellationToken.None);
        await invoker.SendAsync(request, CancellationToken.None); // what a retry does: the same message again

        request.Headers.GetValues("X-Auth-Token").Should().Equal("admin-token-1234");
    }
}
