using Eligibility.Law;

namespace Eligibility.Rules.Tests.TestAssets;

/// <summary>Builds small synthetic jurisdictions for edge cases; real data is tested through the loader.</summary>
public sealed class LawBuilder
{
    public static readonly Provenance Source = new("Test Stat. § 1", "https://example.test/law", new DateOnly(2026, 1, 1), Confidence.High, null);

    private readonly List<ProgramPeriod> _programs = [];
    private readonly List<ConditionEntry> _conditions = [];
    private readonly List<DiscretionPeriod> _discretion = [];
    private bool _complete = true;
    private int? _adultAge = 18;
    private MinorRules _minors = new(true, true, false, [], Source);
    private ResidencyRules _residency = new(true, VisitorRoute.None, null, Source);
    private RegistrationRules? _registration;
    private DateOnly _lastVerified = new(2026, 11, 1);

    public static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public LawBuilder Program(ProgramKind kind, string? from = null, string? until = null, string? limit = null)
    {
        _programs.Add(new ProgramPeriod(kind, "Test program", limit, new DateRange(from is null ? null : D(from), until is null ? null : D(until)), Source));
        return this;
    }

    public LawBuilder Lists(string condition, string? from = null, string? until = null, params Qualifier[] qualifiers) =>
        Entry(condition, ListingStatus.Listed, from, until, qualifiers);

    public LawBuilder Rejected(string condition, string from, string? until = null) =>
        Entry(condition, ListingStatus.Rejected, from, until, []);

    public LawBuilder Unknown(string condition, string? from = null, string? until = null) =>
        Entry(condition, ListingStatus.Unknown, from, until);

    public LawBuilder Discretion(bool allowed, string? from = null, string? until = null, int? minimumAge = null)
    {
        _discretion.Add(new DiscretionPeriod(allowed, "any condition the practitioner deems debilitating", minimumAge, new DateRange(from is null ? null : D(from), until is null ? null : D(until)), Source));
        return this;
    }

    public LawBuilder IncompleteList()
    {
        _complete = false;
        return this;
    }

    public LawBuilder Minors(bool? allowed, bool? caregiver = false, bool? secondPractitioner = false, int? adultAge = 18)
    {
        _minors = new MinorRules(allowed, caregiver, secondPractitioner, [], Source);
        _adultAge = adultAge;
        return this;
    }

    public LawBuilder Residency(bool? required, VisitorRoute visitors)
    {
        _residency = new ResidencyRules(required, visitors, null, Source);
        return this;
    }

    public LawBuilder Registration(params string[] steps)
    {
        _registration = new RegistrationRules(steps, Source);
        return this;
    }

    public LawBuilder LastVerified(string iso)
    {
        _lastVerified = D(iso);
        return this;
    }

    public JurisdictionLaw Build(string code = "ZZ") => new(code, "Testland", _lastVerified, Confidence.High, null, _programs, [], new ConditionListInfo(_complete, Source),
        _conditions, _discretion, new PatientRules(_adultAge, Source, _minors, _residency, _registration), [], [new Source(Source.SourceUrl, "Test law", Source.Retrieved, "statute")], "test");

    private LawBuilder Entry(string condition, ListingStatus status, string? from, string? until, params Qualifier[] qualifiers)
    {
        _conditions.Add(new ConditionEntry(condition, condition.Replace('-', ' '), status, qualifiers, new DateRange(from is null ? null : D(from), until is null ? null : D(until)), Source));
        return this;
    }
}
