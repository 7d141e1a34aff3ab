using System.Security.Cryptography;
using CiPublisher.Core.Artifacts;

namespace CiPublisher.Tests.Artifacts;

public sealed class ArtifactHasherTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData((1024 * 1024) + 17)]
    [InlineData(3 * 1024 * 1024)]
    public async Task ComputeSha256_MatchesAOneShotHash_AcrossBufferBoundaries(int size)
    {
        var content = new byte[size];
        new Random(size).NextBytes(content);
        var path = _temp.File("a.bin", content);

        var hash = await ArtifactHasher.ComputeSha256Async(path, CancellationToken.None);

        hash.Should().Be(Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant());
    }

    [Fact]
    public async Task ComputeSha256_KnownVector()
    {
        var path = _temp.File("abc.txt", "abc"u8.ToArray());

        (await ArtifactHasher.ComputeSha256Async(path, CancellationToken.None))
            .Should().Be("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Fact]
    public async Task ComputeSha256_HonoursCancellation()
    {
        var path = _temp.File("big.bin", new byte[2 * 1024 * 1024]);

        var act = () => ArtifactHasher.ComputeSha256Async(path, new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
