using CiPublisher.Core.Targets.AltStore.Package;
using CiPublisher.Emulators.Samples;

namespace CiPublisher.Tests.Targets.AltStore;

public sealed class AdpPackageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("adp-package-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<UnpackedAdp> UnpackAsync(byte[] zip)
    {
        var path = Path.Combine(_folder, "download.zip");
        await File.WriteAllBytesAsync(path, zip);
        return await AdpPackage.UnpackAsync(path, Path.Combine(_folder, "out"), CancellationToken.None);
    }

    private static byte[] ZipOf(params (string Name, byte[] Content)[] entries) => SampleArtifacts.Zip(entries);

    [Fact]
    public async Task ThePackage_IsReadFromItsManifest_AndItsFilesKeepTheirPaths()
    {
        var sample = SampleAdp.Build("org.example.lumen", "2.5.0", "431", "6741000000", minimumIos: "17.2", variants: 2, deltas: 1);

        var package = await UnpackAsync(sample.Zip);

        package.Manifest.BundleId.Should().Be("org.example.lumen");
        package.Manifest.AppleItemId.Should().Be("6741000000", "a numeric Apple ID is read as written");
        package.Manifest.ShortVersion.Should().Be("2.5.0");
        package.Manifest.BundleVersion.Should().Be("431");
        package.Manifest.MinimumIosVersion.Should().Be("17.2");
        package.Files.Select(f => f.RelativePath).Should().BeEquivalentTo(sample.Files.Keys);
        package.Files.Should().OnlyContain(f => File.ReadAllBytes(package.PathOf(f)).SequenceEqual(sample.Files[f.RelativePath]));
        package.VariantSize.Should().Be(sample.FirstVariantSize);
        package.LeftOut.Should().BeEmpty();
    }

    [Fact]
    public async Task APackageWrappedInOneFolder_IsFound_AndAddedFilesAreLeftOut()
    {
        var sample = SampleAdp.Build(wrappedInFolder: true, extraEntries: [("__MACOSX/._manifest.json", [1, 2, 3])]);

        var package = await UnpackAsync(sample.Zip);

        package.Files.Select(f => f.RelativePath).Should().BeEquivalentTo(sample.Files.Keys);
        package.LeftOut.Should().Equal("__MACOSX/._manifest.json");
        File.Exists(Path.Combine(_folder, "out", "__MACOSX", "._manifest.json")).Should().BeFalse("Apple's validator refuses added files");
    }

    [Fact]
    public async Task UnpackingAgain_KeepsFilesWithTheSameContent()
    {
        var sample = SampleAdp.Build();
        await UnpackAsync(sample.Zip);

        var again = await UnpackAsync(sample.Zip);

        again.Files.Should().OnlyContain(f => f.WasThere);
    }

    [Fact]
    public async Task AFileTheManifestNames_MustBeInTheDownload()
    {
        var sample = SampleAdp.Build();
        var variant = sample.Files.Keys.First(k => k.StartsWith("variant/", StringComparison.Ordinal));

        var act = () => UnpackAsync(ZipOf([.. sample.Files.Where(f => f.Key != variant).Select(f => (f.Key, f.Value))]));

        (await act.Should().ThrowAsync<AdpPackageException>()).WithMessage($"*lacks {variant}*");
    }

    [Theory]
    [InlineData("../outside.ipa")]
    [InlineData("/etc/outside.ipa")]
    [InlineData("variant/../../outside.ipa")]
    public async Task APathOutOfThePackage_IsRefused(string path)
    {
        var manifest = System.Text.Encoding.UTF8.GetBytes($$"""{"bundleId":"a","variants":[{"publicId":"x","assetPath":"{{path}}"}]}""");

        var act = () => UnpackAsync(ZipOf(("manifest.json", manifest), ("signature", [1])));

        (await act.Should().ThrowAsync<AdpPackageException>()).WithMessage("*not a path inside the package*");
        Directory.EnumerateFiles(_folder, "outside.ipa", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public async Task AVariantDamagedInTransit_IsRefused_NotHosted()
    {
        var sample = SampleAdp.Build();
        var variant = sample.Files.Keys.First(k => k.StartsWith("variant/", StringComparison.Ordinal));
        var zip = ZipOf([.. sample.Files.Select(f => (f.Key, f.Value))]);
        // Stored entries: the variant's bytes stand in the zip as they are; flip one in the middle of them.
        var at = zip.AsSpan().IndexOf(sample.Files[variant].AsSpan(0, 64)) + sample.Files[variant].Length / 2;
        zip[at] ^= 0xFF;

        var act = () => UnpackAsync(zip);

        (await act.Should().ThrowAsync<AdpPackageException>()).WithMessage($"*{variant}*damaged*");
    }

    [Fact]
    public async Task SomethingThatIsNotAZip_IsNamedAsSuch()
    {
        var act = () => UnpackAsync("<Error><Code>AccessDenied</Code></Error>"u8.ToArray());

        (await act.Should().ThrowAsync<AdpPackageException>()).WithMessage("*not a zip archive*");
    }

    [Fact]
    public async Task NoManifest_IsNotAnAdp()
    {
        var act = () => UnpackAsync(ZipOf(("Payload/Lumen.app/Info.plist", [1])));

        (await act.Should().ThrowAsync<AdpPackageException>()).WithMessage("*no manifest.json*");
    }
}
