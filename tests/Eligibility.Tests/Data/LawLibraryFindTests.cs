using Eligibility.Data;

namespace Eligibility.Tests.Data;

/// <summary>
/// Issue 15, point 4: a jurisdiction is found as people write it, by the library itself, so the CLI, the web sample
/// and every app get it; a mistyped one gets the closest suggestions.
/// </summary>
public class LawLibraryFindTests
{
    private static readonly LawLibrary Library = LawLibrary.LoadEmbedded();

    [Theory]
    [InlineData("NY", "NY")]
    [InlineData("ny", "NY")]
    [InlineData(" NY ", "NY")]
    [InlineData("N.Y.", "NY")]
    [InlineData("New York", "NY")]
    [InlineData("new york", "NY")]
    [InlineData("NEW  YORK", "NY")]
    [InlineData("State of New York", "NY")]
    [InlineData("Puerto Rico", "PR")]
    [InlineData("P.R.", "PR")]
    [InlineData("D.C.", "DC")]
    [InlineData("Washington, D.C.", "DC")]
    [InlineData("District of Columbia", "DC")]
    [InlineData("Washington", "WA")]
    [InlineData("West Virginia", "WV")]
    [InlineData("W. Va.", "WV")]
    [InlineData("Virginia", "VA")]
    [InlineData("U.S. Virgin Islands", "VI")]
    [InlineData("Virgin Islands", "VI")]
    [InlineData("Northern Mariana Islands", "MP")]
    [InlineData("Guam", "GU")]
    [InlineData("American Samoa", "AS")]
    [InlineData("Calif.", "CA")]
    [InlineData("Penn.", "PA")]
    [InlineData("Mass.", "MA")]
    [InlineData("Commonwealth of Massachusetts", "MA")]
    public void Find_CodeNameOrCommonForm_FindsTheJurisdiction(string text, string code)
    {
        Library.Find(text)!.Code.Should().Be(code);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("New")]
    [InlineData("York")]
    [InlineData("N.Y.C.")]
    public void Find_NoJurisdiction_Null(string text)
    {
        Library.Find(text).Should().BeNull();
    }

    [Fact]
    public void Find_HugeText_NullWithoutScanningIt()
    {
        Library.Find(new string('a', 1 << 20)).Should().BeNull();
        Library.Suggest(new string('a', 1 << 20)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("New Yrok", "NY")]
    [InlineData("Pensylvania", "PA")]
    [InlineData("Massachusets", "MA")]
    [InlineData("Porto Rico", "PR")]
    [InlineData("Tejas", "TX")]
    public void Suggest_Misspelling_ClosestFirst(string text, string code)
    {
        Library.Find(text).Should().BeNull();
        Library.Suggest(text).Select(j => j.Code).First().Should().Be(code);
    }

    [Fact]
    public void Suggest_StartOfAName_TheJurisdictionsItBegins()
    {
        Library.Suggest("North").Select(j => j.Code).Should().Contain(["NC", "ND"]);
    }

    [Fact]
    public void Suggest_NothingClose_Empty()
    {
        Library.Suggest("zzzzzzzzzz").Should().BeEmpty();
    }

    [Theory]
    [InlineData("New York")]
    [InlineData("puerto rico")]
    [InlineData("D.C.")]
    public void Evaluate_JurisdictionByName_Decides(string jurisdiction)
    {
        using var engine = EligibilityEngine.CreateDefault();

        engine.Evaluate(new EligibilityQuery { Jurisdiction = jurisdiction, Conditions = ["cancer"] }).Jurisdiction.Should().Be(Library.Find(jurisdiction)!.Code);
    }

    [Fact]
    public void Evaluate_MistypedJurisdiction_SuggestsWithoutRepeatingTheInput()
    {
        using var engine = EligibilityEngine.CreateDefault();

        var act = () => engine.Evaluate(new EligibilityQuery { Jurisdiction = "Nw Jersy", Conditions = ["cancer"] });

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("Did you mean NJ (New Jersey)?").And.NotContain("Nw Jersy");
    }
}
