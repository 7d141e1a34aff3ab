using System.Text;
using System.Text.RegularExpressions;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Ci;

/// <summary>
/// GitLab CI: outputs in a dotenv report file the pipeline declares (<c>artifacts:reports:dotenv</c>), the
/// summary printed in a collapsed log section and kept as a Markdown file, collapsible sections for groups.
/// Detected by <c>GITLAB_CI=true</c>.
/// </summary>
public sealed partial class GitLabPlatform(IReadOnlyDictionary<string, string> environment, TextWriter stdout, string currentDirectory, string dotenvFile,
    TimeProvider time) : ICiPlatform
{
    private const string Escape = "\u001b";
    private readonly object _gate = new();
    private readonly Stack<string> _openSections = new();
    private int _sectionCount;

    public string Name => "GitLab CI";

    public bool IsInteractive => false;

    /// <summary>The CI_DEBUG_TRACE variable set to true.</summary>
    public bool MayShowSecretOnce => false;

    public bool IsDebug => string.Equals(environment.GetValueOrDefault("CI_DEBUG_TRACE"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the job runs: CI_PROJECT_DIR, the folder the pipeline's <c>artifacts:</c> paths are relative to.</summary>
    private string ProjectDirectory => environment.GetValueOrDefault("CI_PROJECT_DIR") is { Length: > 0 } dir ? dir : currentDirectory;

    public string DotenvPath => Path.GetFullPath(dotenvFile, ProjectDirectory);

    public string SummaryPath => environment.GetValueOrDefault("CIPUBLISHER_SUMMARY_FILE") is { Length: > 0 } path
        ? Path.GetFullPath(path, ProjectDirectory)
        : Path.Combine(ProjectDirectory, "cipublisher-summary.md");

    // GitLab masks only variables flagged "masked" in the project settings, on the server; a job has no
    // command to mask a value it computes. The program never prints a secret (it redacts everything it
    // writes), which is the only protection there is here.
    public void Mask(string value) { }

    /// <summary>Appends to the dotenv report; a value the format cannot hold is left out with a warning saying why.</summary>
    public void SetOutput(string name, string value)
    {
        lock (_gate)
        {
            var existing = File.Exists(DotenvPath) ? new FileInfo(DotenvPath).Length : 0;
            var (line, problem) = GitLabDotenv.Line(name, value, existing);
            if (line is null)
            {
                Write(FormatLogLine(LogLevel.Warning,
                    $"Output '{name}' is left out of the dotenv report {dotenvFile}: {problem}. The run's details are in {Path.GetFileName(SummaryPath)} and this log."));
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(DotenvPath)!);
            File.AppendAllText(DotenvPath, line, new UTF8Encoding(false));
        }
    }

    /// <summary>
    /// The file keeps the Markdown as written; the log, which shows no images or HTML, gets a QR code's link instead of
    /// its image tag.
    /// </summary>
    public void AppendSummary(string markdown)
    {
        File.AppendAllText(SummaryPath, markdown, new UTF8Encoding(false));
        BeginGroup("Summary", collapsed: false);
        Write(ImageTag().Replace(markdown.TrimEnd('\n'), match => $"QR code: {match.Groups["src"].Value}"));
        EndGroup();
    }

    [GeneratedRegex(@"!\[QR code\]\((?<src>[^)\s]+)\)")]
    private static partial Regex ImageTag();

    /// <summary>GitLab has no error command: errors and warnings are coloured lines; the exit code fails the job.</summary>
    public string FormatLogLine(LogLevel level, string message) => level switch
    {
        LogLevel.Error or LogLevel.Critical => $"{Escape}[31;1mERROR: {message}{Escape}[0m",
        LogLevel.Warning => $"{Escape}[33;1mWARNING: {message}{Escape}[0m",
        _ => message,
    };

    public void BeginGroup(string title) => BeginGroup(title, collapsed: true);

    private void BeginGroup(string title, bool collapsed)
    {
        lock (_gate)
        {
            var name = $"cipublisher_{++_sectionCount}";
            _openSections.Push(name);
            var options = collapsed ? "[collapsed=true]" : "";
            Write($"{Escape}[0Ksection_start:{time.GetUtcNow().ToUnixTimeSeconds()}:{name}{options}\r{Escape}[0K{OneLine(title)}");
        }
    }

    public void EndGroup()
    {
        lock (_gate)
        {
            if (!_openSections.TryPop(out var name)) return;
            Write($"{Escape}[0Ksection_end:{time.GetUtcNow().ToUnixTimeSeconds()}:{name}\r{Escape}[0K");
        }
    }

    public RunContext ReadContext()
    {
        string? Get(string name) => environment.GetValueOrDefault(name) is { Length: > 0 } v ? v : null;
        // CI_COMMIT_TAG and CI_COMMIT_BRANCH are absent (not empty) outside tag and branch pipelines.
        var tag = Get("CI_COMMIT_TAG");
        var branch = Get("CI_COMMIT_BRANCH");
        var mergeRequest = Get("CI_MERGE_REQUEST_IID");
        return new RunContext
        {
            Platform = "gitlab",
            Repository = Get("CI_PROJECT_PATH"),
            Ref = tag is not null ? $"refs/tags/{tag}"
                : branch is not null ? $"refs/heads/{branch}"
                : mergeRequest is not null ? $"refs/merge-requests/{mergeRequest}/head"
                : Get("CI_COMMIT_REF_NAME"),
            RefName = tag ?? branch ?? Get("CI_COMMIT_REF_NAME"),
            IsTag = tag is not null,
            Sha = Get("CI_COMMIT_SHA"),
            EventName = Get("CI_PIPELINE_SOURCE"),
            IsPullRequest = Get("CI_PIPELINE_SOURCE") is "merge_request_event" or "external_pull_request_event",
            RunUrl = Get("CI_JOB_URL") ?? Get("CI_PIPELINE_URL"),
            // A GitHub repository's pull request, in GitLab's "CI/CD for external repositories", else the merge request.
            PullRequestNumber = int.TryParse(Get("CI_EXTERNAL_PULL_REQUEST_IID"), out var external) ? external
                : int.TryParse(mergeRequest, out var iid) ? iid : null,
        };
    }

    private static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    private void Write(string text)
    {
        lock (_gate)
        {
            stdout.WriteLine(text);
            stdout.Flush();
        }
    }
}
