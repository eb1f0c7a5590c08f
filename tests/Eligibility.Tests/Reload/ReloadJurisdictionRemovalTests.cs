using Eligibility.Tests.TestAssets;

namespace Eligibility.Tests.Reload;

/// <summary>
/// Issue 14.8: deleting nj.json from a watched directory was taken as a valid reload (55 jurisdictions), and NJ queries
/// failed until the file came back. A reload that would lose a loaded jurisdiction now keeps the old law and says
/// why, unless <see cref="EligibilityOptions.AllowJurisdictionRemoval"/> is set.
/// </summary>
public sealed class ReloadJurisdictionRemovalTests : IDisposable
{
    private readonly string _dir = DataFiles.TempDirectory(
        ("zy.json", DataFiles.Bytes(DataFiles.Minimal("ZY"))),
        ("zz.json", DataFiles.Bytes(DataFiles.Minimal("ZZ"))));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Reload_DeletedJurisdictionFile_KeepsTheOldLawAndNamesTheJurisdiction()
    {
        using var engine = EligibilityEngine.Create(new EligibilityOptions { DataDirectory = _dir });
        var version = engine.DataVersion;

        File.Delete(Path.Combine(_dir, "zz.json"));
        var result = engine.Reload();

        result.Succeeded.Should().BeFalse();
        result.Problems.Should().ContainSingle().Which.Message.Should().StartWith("ZZ (").And.Contain("AllowJurisdictionRemoval");
        engine.DataVersion.Should().Be(version);
        engine.Jurisdictions.Select(j => j.Code).Should().Equal("ZY", "ZZ");
        engine.Evaluate(new EligibilityQuery { Jurisdiction = "ZZ", Conditions = ["cancer"] }).Jurisdiction.Should().Be("ZZ");
    }

    [Fact]
    public void Reload_DeletedFileRestored_ReloadsNormally()
    {
        using var engine = EligibilityEngine.Create(new EligibilityOptions { DataDirectory = _dir });
        var bytes = File.ReadAllBytes(Path.Combine(_dir, "zz.json"));
        File.Delete(Path.Combine(_dir, "zz.json"));
        engine.Reload().Succeeded.Should().BeFalse();

        File.WriteAllBytes(Path.Combine(_dir, "zz.json"), bytes);

        engine.Reload().Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Reload_RemovalAllowed_DropsTheJurisdiction()
    {
        using var engine = EligibilityEngine.Create(new EligibilityOptions { DataDirectory = _dir, AllowJurisdictionRemoval = true });

        File.Delete(Path.Combine(_dir, "zz.json"));
        var result = engine.Reload();

        result.Succeeded.Should().BeTrue();
        result.Changed.Should().BeTrue();
        engine.Jurisdictions.Select(j => j.Code).Should().Equal("ZY");
    }

    [Fact]
    public void Reload_NewJurisdictionAdded_Accepted()
    {
        using var engine = EligibilityEngine.Create(new EligibilityOptions { DataDirectory = _dir });

        File.WriteAllBytes(Path.Combine(_dir, "zx.json"), DataFiles.Bytes(DataFiles.Minimal("ZX")));

        engine.Reload().Succeeded.Should().BeTrue();
        engine.Jurisdictions.Should().HaveCount(3);
    }
}
