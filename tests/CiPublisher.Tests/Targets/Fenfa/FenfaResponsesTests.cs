using System.Net;
using System.Text;
using CiPublisher.Core.Http;
using CiPublisher.Core.Targets.Fenfa;

namespace CiPublisher.Tests.Targets.Fenfa;

public class FenfaResponsesTests
{
    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string type = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, type) };

    [Fact]
    public async Task Envelope_Success_GivesItsData()
    {
        var list = await FenfaResponses.ReadAsync<FenfaProductList>(
            Answer(HttpStatusCode.OK, """{"ok":true,"data":{"total":1,"items":[{"id":"prd_1","slug":"lumen","name":"Lumen","published":true}]}}"""),
            "listing", CancellationToken.None);

        list.Items.Should().ContainSingle().Which.Slug.Should().Be("lumen");
    }

    [Fact]
    public async Task Envelope_Error_QuotesFenfasCodeAndMessage()
    {
        var act = () => FenfaResponses.ReadAsync<FenfaProductList>(
            Answer(HttpStatusCode.Forbidden, """{"ok":false,"error":{"code":"FORBIDDEN","message":"invalid token"}}"""), "listing products", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<RemoteServiceException>()).Which;
        error.Kind.Should().Be(RemoteFailureKind.Permission);
        error.Code.Should().Be("FORBIDDEN");
        error.Message.Should().Be("listing products failed: HTTP 403 FORBIDDEN: invalid token");
    }

    [Fact]
    public async Task GinPlainText404_IsReportedWithTheHttpStatusAndTheText()
    {
        var act = () => FenfaResponses.ReadAsync<FenfaProductList>(Answer(HttpStatusCode.NotFound, "404 page not found", "text/plain"), "listing", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<RemoteServiceException>()).Which;
        error.Kind.Should().Be(RemoteFailureKind.NotFound);
        error.Message.Should().Contain("HTTP 404").And.Contain("not JSON").And.Contain("404 page not found");
    }

    [Fact]
    public async Task ProxyHtmlPage_IsRecognised()
    {
        var act = () => FenfaResponses.ReadAsync<FenfaProductList>(
            Answer(HttpStatusCode.BadGateway, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"), "uploading a.ipa", CancellationToken.None);

        var error = (await act.Should().ThrowAsync<RemoteServiceException>()).Which;
        error.Kind.Should().Be(RemoteFailureKind.Server);
        error.Message.Should().Contain("HTTP 502").And.Contain("HTML page");
    }

    [Fact]
    public async Task SuccessStatus_WithAFailureEnvelope_IsAFailure()
    {
        var act = () => FenfaResponses.ReadAsync<FenfaProductList>(
            Answer(HttpStatusCode.OK, """{"ok":false,"error":{"code":"SETTINGS_NOT_FOUND"}}"""), "reading", CancellationToken.None);

        (await act.Should().ThrowAsync<RemoteServiceException>()).Which.Code.Should().Be("SETTINGS_NOT_FOUND");
    }

    [Fact]
    public async Task TruncatedJson_IsAProtocolFailureNotACrash()
    {
        var act = () => FenfaResponses.ReadAsync<FenfaProductList>(Answer(HttpStatusCode.OK, """{"ok":true,"data":{"items":[{"id":"""), "listing", CancellationToken.None);

        (await act.Should().ThrowAsync<RemoteServiceException>()).Which.Message.Should().Contain("HTTP 200");
    }

    [Fact]
    public async Task DataOfTheWrongShape_IsAProtocolFailure()
    {
        var act = () => FenfaResponses.ReadAsync<FenfaProductList>(Answer(HttpStatusCode.OK, """{"ok":true,"data":{"items":"nope"}}"""), "listing", CancellationToken.None);

        (await act.Should().ThrowAsync<RemoteServiceException>()).Which.Message.Should().Contain("unexpected shape");
    }
}
