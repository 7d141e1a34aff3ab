namespace CiPublisher.Emulators.Samples;

/// <summary>Writes the sample IPA and APK to a folder, for the CI workflow that runs the action in dry-run on them.</summary>
public static class SampleWriter
{
    public static IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var ipa = Path.Combine(folder, "Lumen.ipa");
        var apk = Path.Combine(folder, "app-release.apk");
        File.WriteAllBytes(ipa, SampleArtifacts.Ipa());
        File.WriteAllBytes(apk, SampleArtifacts.Apk());
        return [ipa, apk];
    }
}
