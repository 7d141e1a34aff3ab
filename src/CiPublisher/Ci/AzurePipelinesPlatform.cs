using System.Text;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Ci;

/// <summary>
/// Azure Pipelines: everything through <c>##vso[...]</c> logging commands on stdout. Outputs are output
/// variables (the step needs a <c>name:</c>), the summary a Markdown file the agent uploads, errors and
/// warnings issues on the run. Detected by <c>TF_BUILD=True</c>.
/// </summary>
public sealed class AzurePipelinesPlatform(IReadOnlyDictionary<string, string> environment, TextWriter stdout, string currentDirectory) : ICiPlatform
{
    private readonly object _gate = new();
    private readonly List<string> _masked = [];

    public string Name => "Azure Pipelines";

    public bool IsInteractive => false;

    /// <summary>"Enable system diagnostics", or the variable system.debug: true.</summary>
    public bool MayShowSecretOnce => false;

    public bool IsDebug => string.Equals(environment.GetValueOrDefault("SYSTEM_DEBUG"), "true", StringComparison.OrdinalIgnoreCase);

    public void Mask(string value)
    {
        lock (_gate)
        {
            _masked.Add(value);
            Write($"##vso[task.setsecret]{AzureLoggingCommandEscaping.Message(value)}");
        }
    }

    /// <summary>
    /// <c>release-id</c> becomes the output variable <c>release_id</c>: Azure variable names take letters,
    /// digits, <c>.</c> and <c>_</c>. A value holding a masked secret (the program redacts them, so this is a
    /// second line of defence) is set as a secret variable, which the agent never prints.
    /// </summary>
    public void SetOutput(string name, string value)
    {
        bool secret;
        lock (_gate) secret = _masked.Any(m => value.Contains(m, StringComparison.Ordinal));
        var properties = $"variable={AzureLoggingCommandEscaping.Property(VariableName(name))};isoutput=true{(secret ? ";issecret=true" : "")}";
        Write($"##vso[task.setvariable {properties}]{AzureLoggingCommandEscaping.Message(value)}");
    }

    public static string VariableName(string outputName) => outputName.Replace('-', '_');

    /// <summary>
    /// Writes the Markdown to its own file under the agent's temp folder (the command takes an absolute path
    /// that must still exist when the agent reads it) and asks the agent to upload it.
    /// </summary>
    public void AppendSummary(string markdown)
    {
        var folder = environment.GetValueOrDefault("AGENT_TEMPDIRECTORY") is { Length: > 0 } temp ? temp : currentDirectory;
        var path = Path.GetFullPath(Path.Combine(folder, $"cipublisher-summary-{Guid.NewGuid():N}.md"), currentDirectory);
        File.WriteAllText(path, markdown, new UTF8Encoding(false));
        Write($"##vso[task.uploadsummary]{AzureLoggingCommandEscaping.Message(path)}");
    }

    public string FormatLogLine(LogLevel level, string message) => level switch
    {
        LogLevel.Error or LogLevel.Critical => $"##vso[task.logissue type=error]{AzureLoggingCommandEscaping.Message(message)}",
        LogLevel.Warning => $"##vso[task.logissue type=warning]{AzureLoggingCommandEscaping.Message(message)}",
        LogLevel.Debug or LogLevel.Trace => $"##[debug]{OneLine(message)}",
        _ => message,
    };

    public void BeginGroup(string title) => Write($"##[group]{OneLine(title)}");

    public void EndGroup() => Write("##[endgroup]");

    public RunContext ReadContext()
    {
        string? Get(string name) => environment.GetValueOrDefault(name) is { Length: > 0 } v ? v : null;
        var sourceBranch = Get("BUILD_SOURCEBRANCH");
        var collection = Get("SYSTEM_TEAMFOUNDATIONCOLLECTIONURI");
        var project = Get("SYSTEM_TEAMPROJECT");
        var buildId = Get("BUILD_BUILDID");
        return new RunContext
        {
            Platform = "azure",
            Repository = Get("BUILD_REPOSITORY_NAME"),
            Ref = sourceBranch,
            // BUILD_SOURCEBRANCHNAME keeps only the last path segment (feature/tools → tools), so derive the name.
            RefName = ShortName(sourceBranch),
            IsTag = sourceBranch?.StartsWith("refs/tags/", StringComparison.Ordinal) ?? false,
            Sha = Get("BUILD_SOURCEVERSION"),
            EventName = Get("BUILD_REASON"),
            IsPullRequest = Get("BUILD_REASON") == "PullRequest",
            // Composed from documented variables; the URL pattern itself is not documented as stable.
            RunUrl = collection is not null && project is not null && buildId is not null
                ? $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_build/results?buildId={buildId}"
                : null,
            PullRequestNumber = PullRequestNumber(Get("SYSTEM_PULLREQUEST_PULLREQUESTNUMBER"), Get("SYSTEM_PULLREQUEST_PULLREQUESTID"), sourceBranch),
        };
    }

    private static string? ShortName(string? gitRef) => gitRef switch
    {
        null => null,
        _ when gitRef.StartsWith("refs/heads/", StringComparison.Ordinal) => gitRef["refs/heads/".Length..],
        _ when gitRef.StartsWith("refs/tags/", StringComparison.Ordinal) => gitRef["refs/tags/".Length..],
        _ when gitRef.StartsWith("refs/", StringComparison.Ordinal) => gitRef["refs/".Length..],
        _ => gitRef,
    };

    /// <summary>
    /// For a GitHub-hosted repository the PR number is in PULLREQUESTNUMBER (PULLREQUESTID is Azure's own
    /// id); for Azure Repos only PULLREQUESTID exists and it is the number users see.
    /// </summary>
    private static int? PullRequestNumber(string? number, string? id, string? gitRef)
    {
        if (int.TryParse(number, out var fromNumber)) return fromNumber;
        if (int.TryParse(id, out var fromId)) return fromId;
        var parts = gitRef?.Split('/');
        return parts is ["refs", "pull", var n, ..] && int.TryParse(n, out var fromRef) ? fromRef : null;
    }

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    private void Write(string line)
    {
        lock (_gate)
        {
            stdout.WriteLine(line);
            stdout.Flush();
        }
    }
}
