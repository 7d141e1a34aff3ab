using CiPublisher.Core.Targets.Fenfa;

namespace CiPublisher.Tests.Targets.Fenfa;

public class FenfaReleaseCsvTests
{
    [Fact]
    public void Checksums_AreReadByColumnName_WithQuotedFieldsAndCrLf()
    {
        const string csv = "app_id,variant_id,release_id,version,build,created_at,size_bytes,sha256,download_count,channel\r\n"
                           + ",var_a,rel_1,\"2.4.1, \"\"beta\"\"\",418,2026-11-30 03:34:51,3076294,4C5D60AB,0,\r\n"
                           + ",var_a,rel_2,2.4.1,418,2026-11-30 03:34:52,98304,ffee,1,\"multi\nline\"\r\n";

        FenfaReleaseCsv.Checksums(csv).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["rel_1"] = "4c5d60ab",
            ["rel_2"] = "ffee",
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("app_id,variant_id,release_id,version,build,created_at,size_bytes,sha256,download_count,channel\n")]
    [InlineData("not,the,export\nx,y,z\n")]
    public void Checksums_OfAnEmptyOrForeignExport_AreNone(string csv) =>
        FenfaReleaseCsv.Checksums(csv).Should().BeEmpty();
}
