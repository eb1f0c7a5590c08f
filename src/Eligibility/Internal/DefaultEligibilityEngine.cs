using Eligibility.Data;
using Eligibility.Engine;
using Eligibility.Law;
using Eligibility.Rules;
using Microsoft.Extensions.Logging;

namespace Eligibility.Internal;

/// <summary>The engine: one compiled rule set and one law library shared by all threads; a session per query.</summary>
internal sealed partial class DefaultEligibilityEngine : IEligibilityEngine
{
    private const string ChronicPain = "chronic-pain";

    private readonly LawLibrary _library;
    private readonly ConditionCatalog _catalog;
    private readonly IConditionResolver _resolver;
    private readonly RuleSet _rules;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConditionVocabulary _vocabulary;

    public DefaultEligibilityEngine(LawLibrary library, ConditionCatalog catalog, IConditionResolver resolver, IEnumerable<Rule> additionalRules, TimeProvider time, ILogger logger)
    {
        _library = library;
        _catalog = catalog;
        _resolver = resolver;
        _time = time;
        _logger = logger;
        _vocabulary = new CatalogVocabulary(catalog);
        _rules = new RuleSetBuilder().AddStandardRules().AddRange(additionalRules).Compile();
        LogReady(_logger, library.Jurisdictions.Count, _rules.Rules.Count, library.DataVersion);
    }

    public string DataVersion => _library.DataVersion;

    public IReadOnlyList<JurisdictionLaw> Jurisdictions => _library.Jurisdictions;

    internal RuleSet Rules => _rules;

    public EligibilityDecision Evaluate(EligibilityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var law = FindLaw(query.Jurisdiction);
        ValidateQuery(query);
        return Decide(law, Claims(query), query, query.AsOf ?? Today(), cancellationToken);
    }

    public IReadOnlyList<EligibilityDecision> Scan(string condition, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var query = new EligibilityQuery { Jurisdiction = "", Conditions = [condition] };
        ValidateQuery(query);
        var day = asOf ?? Today();
        var claim = Claim(0, condition, query);
        var results = new EligibilityDecision[_library.Jurisdictions.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Decide(_library.Jurisdictions[i], [claim], query, day, cancellationToken);
        }

        return results;
    }

    public KratomAnswer Kratom(string jurisdiction, DateOnly? asOf = null)
    {
        var law = FindLaw(jurisdiction);
        var day = asOf ?? Today();
        var period = law.KratomOn(day);
        return period is null
            ? new KratomAnswer(law.Code, day, KratomStatus.Unknown, null, null, null, null, "The data holds no kratom entry for this date.")
            : new KratomAnswer(law.Code, day, period.Status, period.MinimumAge, period.Provenance.Citation, period.Provenance.SourceUrl, period.Provenance.Confidence, period.Provenance.Note);
    }

    private EligibilityDecision Decide(JurisdictionLaw law, ConditionClaim[] claims, EligibilityQuery query, DateOnly asOf, CancellationToken cancellationToken)
    {
        var session = _rules.CreateSession(query.Explain ? ExplainOptions : TraceOptions);
        session.Insert(_vocabulary);
        session.Insert(new EvaluationContext(law, asOf));
        session.Insert(new PatientFact(query.Age, query.Visitor, query.Medications));
        foreach (var claim in claims)
        {
            session.Insert(claim);
        }

        session.Fire(cancellationToken);
        return DecisionBuilder.Build(law, asOf, claims, session, query);
    }

    private static readonly SessionOptions TraceOptions = new() { Trace = true };
    private static readonly SessionOptions ExplainOptions = new() { Trace = true, Explain = true };

