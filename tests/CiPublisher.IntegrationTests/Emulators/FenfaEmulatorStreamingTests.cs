using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using CiPublisher.Emulators.Fenfa;
using CiPublisher.IntegrationTests.Harness;

namespace CiPublisher.IntegrationTests.Emulators;

[CollectionDefinition(nameof(AllocationSensitive), DisableParallelization = true)]
public sealed class AllocationSensitive;

/// <summary>
/// Uploads stream to disk: the emulator's allocations stay far below the file's size. Runs alone because the
/// allocation counter is process-wide.
/// </summary>
[Trait(InProcess.Trait, InProcess.Value)]
[Collection(nameof(AllocationSensitive))]
public sealed class FenfaEmulatorStreamingTests
{
    [Fact]
    public async Task A_large_upload_is_streamed_to_disk_not_buffered_in_memory()
    {
        const long size = 64L * 1024 * 1024;
        await using var fenfa = new FenfaEmulator();
        await fenfa.StartAsync();
        using var http = new HttpClient { BaseAddress = fenfa.BaseUrl };
        var product = fenfa.SeedProduct("Big");
        var variant = fenfa.SeedVariant(product.Id, "android");
        await using var file = new PatternStream(size);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(variant.Id), "variant_id" },
        };
        var part = new StreamContent(file, 64 * 1024);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "app_file", "big.apk");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("upload", UriKind.Relative)) { Content = form };
        request.Headers.Add("X-Auth-Token", "dev-upload-token");

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await http.SendAsync(request);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var release = fenfa.Releases.Single();
        release.SizeBytes.Should().Be(size);
        await using var again = new PatternStream(size);
        release.Sha256.Should().Be(Convert.ToHexStringLower(await SHA256.HashDataAsync(again)));
        new FileInfo(release.StoredPath).Length.Should().Be(size);
        allocated.Should().BeLessThan(size / 6, "client and emulator together must not hold the file in memory (allocated {0:N0} bytes)", allocated);
    }

    /// <summary>A deterministic, seekable-length body that starts with "PK" and is never held in memory.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[i] = at switch { 0 => (byte)'P', 1 => (byte)'K', _ => (byte)(at * 31 % 251) };
            }
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
