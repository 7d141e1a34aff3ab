using CiPublisher.Core.Artifacts;

namespace CiPublisher.Tests.Artifacts;

public class ArtifactArchitectureTests
{
    [Theory]
    [InlineData("Lumen-2.4.1-arm64.dmg", ".dmg", "arm64")]
    [InlineData("Lumen-2.4.1-x64.dmg", ".dmg", "x64")]
    [InlineData("Lumen-2.4.1.zip", ".zip", null)]
    [InlineData("lumen_2.4.1_amd64.deb", ".deb", "x64")]
    [InlineData("lumen-2.4.1.x86_64.rpm", ".rpm", "x64")]
    [InlineData("Lumen-2.4.1-aarch64.AppImage", ".appimage", "arm64")]
    [InlineData("Lumen Setup 2.4.1 ia32.exe", ".exe", "x86")]
    [InlineData("Lumen-2.4.1-universal.dmg", ".dmg", "universal")]
    [InlineData("lumen-linux-x64.tar.gz", ".tar.gz", "x64")]
    [InlineData("Lumen-x64-and-arm64.zip", ".zip", null)]
    [InlineData("Relax64.msi", ".msi", null)]
    public void DesktopArchitecture_IsAWordOfTheFileName(string fileName, string extension, string? expected) =>
        ArtifactArchitecture.OfFileName(fileName, extension).Should().Be(expected);

    [Fact]
    public void ApkArchitecture_IsTheOneAbiOfItsNativeCode()
    {
        ArtifactArchitecture.OfApk(["AndroidManifest.xml", "lib/arm64-v8a/libapp.so", "lib/arm64-v8a/libflutter.so"]).Should().Be("arm64-v8a");
        ArtifactArchitecture.OfApk(["AndroidManifest.xml", "lib/arm64-v8a/libapp.so", "lib/x86_64/libapp.so"]).Should().BeNull("a universal APK");
        ArtifactArchitecture.OfApk(["AndroidManifest.xml", "classes.dex"]).Should().BeNull("no native code");
        ArtifactArchitecture.OfApk(["lib/arm64-v8a/"]).Should().BeNull("a folder holds no code");
    }
}
