namespace CiPublisher.Tests.Packaging;

/// <summary>
/// The three places users and CommandLineParser read the inputs from are generated from the declarations (each
/// module's <c>&lt;Name&gt;Inputs</c>, the general and CI systems' ones), so adding an input is one declaration and
/// <c>scripts/regenerate-inputs.sh</c>.
/// </summary>
public class GeneratedInputFilesTests
{
    [Fact]
    public void TheCommandLineOptions_AreGenerated() =>
        new GeneratedFile("src/CiPublisher/Cli/InputOptions.cs").ShouldBe(InputOptionsRenderer.Render());

    [Fact]
    public void TheActionsInputs_AreGenerated() =>
        new GeneratedFile("action.yml").RegionShouldBe("# Inputs: generated", "\noutputs:", ActionYmlInputsRenderer.Render());

    [Fact]
    public void TheReadmesInputsTables_AreGenerated() =>
        new GeneratedFile("README.md").RegionShouldBe("<!-- inputs:start", "<!-- inputs:end -->", ReadmeInputsRenderer.Render());
}
