using System.Security.Cryptography;
using System.Text.Json;
using CiPublisher.Core;
using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets;
using CiPublisher.Core.Targets.Aptoide;
using CiPublisher.Emulators.Aptoide;
using CiPublisher.Emulators.Hosting;
using CiPublisher.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.IntegrationTests.Aptoide;

[Trait(InProcess.Trait, InProcess.Value)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Disposed by IAsyncLifetime.DisposeAsync")]
public sealed class AptoideTargetTests : IAsyncLifetime
{
    private const string Repo = "examplelabs";
    private const string Username = "ci@examplelabs.test";
    private const string Password = "pw-APTOIDE-canary-5519";
    private const string Token = "tok-APTOIDE-canary-7731";
    private const string UploadPath = "/webservices/3/uploadAppToRepo";

    private readonly DelayAwareClock _clock = new(new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly AptoideEmulator _emulator;
    private readonly string _folder = Directory.CreateTempSubdirectory("cipublisher-aptoide-test-").FullName;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly RecordingProgress _progress = new();
    private readonly SecretRegistry _secrets = new();

    public AptoideTargetTests() => _emulator = new AptoideEmulator(_clock);

    public async Task InitializeAsync()
    {
        await _emulator.StartAsync();
        _emulator.AddAccount(Username, Password, Repo);
        _emulator.AddToken(Token, Username);
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task FirstUpload_AsksByChecksum_ThenSendsTheFileOnceWithTheListing()
    {
        var apk = Apk("lumen-1.2.0.apk");

        var result = await RunAsync(WithToken(), apk);

        result.Outcome.Should().Be(Outcome.Succeeded);
        result.Outputs[AptoideTarget.StatusOutput].Should().Be("uploaded");
        _emulator.ChecksumQuestionCount.Should().Be(1);
        _emulator.FileUploadCount.Should().Be(1);
        var stored = _emulator.Uploads.Should().ContainSingle().Subject;
        stored.Repo.Should().Be(Repo);
        stored.FileName.Should().Be("lumen-1.2.0.apk");
        stored.ContentType.Should().Be("application/vnd.android.package-archive");
        stored.Md5.Should().Be(Md5Of(apk)).And.Be(result.Items[0].Facts["md5"]);
        stored.SizeBytes.Should().Be(apk.SizeBytes);
        stored.Fields.Should().Contain(new Dictionary<string, string>
        {
            ["mode"] = "json", ["category"] = "16", ["rating"] = "3", ["description"] = "A reading lamp.", ["only_user_repo"] = "true",
        });
        stored.Fields.Should().NotContainKey("apk_md5sum");
        result.Items[0].Links["page"].Should().Be("https://examplelabs.store.aptoide.com/app/lumen-1.2.0");
        _progress.Completed.Should().ContainSingle().Which.Should().Be(("lumen-1.2.0.apk", apk.SizeBytes));
        result.Figures["bytes-sent"].Should().Be(apk.SizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SecondRun_OfTheSameApk_SendsNoFileAndReportsExisting()
    {
        var apk = Apk();
        (await RunAsync(WithToken(), apk)).Outputs[AptoideTarget.StatusOutput].Should().Be("uploaded");

        var again = await RunAsync(WithToken(), apk);

        again.Outcome.Should().Be(Outcome.AlreadyDone);
        again.IsSuccess.Should().BeTrue();
        again.Outputs[AptoideTarget.StatusOutput].Should().Be("existing");
        again.Figures["bytes-sent"].Should().Be("0");
        _emulator.FileUploadCount.Should().Be(1);
        _emulator.ChecksumQuestionCount.Should().Be(2);
        _emulator.Uploads.Should().ContainSingle();
    }

    [Fact]
    public async Task ChecksumKnownBeforeTheRun_IsExistingWithoutAnyFileSent()
    {
        var apk = Apk();
        _emulator.SeedKnownChecksum(Repo, Md5Of(apk));

        var result = await RunAsync(WithToken(), apk);

        result.Outputs[AptoideTarget.StatusOutput].Should().Be("existing");
        _emulator.FileUploadCount.Should().Be(0);
        _emulator.Uploads.Should().BeEmpty();
    }

    [Fact]
    public async Task PasswordFlow_ObtainsATokenOnce_AndUploadsWithIt()
    {
        var result = await RunAsync(WithPassword(), Apk("one.apk"), Apk("two.apk"));

        result.Outputs[AptoideTarget.StatusOutput].Should().Be("uploaded");
        _emulator.TokenRequestCount.Should().Be(1);
        _emulator.Uploads.Select(u => u.FileName).Should().Equal("one.apk", "two.apk");
        var issued = _emulator.IssuedAccessTokens.Should().ContainSingle().Subject;
        _secrets.Redact($"token {issued}").Should().Be("token ***");
    }

    [Fact]
    public async Task WrongPassword_FailsWithAptoidesErrorAndSendsNothing()
    {
        var result = await RunAsync(WithPassword() with { Password = "pw-APTOIDE-wrong-0042" }, Apk());

        result.Outcome.Should().Be(Outcome.Failed);
        result.Outputs[AptoideTarget.StatusOutput].Should().Be("failed");
        result.Reason.Should().Contain("invalid_grant").And.Contain("Invalid username and password combination");
        _emulator.Journal.CountOf("POST", UploadPath).Should().Be(0);
    }

    [Fact]
    public async Task ExpiredToken_WithAPassword_IsReplacedOnceAndTheUploadGoesThrough()
    {
        _emulator.ExpireTokens();

        var result = await RunAsync(WithPassword() with { Token = Token }, Apk());

        result.Outputs[AptoideTarget.StatusOutput].Should().Be("uploaded");
        _emulator.TokenRequestCount.Should().Be(1);
        _emulator.Uploads.Should().ContainSingle();
    }

    [Fact]
    public async Task ExpiredToken_WithoutAPassword_FailsQuotingAptoide()
    {
        _emulator.ExpireTokens();

        var result = await RunAsync(WithToken(), Apk());

        result.Outputs[AptoideTarget.StatusOutput].Should().Be("failed");
        result.Reason.Should().Contain("The access token provided has expired");
        _emulator.TokenRequestCount.Should().Be(0);
    }

    [Fact]
    public async Task FailAnswer_IsAFailureQuotingAptoidesCodeAndMessage()
    {
        _emulator.RequireListing = true;

        var result = await RunAsync(WithToken() with { Listing = WithToken().Listing with { Category = null } }, Apk());

        result.Outcome.Should().Be(Outcome.Failed);
        result.Outputs[AptoideTarget.StatusOutput].Should().Be("failed");
        result.Items[0].Reason.Should().Contain("MARG-102").And.Contain("Missing category parameter");
        _emulator.Uploads.Should().BeEmpty();
    }

    [Fact]
    public async Task FailAnswer_WithErrorsAsStrings_QuotesTheMessage()
    {
        _emulator.ErrorsAsStrings = true;

        var result = await RunAsync(WithToken() with { Repo = "someone-elses-store" }, Apk());

        result.Outputs[AptoideTarget.StatusOutput].Should().Be("failed");
        result.Reason.Should().Contain("The store someone-elses-store does not belong to this user");
    }

    [Theory]
    [InlineData(200, "text/html", "<html><head><title>Sign in to the Wi-Fi</title></head></html>")]
    [InlineData(200, "application/xml", "<?xml version=\"1.0\"?><response><status>FAIL</status></response>")]
    [InlineData(404, "text/html", "<html><body>Not Found</body></html>")]
    public async Task BodyThatIsNotJson_FailsNamingTheHttpStatus(int status, string contentType, string body)
    {
        _emulator.Faults.Add(Fault.Status("POST", UploadPath, status, body, contentType));

        var result = await RunAsync(WithToken(), Apk());

        result.Outputs[AptoideTarget.StatusOutput].Should().Be("failed");
        result.Reason.Should().Contain($"HTTP {status}").And.Contain("not JSON").And.Contain(contentType);
        _emulator.FileUploadCount.Should().Be(0);
    }

    [Fact]
    public async Task FileUploadWhoseAnswerIsLost_IsCheckedByChecksumAndNotSentAgain()
    {
        AfterTheChecksumQuestion(Fault.Drop(FaultKind.DropAfterHandler, "POST", UploadPath));

        var result = await RunAsync(WithToken(), Apk());

        result.Outcome.Should().Be(Outcome.Succeeded);
        result.Outputs[AptoideTarget.StatusOutput].Should().Be("uploaded");
        _emulator.Uploads.Should().ContainSingle();
        _emulator.FileUploadCount.Should().Be(1);
        _emulator.ChecksumQuestionCount.Should().Be(2);
    }

    [Fact]
    public async Task FileUploadDroppedMidBody_IsCheckedByChecksumThenSentAgainOnce()
    {
        AfterTheChecksumQuestion(Fault.Drop(FaultKind.DropDuringBody, "POST", UploadPath));

        var result = await RunAsync(WithToken(), Apk(size: 2_000_000));

        result.Outputs[AptoideTarget.StatusOutput].Should().Be("uploaded");
        _emulator.Uploads.Should().ContainSingle();
        _emulator.ChecksumQuestionCount.Should().Be(2);
        _emulator.Journal.CountOf("POST", UploadPath).Should().Be(4);
    }

    [Fact]
    public async Task FileUpload_Answered503_IsCheckedByChecksumBeforeBeingSentAgain()
    {
        AfterTheChecksumQuestion(Fault.Status("POST", UploadPath, 503));

        var result = await RunAsync(WithToken(), Apk());

        result.Outputs[AptoideTarget.StatusOutput].Should().Be("uploaded");
        _emulator.ChecksumQuestionCount.Should().Be(2);
        _emulator.Uploads.Should().ContainSingle();
    }

    [Fact]
    public async Task FileUploadWithoutAnAnswerInTime_IsStoppedByTheWatchdog_CheckedAndSentAgain()
    {
        AfterTheChecksumQuestion(Fault.Unanswered("POST", UploadPath, TimeSpan.FromMinutes(5)));
        var patience = new HttpSettings
        {
            MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = TimeSpan.FromSeconds(1), StallTimeout = TimeSpan.FromSeconds(1),
        };

        var result = await RunAsync(WithToken(), [Apk()], dryRun: false, patience);

        result.Outputs[AptoideTarget.StatusOutput].Should().Be("uploaded");
        _emulator.ChecksumQuestionCount.Should().Be(2);
        _emulator.Uploads.Should().ContainSingle();
        _logs.Lines.Should().Contain(line => line.Contains("no answer within 1s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transient503_OnTheChecksumQuestion_IsRetried()
    {
        _emulator.Faults.Add(Fault.Status("POST", UploadPath, 503, """{"status":"FAIL","errors":[{"code":"SYS-1","msg":"busy"}]}"""));

        var result = await RunAsync(WithToken(), Apk());

        result.Outputs[AptoideTarget.StatusOutput].Should().Be("uploaded");
        _emulator.Journal.Entries.Select(e => e.StatusCode).Should().Contain(503);
        _emulator.ChecksumQuestionCount.Should().Be(1);
        _emulator.Uploads.Should().ContainSingle();
    }

    [Fact]
    public async Task NonApkArtifacts_AreSkippedWithAReason_WhileTheApkIsUploaded()
    {
        var result = await RunAsync(WithToken(), Apk(), Other("lumen.ipa", ArtifactPlatform.Ios), Other("lumen.aab", ArtifactPlatform.Android));

        result.Outcome.Should().Be(Outcome.Succeeded);
        result.Items.Where(i => i.Outcome == Outcome.Skipped).Select(i => i.Name).Should().BeEquivalentTo("lumen.ipa", "lumen.aab");
        result.Items.Single(i => i.Name == "lumen.aab").Reason.Should().Contain("not an APK");
        _emulator.Uploads.Should().ContainSingle();
    }

    [Fact]
    public async Task NoApkAtAll_IsSkippedNotFailed_AndCallsNothing()
    {
        var result = await RunAsync(WithToken(), Other("lumen.ipa", ArtifactPlatform.Ios));

        result.Outcome.Should().Be(Outcome.Skipped);
        result.IsSuccess.Should().BeTrue();
        result.Outputs[AptoideTarget.StatusOutput].Should().Be("skipped");
        result.Reason.Should().Contain("no APK");
        _emulator.Journal.Count.Should().Be(0);
    }

    [Fact]
    public async Task DryRun_PlansWithoutCalling()
    {
        var result = await RunAsync(WithToken(), [Apk()], dryRun: true);

        result.Outputs[AptoideTarget.StatusOutput].Should().Be("skipped");
        result.Reason.Should().Contain("dry run");
        _emulator.Journal.Count.Should().Be(0);
    }

    [Fact]
    public async Task Secrets_AppearInNoResultAndNoLog()
    {
        AfterTheChecksumQuestion(Fault.Drop(FaultKind.DropAfterHandler, "POST", UploadPath));
        var lostAnswer = await RunAsync(WithPassword(), Apk("first.apk"));
        // Aptoide echoing secrets in an error is the worst case: they must still come out masked.
        var echo = $"internal error for {Token} {Password} {_emulator.IssuedAccessTokens.Single()}";
        _emulator.Faults.Add(Fault.Status("POST", UploadPath, 200,
            JsonSerializer.Serialize(new { status = "FAIL", errors = new[] { new { code = "SYS-1", msg = echo } } })));
        var echoed = await RunAsync(WithPassword() with { Token = Token }, Apk("second.apk"));
        var wrongPassword = await RunAsync(WithPassword() with { Password = Password + "-x" }, Apk("third.apk"));
        _emulator.ExpireTokens();
        var expired = await RunAsync(WithToken(), Apk("fourth.apk"));

        lostAnswer.Outputs[AptoideTarget.StatusOutput].Should().Be("uploaded");
        echoed.Reason.Should().Contain("SYS-1").And.Contain(SecretRegistry.Mask);
        wrongPassword.Outputs[AptoideTarget.StatusOutput].Should().Be("failed");
        expired.Outputs[AptoideTarget.StatusOutput].Should().Be("failed");
        _emulator.IssuedAccessTokens.Should().ContainSingle("the first run logged in; the second used aptoide-token");
        var everything = string.Join('\n', _logs.Lines.Concat(new[] { lostAnswer, echoed, wrongPassword, expired }.Select(Serialized)));
        everything.Should().Contain("first.apk", "the logs and results were captured");
        foreach (var secret in _emulator.IssuedAccessTokens.Append(Token).Append(Password))
        {
            everything.Should().NotContain(secret);
        }
    }

    private void AfterTheChecksumQuestion(Fault fault)
    {
        // Faults apply to the first matching request; a zero delay lets the checksum question through untouched,
        // so the fault hits the file upload that follows it.
        _emulator.Faults.Add(Fault.Slow("POST", UploadPath, TimeSpan.Zero));
        _emulator.Faults.Add(fault);
    }

    private AptoideSettings WithToken() => new()
    {
        Repo = Repo, Token = Token, ApiUrl = _emulator.ApiUrl, Listing = new AptoideListing(16, 3, "A reading lamp."),
    };

    private AptoideSettings WithPassword() => WithToken() with { Token = null, Username = Username, Password = Password };

    private Task<TargetResult> RunAsync(AptoideSettings aptoide, params ArtifactInfo[] artifacts) => RunAsync(aptoide, artifacts, dryRun: false);

    private async Task<TargetResult> RunAsync(AptoideSettings aptoide, ArtifactInfo[] artifacts, bool dryRun, HttpSettings? http = null)
    {
        var settings = new RunSettings
        {
            Command = "publish",
            WorkingDirectory = _folder,
            DryRun = dryRun,
            Modules = [aptoide],
            Http = http ?? new HttpSettings { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) },
        };
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace))
            .AddCiPublisherCore(settings, _secrets, _clock, _progress)
            .AddModule(new AptoideModule(), settings);
        await using var provider = services.BuildServiceProvider();
        var target = provider.GetServices<IPublishTarget>().Should().ContainSingle().Subject;
        return await _clock.RunUntilDoneAsync(target.RunAsync(new ArtifactSet(artifacts), CancellationToken.None));
    }

    private ArtifactInfo Apk(string fileName = "lumen.apk", int size = 300_000)
    {
        var path = Path.Combine(_folder, fileName);
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(size));
        return new ArtifactInfo
        {
            Path = path, FileName = fileName, Extension = ".apk", Platform = ArtifactPlatform.Android, SizeBytes = size,
            Identifier = "com.examplelabs.lumen", Version = "1.2.0", Build = "42",
        };
    }

    private ArtifactInfo Other(string fileName, ArtifactPlatform platform)
    {
        var path = Path.Combine(_folder, fileName);
        File.WriteAllBytes(path, [1, 2, 3]);
        return new ArtifactInfo
        {
            Path = path, FileName = fileName, Extension = Path.GetExtension(fileName), Platform = platform, SizeBytes = 3,
        };
    }

#pragma warning disable CA5351 // Aptoide identifies files by MD5; the test checks the same checksum.
    private static string Md5Of(ArtifactInfo artifact) => Convert.ToHexStringLower(MD5.HashData(File.ReadAllBytes(artifact.Path)));
#pragma warning restore CA5351

    private static string Serialized(TargetResult result) => JsonSerializer.Serialize(result);
}
