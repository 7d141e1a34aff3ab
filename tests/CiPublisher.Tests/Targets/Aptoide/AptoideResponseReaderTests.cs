using System.Net;
using System.Text;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Targets.Aptoide;
using Microsoft.Extensions.Logging.Abstractions;

namespace CiPublisher.Tests.Targets.Aptoide;

public class AptoideResponseReaderTests
{
    private readonly SecretRegistry _secrets = new();

    [Fact]
    public async Task Fail_WithErrorObjects_IsAReplyCarryingCodesAndMessages()
    {
        var reply = await ReadAsync(HttpStatusCode.OK,
            """{"status":"FAIL","errors":[{"code":"APK-5","msg":"send the file"},{"code":"MARG-101","msg":"no description"}]}""");

        reply.IsOk.Should().BeFalse();
        reply.HasError("APK-5").Should().BeTrue();
        reply.FirstCode.Should().Be("APK-5");
        reply.DescribeErrors().Should().Be("APK-5 send the file; MARG-101 no description");
    }

    [Fact]
    public async Task Fail_WithErrorStrings_IsAReplyWithMessagesAndNoCodes()
    {
        var reply = await ReadAsync(HttpStatusCode.OK, """{"status":"FAIL","errors":["Missing repo parameter"]}""");

        reply.Errors.Should().ContainSingle().Which.Should().Be(new AptoideError(null, "Missing repo parameter"));
        reply.HasError("APK-5").Should().BeFalse();
    }

    [Fact]
    public async Task Fail_WithAnHttpErrorStatus_IsStillReadAsAReply()
    {
        var reply = await ReadAsync(HttpStatusCode.BadRequest, """{"status":"FAIL","errors":[{"code":"APK-103","msg":"exists"}]}""");

        reply.HasError(AptoideErrorCodes.AlreadyInStore).Should().BeTrue();
    }

    [Theory]
    [InlineData("""{"status":"OK","info":{"url":"https://lumen.store.example/app"}}""")]
    [InlineData("""{"status":"OK","url":"https://lumen.store.example/app"}""")]
    public async Task Ok_FindsTheStoreUrlWhereverItLives(string body)
    {
        var reply = await ReadAsync(HttpStatusCode.OK, body);

        reply.IsOk.Should().BeTrue();
        reply.StoreUrl.Should().Be("https://lumen.store.example/app");
    }

    [Fact]
    public async Task TokenError_IsAnAuthenticationFailureQuotingErrorAndDescription()
    {
        var act = () => ReadAsync(HttpStatusCode.Unauthorized,
            """{"error":"invalid_token","error_description":"The access token provided has expired"}""");

        var thrown = (await act.Should().ThrowAsync<RemoteServiceException>()).Which;
        thrown.Kind.Should().Be(RemoteFailureKind.Authentication);
        thrown.Code.Should().Be("invalid_token");
        thrown.Message.Should().Contain("HTTP 401").And.Contain("The access token provided has expired");
    }

    [Fact]
    public async Task TokenAnswer_RegistersItsTokensAsSecretsAtOnce()
    {
        await ReadAsync(HttpStatusCode.OK, """{"access_token":"at-canary-123456","refresh_token":"rt-canary-654321"}""");

        _secrets.Redact("at-canary-123456 rt-canary-654321").Should().Be("*** ***");
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "text/html", "<html><body>Captive portal</body></html>", RemoteFailureKind.Server)]
    [InlineData(HttpStatusCode.OK, "application/xml", "<response><status>OK</status></response>", RemoteFailureKind.Server)]
    [InlineData(HttpStatusCode.Unauthorized, "text/html", "<html>401</html>", RemoteFailureKind.Authentication)]
    [InlineData(HttpStatusCode.BadGateway, "text/html", "<html>502 Bad Gateway</html>", RemoteFailureKind.Server)]
    public async Task BodyThatIsNotJson_NamesTheStatusAndContentType(HttpStatusCode status, string mediaType, string body, RemoteFailureKind kind)
    {
        var act = () => ReadAsync(status, body, mediaType);

        var thrown = (await act.Should().ThrowAsync<RemoteServiceException>()).Which;
        thrown.Kind.Should().Be(kind);
        thrown.StatusCode.Should().Be((int)status);
        thrown.Message.Should().Contain($"HTTP {(int)status}").And.Contain("not JSON").And.Contain(mediaType);
    }

    [Fact]
    public async Task Fail_WithA5xxStatus_IsAServerFailureSoTheCallerTreatsItAsAmbiguous()
    {
        var act = () => ReadAsync(HttpStatusCode.ServiceUnavailable, """{"status":"FAIL","errors":[{"code":"SYS-1","msg":"busy"}]}""");

        var thrown = (await act.Should().ThrowAsync<RemoteServiceException>()).Which;
        thrown.Kind.Should().Be(RemoteFailureKind.Server);
        thrown.Code.Should().Be("SYS-1");
    }

    [Fact]
    public async Task UnknownEnvelopeStatus_IsAnOffContractFailure_UnconfirmedValues()
    {
        var act = () => ReadAsync(HttpStatusCode.OK, """{"status":"QUEUED"}""");

        (await act.Should().ThrowAsync<RemoteServiceException>()).Which.Message.Should().Contain("QUEUED");
    }

    [Fact]
    public async Task EchoedSecrets_AreRedactedFromErrorMessages()
    {
        _secrets.Register("tok-canary-99887766");

        var reply = await ReadAsync(HttpStatusCode.OK, """{"status":"FAIL","errors":[{"code":"SYS-1","msg":"bad tok-canary-99887766"}]}""");

        reply.DescribeErrors().Should().Be("SYS-1 bad ***");
    }

    private async Task<AptoideReply> ReadAsync(HttpStatusCode status, string body, string mediaType = "application/json")
    {
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        return await new AptoideResponseReader(_secrets, NullLogger.Instance).ReadAsync(response, "uploadAppToRepo", CancellationToken.None);
    }
}
