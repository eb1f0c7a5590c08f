using System.Text.Json.Nodes;

namespace Eligibility.Cli.Tests;

/// <summary>
/// Issue 15, point 7: the README's way to add a jurisdiction ("Contributing law data") works as written: one new file
/// <c>data/states/&lt;code&gt;.json</c> beside the others, and no code change, is enough for every command to answer
/// for it, by code and by name. Run on a copy of the real data with one more file.
/// </summary>
public sealed class AddingAJurisdictionTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "eligibility-add-" + Guid.NewGuid().ToString("N"));

    public AddingAJurisdictionTests()
    {
        Directory.CreateDirectory(_data);
        foreach (var file in Directory.GetFiles(CliRunner.StatesDirectory(), "*.json"))
        {
            File.Copy(file, Path.Combine(_data, Path.GetFileName(file)));
        }

        // Step 2 of the README: start from a similar jurisdiction's file, then set the code (= the file name) and the name.
        var file2 = JsonNode.Parse(File.ReadAllText(Path.Combine(_data, "vt.json")))!;
        file2["code"] = "ZZ";
        file2["name"] = "Zedland";
        File.WriteAllText(Path.Combine(_data, "zz.json"), file2.ToJsonString());
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("zedland")]
    public void Check_NewJurisdictionFile_AnswersForItByCodeOrName(string state)
    {
        var result = CliRunner.Run("check", "--state", state, "--condition", "cancer", "--data", _data, "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Json.GetProperty("jurisdiction").GetString().Should().Be("ZZ");
        result.Json.GetProperty("jurisdictionName").GetString().Should().Be("Zedland");
    }

    [Fact]
    public void StatesAndScan_NewJurisdictionFile_IsListed()
    {
        var states = CliRunner.Run("states", "--data", _data, "--format", "json").Json;
        var scan = CliRunner.Run("scan", "--condition", "cancer", "--data", _data, "--format", "json").Json;

        states.GetArrayLength().Should().Be(57);
        states.EnumerateArray().Should().Contain(s => s.GetProperty("code").GetString() == "ZZ");
        scan.GetArrayLength().Should().Be(57);
    }

    [Fact]
    public void Check_NewFileWhoseCodeIsNotItsFileName_ExitCode2NamingTheFile()
    {
        File.Move(Path.Combine(_data, "zz.json"), Path.Combine(_data, "zy.json"));

        var result = CliRunner.Run("check", "--state", "ZZ", "--condition", "cancer", "--data", _data);

        result.ExitCode.Should().Be(CliApp.UsageError);
        result.Stderr.Should().Contain("zy.json");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
