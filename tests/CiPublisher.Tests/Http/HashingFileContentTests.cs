using System.Security.Cryptography;
using CiPublisher.Core.Http;

namespace CiPublisher.Tests.Http;

public sealed class HashingFileContentTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hashing-{Guid.NewGuid():N}.bin");

    [Fact]
    public async Task SentBytesAndHash_AreTheFilesOwn_AcrossManyBuffers()
    {
        // Not a multiple of the buffer: the last chunk is short.
        var bytes = RandomNumberGenerator.GetBytes(3 * HashingFileContent.BufferSize + 12345);
        await File.WriteAllBytesAsync(_path, bytes);
        using var content = new HashingFileContent(_path, "app.bin", NoTransferProgress.Instance, TimeProvider.System);
        using var received = new MemoryStream();

        await content.CopyToAsync(received);

        content.Headers.ContentLength.Should().Be(bytes.Length, "a known length means no chunked encoding");
        received.ToArray().Should().Equal(bytes);
        content.BytesSent.Should().Be(bytes.Length);
        content.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task AConnectionLostMidBody_FailsTheSend_AndLeavesNoHash()
    {
        await File.WriteAllBytesAsync(_path, RandomNumberGenerator.GetBytes(4 * HashingFileContent.BufferSize));
        using var content = new HashingFileContent(_path, "app.bin", NoTransferProgress.Instance, TimeProvider.System);
        await using var connection = new BreaksAfterWrites(2);

        var send = () => content.CopyToAsync(connection);

        (await send.Should().ThrowAsync<HttpRequestException>()).WithInnerException<IOException>().WithMessage("connection reset");
        content.Sha256.Should().BeNull();
        content.BytesSent.Should().Be(2L * HashingFileContent.BufferSize);
    }

    public void Dispose() => File.Delete(_path);

    /// <summary>A connection that takes a few writes, then resets.</summary>
    private sealed class BreaksAfterWrites(int writes) : Stream
    {
        private int _left = writes;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            _left-- > 0 ? ValueTask.CompletedTask : ValueTask.FromException(new IOException("connection reset"));

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
