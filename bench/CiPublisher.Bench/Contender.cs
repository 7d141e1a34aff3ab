namespace CiPublisher.Bench;

/// <summary>Where an upload goes: a server, the variant to upload to, and a token that may upload.</summary>
internal sealed record UploadTarget(Uri BaseUrl, string VariantId, string Token);

/// <summary>One way to upload a file, as a shell command; <c>build</c> is unique per run so nothing is skipped as a duplicate.</summary>
internal sealed record Contender(string Name, Func<string, long, UploadTarget, string> Command)
{
    public static Contender Curl { get; } = new("curl -F (no hash)", CurlUpload);

    public static Contender OpensslThenCurl { get; } = new("openssl dgst -sha256 && curl -F",
        (file, build, target) => $"openssl dgst -sha256 {Quote(file)} && {CurlUpload(file, build, target)}");

    /// <summary>The shipped program: <c>dotnet cipublisher.dll</c>, or an apphost/native binary.</summary>
    public static Contender CiPublisher(string name, string program) => new(name, (file, build, target) =>
        $"{Launch(program)} publish --artifacts {Quote(file)} --fenfa-url {target.BaseUrl} --fenfa-token {target.Token} " +
        $"--fenfa-variant-id {target.VariantId} --version 1.0.0 --build-number {build}");

    public static string Launch(string program) => program.EndsWith(".dll", StringComparison.Ordinal) ? $"dotnet {Quote(program)}" : Quote(program);

    private static string CurlUpload(string file, long build, UploadTarget target) =>
        $"curl -sS -f -o /dev/null -H 'X-Auth-Token: {target.Token}' -F variant_id={target.VariantId} -F version=1.0.0 " +
        $"-F build={build} -F 'app_file=@{file};filename={Path.GetFileName(file)}' {target.BaseUrl}upload";

    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
