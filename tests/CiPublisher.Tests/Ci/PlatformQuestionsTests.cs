using CiPublisher.Ci;

namespace CiPublisher.Tests.Ci;

/// <summary>Each adapter answers the CI questions in its platform's own words: is this a pull request, is debug on.</summary>
public class PlatformQuestionsTests
{
    private static ICiPlatform Detect(Dictionary<string, string> environment) =>
        PlatformDetector.Detect(environment, TextWriter.Null, interactive: false, Path.GetTempPath());

    public static TheoryData<Dictionary<string, string>, bool, int?> PullRequests => new()
    {
        { new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_NAME"] = "pull_request_target", ["GITHUB_REF"] = "refs/pull/42/merge" }, true, 42 },
        { new() { ["GITHUB_ACTIONS"] = "true", ["GITHUB_EVENT_NAME"] = "push", ["GITHUB_REF"] = "refs/tags/v1.0" }, false, null },
        { new() { ["TF_BUILD"] = "True", ["BUILD_REASON"] = "PullRequest", ["SYSTEM_PULLREQUEST_PULLREQUESTNUMBER"] = "7", ["BUILD_SOURCEBRANCH"] = "refs/pull/7/merge" }, true, 7 },
        { new() { ["TF_BUILD"] = "True", ["BUILD_REASON"] = "IndividualCI", ["BUILD_SOURCEBRANCH"] = "refs/heads/main" }, false, null },
        { new() { ["GITLAB_CI"] = "true", ["CI_PIPELINE_SOURCE"] = "external_pull_request_event", ["CI_EXTERNAL_PULL_REQUEST_IID"] = "19", ["CI_COMMIT_REF_NAME"] = "feature" }, true, 19 },
        { new() { ["GITLAB_CI"] = "true", ["CI_PIPELINE_SOURCE"] = "push", ["CI_COMMIT_BRANCH"] = "main", ["CI_COMMIT_REF_NAME"] = "main" }, false, null },
        { new(), false, null },
    };

    [Theory]
    [MemberData(nameof(PullRequests))]
    public void PullRequestRuns_AreRecognized_OnEveryPlatform(Dictionary<string, string> environment, bool isPullRequest, int? number)
    {
        var context = Detect(environment).ReadContext();

        context.IsPullRequest.Should().Be(isPullRequest);
        context.PullRequestNumber.Should().Be(number);
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", "true", "RUNNER_DEBUG", "1")]
    [InlineData("TF_BUILD", "True", "SYSTEM_DEBUG", "true")]
    [InlineData("GITLAB_CI", "true", "CI_DEBUG_TRACE", "true")]
    [InlineData("CI", "", "CIPUBLISHER_DEBUG", "1")]
    public void DebugLogging_FollowsEachPlatformsOwnSwitch(string platform, string platformValue, string debug, string debugValue)
    {
        var environment = new Dictionary<string, string> { [platform] = platformValue };
        Detect(environment).IsDebug.Should().BeFalse();

        environment[debug] = debugValue;
        Detect(environment).IsDebug.Should().BeTrue();
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", false)]
    [InlineData("TF_BUILD", false)]
    [InlineData("GITLAB_CI", false)]
    [InlineData("NONE", true)]
    public void ASecretIsShownOnce_OnlyOutsideCi(string platform, bool mayShow) =>
        Detect(new Dictionary<string, string> { [platform] = "true" }).MayShowSecretOnce.Should().Be(mayShow);
}
