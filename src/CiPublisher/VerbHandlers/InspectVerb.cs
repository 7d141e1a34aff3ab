using CiPublisher.Ci;
using CiPublisher.Cli;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.VerbHandlers;

/// <summary><c>inspect</c>: each artifact's metadata and SHA-256 as JSON; no network.</summary>
public sealed class InspectVerb(ICiPlatform platform, SecretRegistry secrets, TextWriter stdout, TextWriter stderr)
{
    public async Task<int> RunAsync(RunSettings settings, string artifactsInput, CancellationToken cancellation)
    {
        try
        {
            var artifacts = ArtifactLoader.Load(settings);
            var hashed = new List<ArtifactInfo>();
            foreach (var artifact in artifacts.Items)
                hashed.Add(artifact with { Sha256 = await ArtifactHasher.ComputeSha256Async(artifact.Path, cancellation) });
            stdout.WriteLine(ReportJson.Serialize(hashed));
            return ExitCodes.Success;
        }
        catch (Exception e) when (ArtifactProblems.Are(e))
        {
            stderr.WriteLine(platform.FormatLogLine(LogLevel.Error, secrets.Redact($"{artifactsInput}: {e.Message}")));
            return ExitCodes.InvalidInput;
        }
    }
}
