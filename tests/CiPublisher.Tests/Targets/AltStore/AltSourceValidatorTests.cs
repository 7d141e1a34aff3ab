using System.Text.Json.Nodes;
using CiPublisher.Core.Targets.AltStore.Source;
using CiPublisher.Emulators.AltStore;

namespace CiPublisher.Tests.Targets.AltStore;

public class AltSourceValidatorTests
{
    private static IReadOnlyList<string> ValidateAfter(Action<JsonObject> change)
    {
        var source = JsonNode.Parse(SourceFixtures.Realistic)!.AsObject();
        change(source);
        return AltSourceValidator.Validate(source);
    }

    private static JsonObject Lumen(JsonObject source) => source["apps"]![0]!.AsObject();

    [Fact]
    public void Validate_RealisticSource_HasNoProblems() => ValidateAfter(_ => { }).Should().BeEmpty();

    [Fact]
    public void Validate_SameVersionAndBuildTwice_IsAProblem() =>
        ValidateAfter(s => Lumen(s)["versions"]!.AsArray().Add(Lumen(s)["versions"]![0]!.DeepClone()))
            .Should().ContainSingle(p => p.Contains("appears twice") && p.StartsWith("$.apps[0].versions[2]"));

    [Theory]
    [InlineData("2026-05-02 09:12")]
    [InlineData("2026-05-02T09:12:44")]
    [InlineData("02/05/2026")]
    public void Validate_DateWithoutZoneOrInAnotherForm_IsAProblem(string date) =>
        ValidateAfter(s => Lumen(s)["versions"]![0]!["date"] = date).Should().ContainSingle(p => p.Contains("versions[0].date"));

    [Fact]
    public void Validate_PalAppWithoutMarketplaceId_IsAProblem() =>
        ValidateAfter(s => Lumen(s).Remove("marketplaceID")).Should().ContainSingle(p => p.Contains("marketplaceID"));

    [Fact]
    public void Validate_VersionWithoutBuildVersion_IsAProblem() =>
        ValidateAfter(s => Lumen(s)["versions"]![1]!.AsObject().Remove("buildVersion")).Should().ContainSingle(p => p.Contains("buildVersion"));

    [Fact]
    public void Validate_DuplicateBundleIdentifier_IsAProblem() =>
        ValidateAfter(s => s["apps"]![1]!["bundleIdentifier"] = "org.example.lumen").Should().ContainSingle(p => p.Contains("appears twice in the source"));

    [Fact]
    public void Validate_PrivacyPermissionWithoutUsageDescription_IsAProblem() =>
        ValidateAfter(s => Lumen(s)["appPermissions"]!["privacy"]!["NSCameraUsageDescription"] = "").Should().ContainSingle(p => p.Contains("usage description"));

    [Fact]
    public void Validate_IpadScreenshotWithoutSize_IsAProblem() =>
        ValidateAfter(s => Lumen(s)["screenshots"]!["ipad"]!.AsArray().Add("https://apps.example.org/lumen/ipad2.png"))
            .Should().ContainSingle(p => p.Contains("ipad[1]"));

    [Fact]
    public void Validate_SizeThatIsNotAWholeNumber_IsAProblem() =>
        ValidateAfter(s => Lumen(s)["versions"]![0]!["size"] = "48 MB").Should().ContainSingle(p => p.Contains("size"));

    [Fact]
    public void Validate_NewsWithoutCaptionAndBadTint_AreProblems() =>
        ValidateAfter(s => { s["news"]![0]!.AsObject().Remove("caption"); s["tintColor"] = "blue"; })
            .Should().HaveCount(2);
}
