using System.Net;
using System.Net.Http.Json;
using CiPublisher.Core.Http;

namespace CiPublisher.Tests.Http;

public class ContentLengthHandlerTests
{
    [Fact]
    public async Task SerializedJson_GoesOutWithItsLength_AndTheSameBytes()
    {
        var wire = new RecordingWire();
        using var client = new HttpClient(new ContentLengthHandler { InnerHandler = wire });

        using var _ = await client.PostAsync(new Uri("http://127.0.0.1/apps"), JsonContent.Create(new { name = "Nightly" }));

        wire.ContentLength.Should().Be(18);
        wire.Body.Should().Be("""{"name":"Nightly"}""");
    }

    [Fact]
    public async Task ATransfer_IsNeverBuffered()
    {
        var wire = new RecordingWire { ReadBody = false };
        var file = new NonSeekableStream();
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri("http://127.0.0.1/upload")) { Content = new StreamContent(file) };
        request.Options.Set(RequestMarks.Transfer, true);
        using var client = new HttpClient(new ContentLengthHandler { InnerHandler = wire });

        using var _ = await client.SendAsync(request);

        wire.ContentLength.Should().BeNull();
        file.Reads.Should().Be(0, "the handler must leave a transfer's stream to the wire");
    }

    private sealed class RecordingWire : HttpMessageHandler
    {
        public bool ReadBody { get; init; } = true;
        public long? ContentLength { get; private set; }
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ContentLength = request.Content?.Headers.ContentLength;
            if (ReadBody && request.Content is not null) Body = await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }

    private sealed class NonSeekableStream : Stream
    {
        public int Reads { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { Reads++; return 0; }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
