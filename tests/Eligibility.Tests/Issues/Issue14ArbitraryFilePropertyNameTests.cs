using Eligibility.Data;
using Eligibility.Tests.TestAssets;

namespace Eligibility.Tests.Issues;

/// <summary>`--data /` read an arbitrary file and quoted a property name from it: only identifier-like names are quoted.</summary>
public class Issue14ArbitraryFilePropertyNameTests
{
    [Theory]
    [InlineData("Patient HIV+ on methadone since 2019")]
    [InlineData("<script>alert(1)</script>")]
    public void LoadDirectory_PropertyNameThatIsNotAnIdentifier_IsNotRepeated(string name)
    {
        var file = DataFiles.Minimal("ZZ");
        file[name] = 1;
        var directory = DataFiles.TempDirectory(("zz.json", DataFiles.Bytes(file)));

        var act = () => LawLibrary.LoadDirectory(directory);

        var problem = act.Should().Throw<LawDataException>().Which.Problems.Single().ToString();
        problem.Should().Contain("unknown property").And.NotContain(name);
    }

    [Fact]
    public void LoadDirectory_MisspelledSchemaProperty_IsNamedForTheEditor()
    {
        var file = DataFiles.Minimal("ZZ");
        file["lastVerifed"] = "2026-01-01";
        var directory = DataFiles.TempDirectory(("zz.json", DataFiles.Bytes(file)));

        var act = () => LawLibrary.LoadDirectory(directory);

        act.Should().Throw<LawDataException>().Which.Problems.Single().ToString().Should().Contain("'lastVerifed'");
    }
}
