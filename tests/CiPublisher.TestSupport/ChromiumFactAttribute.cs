using Xunit;

namespace CiPublisher.TestSupport;

/// <summary>A fact that looks at a page as a browser renders it; skipped with the reason where Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Path is null) Skip = "Chromium is not installed here (apt-get install chromium; .ci/run does): the test renders the summary in it";
    }
}
