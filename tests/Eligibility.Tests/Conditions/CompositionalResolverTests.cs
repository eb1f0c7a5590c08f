namespace Eligibility.Tests.Conditions;

/// <summary>
/// Issue 13: what people actually type. Each mechanism is covered by cases written for it (substance with a use or
/// withdrawal word, other substances, context, durations, medications, shorthand, Spanish), not by the examples.
/// </summary>
public sealed class CompositionalResolverTests
{
    private static readonly FakeClock Clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private static readonly ConditionResolver Resolver = new(ConditionCatalog.Default, Clock);

    [Theory]
    [InlineData("hooked on roxies")]
    [InlineData("dependent on norcos")]
    [InlineData("I've been misusing my hydrocodone")]
    [InlineData("relapsed on fent last week")]
    [InlineData("bad pain pill habit")]
    [InlineData("struggling with a dilaudid addiction")]
    [InlineData("clean from opiates for a year")]
    [InlineData("snorting oxys daily")]
    [InlineData("smoking fentanyl every day")]
    [InlineData("my morphine problem")]
    [InlineData("adicto a la morfina")]
    [InlineData("dependencia de la oxicodona")]
    public void Resolve_OpioidWithUseWord_IsOpioidUseDisorder(string input)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().Be("opioid-use-disorder", input);
    }

    [Theory]
    [InlineData("withdrawing from norco")]
    [InlineData("detoxing off fent")]
    [InlineData("tapering my oxycodone")]
    [InlineData("getting off methadone")]
    [InlineData("COWS score of 14")]
    [InlineData("sick without my percs")]
    [InlineData("kicking fentanyl")]
    [InlineData("abstinencia de la metadona")]
    public void Resolve_OpioidWithWithdrawalWord_IsOpioidWithdrawal(string input)
    {
        Resolver.Resolve(input).ConditionId.Should().Be("opioid-withdrawal", input);
    }

    [Theory]
    [InlineData("addicted to xanax", "substance-use-disorder")]
    [InlineData("meth habit", "substance-use-disorder")]
    [InlineData("hooked on crack", "substance-use-disorder")]
    [InlineData("detoxing from alcohol", "alcohol-use-disorder")]
    [InlineData("weed addiction", null)]
    [InlineData("kratom withdrawal", null)]
    [InlineData("hooked on kratom", null)]
    [InlineData("nicotine withdrawal", null)]
    [InlineData("addicted to vaping", null)]
    public void Resolve_OtherSubstance_NeverOpioid(string input, string? expected)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().Be(expected, input);
    }

    [Theory]
    [InlineData("denies IV heroin use")]
    [InlineData("no history of pill addiction")]
    [InlineData("my son is hooked on fentanyl")]
    [InlineData("husband is withdrawing from oxycodone")]
    [InlineData("never been addicted to painkillers")]
    [InlineData("my sister's chronic pain")]
    [InlineData("no back pain for 3 years")]
    public void Resolve_SomeoneElsesOrNegated_NeverMaps(string input)
    {
        Resolver.Resolve(input).ConditionId.Should().BeNull(input);
    }

    [Theory]
    [InlineData("shoulder pain for 4 months", 4)]
    [InlineData("knee pain for two years", 24)]
    [InlineData("my back has hurt since 2015", 132)]
    [InlineData("aching jaw for 18 mos", 18)]
    [InlineData("pain in my feet for more than a year", 12)]
    [InlineData("dolor de rodilla desde hace 2 años", 24)]
    [InlineData("dolor de cuello por 6 meses", 6)]
    public void Resolve_PainWithDurationOfThreeMonthsOrMore_IsChronicPainWithTheDuration(string input, int months)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().Be("chronic-pain", input);
        result.Kind.Should().Be(MatchKind.Duration);
        result.DurationMonths.Should().Be(months);
    }

    [Theory]
    [InlineData("pain for 10 days")]
    [InlineData("sore back for 2 weeks")]
    [InlineData("hip pain for almost 3 months")]
    [InlineData("neck pain for 1 month")]
    public void Resolve_PainShorterThanThreeMonths_IsNotChronicPain(string input)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().BeNull(input);
        result.Suggestions.Should().Contain("chronic-pain");
    }

    [Fact]
    public void Resolve_ChronicPainSynonymWithDuration_KeepsTheSynonymAndReturnsTheDuration()
    {
        var result = Resolver.Resolve("chronic low back pain for 5 years");

        result.ConditionId.Should().Be("chronic-pain");
        result.Kind.Should().Be(MatchKind.Synonym);
        result.DurationMonths.Should().Be(60);
    }

    [Theory]
    [InlineData("constant elbow pain")]
    [InlineData("persistent wrist pain")]
    [InlineData("ongoing daily pain in my legs")]
    [InlineData("dolor constante")]
    public void Resolve_PainWithChronicityWord_IsChronicPain(string input)
    {
        Resolver.Resolve(input).ConditionId.Should().Be("chronic-pain", input);
    }

    [Theory]
    [InlineData("on suboxone", "opioid-use-disorder")]
    [InlineData("Zubsolv 5.7 mg", "opioid-use-disorder")]
    [InlineData("brixadi monthly", "opioid-use-disorder")]
    [InlineData("buprenorphine-naloxone film", "opioid-use-disorder")]
    [InlineData("lucemyra", "opioid-withdrawal")]
    public void Resolve_SingleIndicationMedicationAlone_MapsWithKindMedication(string input, string expected)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().Be(expected, input);
        result.Kind.Should().Be(MatchKind.Medication);
        result.Note.Should().Contain("medication");
    }

    [Theory]
    [InlineData("methadone", "opioid-use-disorder")]
    [InlineData("taking buprenorphine", "opioid-use-disorder")]
    [InlineData("vivitrol", "alcohol-use-disorder")]
    [InlineData("gabapentin", "neuropathy")]
    public void Resolve_MedicationWithSeveralIndications_NoMatchWithSuggestions(string input, string suggested)
    {
        var result = Resolver.Resolve(input);

        result.ConditionId.Should().BeNull(input);
        result.Suggestions.Should().Contain(suggested);
        result.Note.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Resolve_Naloxone_IsNotADiagnosis()
    {
        var result = Resolver.Resolve("carries narcan");

        result.ConditionId.Should().BeNull();
        result.Note.Should().Contain("overdose");
    }

    [Theory]
    [InlineData("pt w/ chronic LBP", "chronic-pain")]
    [InlineData("c/o CLBP", "chronic-pain")]
    [InlineData("hx: opioid dependence", "opioid-use-disorder")]
    [InlineData("dx OUD on MAT", "opioid-use-disorder")]
    [InlineData("h/o heroin abuse", "opioid-use-disorder")]
    [InlineData("PMH: PTSD, migraines", "ptsd")]
    public void Resolve_ClinicalShorthand_IsExpanded(string input, string expected)
    {
        Resolver.Resolve(input).ConditionId.Should().Be(expected, input);
    }

    [Theory]
    [InlineData("fibromialgia", "fibromyalgia")]
    [InlineData("esclerosis multiple", "multiple-sclerosis")]
    [InlineData("síndrome de Tourette", "tourette-syndrome")]
    [InlineData("sindrome de tourette", "tourette-syndrome")]
    [InlineData("tengo dolor cronico", "chronic-pain")]
    [InlineData("trastorno bipolar", "bipolar-disorder")]
    [InlineData("lesión medular", "spinal-cord-injury")]
    [InlineData("enfermedad de Crohn", "crohns-disease")]
    [InlineData("adicción a los opiáceos", "opioid-use-disorder")]
    public void Resolve_Spanish_WithOrWithoutAccents(string input, string expected)
    {
        Resolver.Resolve(input).ConditionId.Should().Be(expected, input);
    }

    [Theory]
    [InlineData("heroin")]
    [InlineData("oxycodone")]
    [InlineData("cannabis")]
    public void Resolve_SubstanceAlone_IsNeverADiagnosis(string input)
    {
        Resolver.Resolve(input).ConditionId.Should().BeNull(input);
    }

    [Fact]
    public void ResolveAll_ListWithComposedItems_ReadsEachItem()
    {
        var results = Resolver.ResolveAll("PTSD; hooked on percs; hip pain for 2 years");

        results.Select(r => r.ConditionId).Should().Equal("ptsd", "opioid-use-disorder", "chronic-pain");
    }

    [Fact]
    public void Resolve_MatchedText_NamesTheWordsTheReadingRestsOn()
    {
        Resolver.Resolve("strung out on roxies these days").MatchedText.Should().Be("strung out on roxies");
    }

    [Theory]
    [InlineData(60)]
    [InlineData(125)]
    public void Resolve_PathologicalRepeats_StillAnswers(int repeats)
    {
        var input = string.Concat(Enumerable.Repeat("pain and ", repeats));
        input = input[..Math.Min(500, input.Length)];

        var result = Resolver.Resolve(input);

        result.Input.Should().Be(input);
    }

    private sealed class FakeClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
