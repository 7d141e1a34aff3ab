using System.Net;
using CiPublisher.Core.Http;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiPublisher.Tests.Http;

public class ResilienceHandlerTests
{
    [Fact]
    public async Task NoRetries_SendsOnce_AndReturnsTheFailure()
    {
        var server = new CountingHandler(HttpStatusCode.ServiceUnavailable);
        using var client = new HttpClient(new ResilienceHandler("svc", new HttpSettings { MaxRetries = 0 }, TimeProvider.System, NullLogger.Instance)
        {
            InnerHandler = server,
        });

        using var response = await client.GetAsync(new Uri("http://127.0.0.1/thing"));

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        server.Calls.Should().Be(1);
    }

    private sealed class CountingHandler(HttpStatusCode status) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new HttpResponseMessage(status));
        }
    }
}
