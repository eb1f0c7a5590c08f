namespace Eligibility.Law;

/// <summary>
/// One jurisdiction's medical-cannabis law as validated, immutable, dated facts. Built by the loader in the
/// <c>Eligibility</c> package from <c>data/states/*.json</c>; read by the rules.
/// </summary>
/// <threadsafety instance="true"/>
public sealed class JurisdictionLaw
{
    private readonly Dictionary<string, ConditionEntry[]> _byCondition;
    private ProvenanceSummary? _provenanceSummary;

    /// <summary>Creates the law model. Validation (ordering, overlaps) is the loader's job.</summary>
    /// <param name="code">USPS code, upper case.</param>
    /// <param name="name">Name.</param>
    /// <param name="lastVerified">Date the file was last checked against its sources.</param>
    /// <param name="confidence">The file's overall confidence.</param>
    /// <param name="summary">Short summary, may be null.</param>
    /// <param name="programs">Program periods.</param>
    /// <param name="adultUse">Adult-use periods.</param>
    /// <param name="conditionList">The list as a whole.</param>
    /// <param name="conditions">Listing entries.</param>
    /// <param name="discretion">Practitioner-discretion periods.</param>
    /// <param name="patients">Patient rules.</param>
    /// <param name="kratom">Kratom periods.</param>
    /// <param name="sources">Source documents.</param>
    /// <param name="dataVersion">Content hash of the file.</param>
    public JurisdictionLaw(
        string code,
        string name,
        DateOnly lastVerified,
        Confidence confidence,
        string? summary,
        IReadOnlyList<ProgramPeriod> programs,
        IReadOnlyList<AdultUsePeriod> adultUse,
        ConditionListInfo conditionList,
        IReadOnlyList<ConditionEntry> conditions,
        IReadOnlyList<DiscretionPeriod> discretion,
        PatientRules patients,
        IReadOnlyList<KratomPeriod> kratom,
        IReadOnlyList<Source> sources,
        string dataVersion)
    {
        Code = code;
        Name = name;
        LastVerified = lastVerified;
        Confidence = confidence;
        Summary = summary;
        Programs = programs;
        AdultUse = adultUse;
        ConditionList = conditionList;
        Conditions = conditions;
        Discretion = discretion;
        Patients = patients;
        Kratom = kratom;
        Sources = sources;
        DataVersion = dataVersion;
        _byCondition = conditions.GroupBy(c => c.ConditionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>USPS code, upper case.</summary>
    public string Code { get; }

    /// <summary>Name.</summary>
    public string Name { get; }

    /// <summary>Date the file was last checked against its sources.</summary>
    public DateOnly LastVerified { get; }

    /// <summary>The file's overall confidence.</summary>
    public Confidence Confidence { get; }

    /// <summary>Short summary.</summary>
    public string? Summary { get; }

    /// <summary>Program periods.</summary>
    public IReadOnlyList<ProgramPeriod> Programs { get; }

    /// <summary>Adult-use periods.</summary>
    public IReadOnlyList<AdultUsePeriod> AdultUse { get; }

    /// <summary>The qualifying-condition list as a whole.</summary>
    public ConditionListInfo ConditionList { get; }

    /// <summary>Every listing entry, in file order.</summary>
    public IReadOnlyList<ConditionEntry> Conditions { get; }

    /// <summary>Practitioner-discretion periods.</summary>
    public IReadOnlyList<DiscretionPeriod> Discretion { get; }

    /// <summary>Patient rules.</summary>
    public PatientRules Patients { get; }

    /// <summary>Kratom periods.</summary>
    public IReadOnlyList<KratomPeriod> Kratom { get; }

    /// <summary>Source documents.</summary>
    public IReadOnlyList<Source> Sources { get; }

    /// <summary>Content hash of the data this law was read from, so any answer can be reproduced.</summary>
    public string DataVersion { get; }

    /// <summary>Facts per confidence and the oldest retrieval date among them (computed once, on first use).</summary>
    public ProvenanceSummary ProvenanceSummary => _provenanceSummary ??= ProvenanceSummary.Of(this);

    /// <summary>The program period in force on a day, or null when no period holds (no program).</summary>
    /// <param name="day">The day.</param>
    /// <returns>The period or null.</returns>
    public ProgramPeriod? ProgramOn(DateOnly day) => Find(Programs, p => p.Range, day);

    /// <summary>The listing of a condition in force on a day, or null.</summary>
    /// <param name="conditionId">Canonical id.</param>
    /// <param name="day">The day.</param>
    /// <returns>The entry or null.</returns>
    public ConditionEntry? ListingOn(string conditionId, DateOnly day) =>
        _byCondition.TryGetValue(conditionId, out var entries) ? Find(entries, e => e.Range, day) : null;

    /// <summary>Every listing of a condition, in any period.</summary>
    /// <param name="conditionId">Canonical id.</param>
    /// <returns>The entries, in file order.</returns>
    public IReadOnlyList<ConditionEntry> ListingsOf(string conditionId) =>
        _byCondition.TryGetValue(conditionId, out var entries) ? entries : [];

    /// <summary>The practitioner-discretion period in force on a day, or null.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The period or null.</returns>
    public DiscretionPeriod? DiscretionOn(DateOnly day) => Find(Discretion, d => d.Range, day);

    /// <summary>The adult-use period in force on a day, or null.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The period or null.</returns>
    public AdultUsePeriod? AdultUseOn(DateOnly day) => Find(AdultUse, a => a.Range, day);

    /// <summary>The kratom period in force on a day, or null.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The period or null.</returns>
    public KratomPeriod? KratomOn(DateOnly day) => Find(Kratom, k => k.Range, day);

    /// <summary>
    /// Every day on which a dated fact that decisions read (a program, a listing, a discretion period) begins or ends,
    /// ascending. Between two consecutive change points every decision reads the same law.
    /// </summary>
    public IReadOnlyList<DateOnly> ChangePoints => _changePoints ??= ComputeChangePoints();

    /// <summary>The law period that holds a day: the interval between the change points around it.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The period; its bounds are null before the first and after the last change point.</returns>
    public DateRange PeriodOf(DateOnly day)
    {
        var points = ChangePoints;
        DateOnly? from = null;
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i] > day)
            {
                return new DateRange(from, points[i]);
            }

            from = points[i];
        }

        return new DateRange(from, null);
    }

    private IReadOnlyList<DateOnly>? _changePoints;

    private DateOnly[] ComputeChangePoints()
    {
        var points = new SortedSet<DateOnly>();
        void Add(DateRange range)
        {
            if (range.From is { } from)
            {
                points.Add(from);
            }

            if (range.Until is { } until)
            {
                points.Add(until);
            }
        }

        foreach (var p in Programs)
        {
            Add(p.Range);
        }

        foreach (var c in Conditions)
        {
            Add(c.Range);
        }

        foreach (var d in Discretion)
        {
            Add(d.Range);
        }

        return [.. points];
    }

    private static T? Find<T>(IReadOnlyList<T> items, Func<T, DateRange> range, DateOnly day)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (range(items[i]).Contains(day))
            {
                return items[i];
            }
        }

        return null;
    }
}