    /// <summary>One claim per condition; a text naming several conditions ("OUD and chronic back pain") gives one claim for each.</summary>
    private ConditionClaim[] Claims(EligibilityQuery query)
    {
        var claims = new List<ConditionClaim>(query.Conditions.Count);
        foreach (var input in query.Conditions)
        {
            var several = _resolver.ResolveAll(input).Where(r => r.ConditionId is not null).DistinctBy(r => r.ConditionId).ToList();
            if (several.Count > 1)
            {
                claims.AddRange(several.Select(r => Claim(claims.Count, input, query, r)));
            }
            else
            {
                claims.Add(Claim(claims.Count, input, query));
            }
        }

        return [.. claims];
    }

    private ConditionClaim Claim(int index, string input, EligibilityQuery query, ConditionResolution? resolved = null)
    {
        var resolution = resolved ?? _resolver.Resolve(input);
        var attested = new HashSet<QualifierKind>(query.Attested);
        if (resolution.ConditionId is not { } id)
        {
            return new ConditionClaim(index, input, null, input.Trim(), attested, query.DurationMonths, resolution.Suggestions) { UnresolvedReason = resolution.Note };
        }

        var broader = _catalog.Broader(id);
        if (DefiningQualifiers.ById.TryGetValue(id, out var defining))
        {
            attested.Add(defining); // intractable pain says by itself that it is intractable
        }

        if (id == ChronicPain || broader.Contains(ChronicPain))
        {
            attested.Add(QualifierKind.Chronic);
        }

        var name = resolution.ConditionName ?? _catalog.Find(id)?.Name ?? id;
        return new ConditionClaim(index, input, id, name, attested, query.DurationMonths, []);
    }

    private JurisdictionLaw FindLaw(string jurisdiction)
    {
        if (string.IsNullOrWhiteSpace(jurisdiction))
        {
            throw new ArgumentException("A jurisdiction is required: send a USPS code such as NY, NJ or PR.", nameof(jurisdiction));
        }

        return _library.Find(jurisdiction) ?? throw new ArgumentException(
            $"Unknown jurisdiction '{Shorten(jurisdiction)}'. Send a USPS code such as NY, NJ or PR; loaded: {string.Join(", ", _library.Jurisdictions.Select(j => j.Code))}.", nameof(jurisdiction));
    }

    private static void ValidateQuery(EligibilityQuery query)
    {
        if (query.Conditions is null || query.Conditions.Count == 0)
        {
            throw new ArgumentException("At least one condition is required: send a condition id, name, phrase or ICD-10-CM code.", nameof(query));
        }

        if (query.Conditions.Count > EligibilityQuery.MaxConditions)
        {
            throw new ArgumentException($"{query.Conditions.Count} conditions is too many for one query; send at most {EligibilityQuery.MaxConditions}.", nameof(query));
        }

        foreach (var condition in query.Conditions)
        {
            if (string.IsNullOrWhiteSpace(condition))
            {
                throw new ArgumentException("A condition is empty: send a condition id, name, phrase or ICD-10-CM code.", nameof(query));
            }

            if (condition.Length > EligibilityQuery.MaxConditionLength)
            {
                throw new ArgumentException($"A condition is {condition.Length} characters long; send at most {EligibilityQuery.MaxConditionLength}.", nameof(query));
            }
        }

        if (query.Age is < 0 or > 130)
        {
            throw new ArgumentException($"Age {query.Age} is impossible; send an age from 0 to 130, or none.", nameof(query));
        }

        if (query.DurationMonths is < 0 or > 1200)
        {
            throw new ArgumentException($"Duration {query.DurationMonths} months is impossible; send 0 to 1200, or none.", nameof(query));
        }

        if (query.Medications is null || query.Attested is null)
        {
            throw new ArgumentException("Medications and Attested may be empty but not null.", nameof(query));
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetLocalNow().DateTime);

    private static string Shorten(string value) => value.Length <= 20 ? value.Trim() : value[..20] + "…";

    // Logs carry counts and versions only: never a query field.
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Eligibility engine ready: {Jurisdictions} jurisdictions, {Rules} rules, data version {DataVersion}")]
    private static partial void LogReady(ILogger logger, int jurisdictions, int rules, string dataVersion);
}
