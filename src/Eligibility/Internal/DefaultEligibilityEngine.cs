using Eligibility.Conditions.Internal;
using Eligibility.Data;
using Eligibility.Law;
using Eligibility.Rules;
using Eligibility.Rules.Execution;
using Microsoft.Extensions.Logging;
using NRules.Fluent.Dsl;

namespace Eligibility.Internal;

/// <summary>
/// The engine: the rules compiled once into an NRules session factory shared by all threads, warm sessions per
/// jurisdiction and law period (see <see cref="RuleRunner"/>), and the law as one immutable
/// <see cref="LawSnapshot"/> behind a single volatile reference. Every query reads that reference once and answers
/// wholly from the snapshot it read, so a reload (which validates the new law completely before swapping it in) never
/// gives a query a mix of old and new law.
/// </summary>
internal sealed partial class DefaultEligibilityEngine : IEligibilityEngine
{
    private const string ChronicPain = "chronic-pain";

    private readonly LawSource _source;
    private readonly ConditionCatalog _catalog;
    private readonly IConditionResolver _resolver;
    private readonly RuleRunner _runner;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConditionVocabulary _vocabulary;
    private readonly Lock _reloadLock = new();
    private readonly DataDirectoryWatcher? _watcher;
    private volatile LawSnapshot _snapshot;
    private readonly DecisionCache? _cache;

    /// <summary>Loads the law from its source (a <see cref="LawDataException"/> if it is invalid) and compiles the rules.</summary>
    public DefaultEligibilityEngine(LawSource source, ConditionCatalog catalog, IConditionResolver resolver, IEnumerable<Rule> additionalRules, TimeProvider time, ILogger logger, bool watch = false)
        : this(source, catalog, resolver, CompileRules(additionalRules), time, logger, watch)
    {
    }

    /// <summary>Over rules compiled elsewhere (the DI singleton), with the runner's options (benchmarks compare naive sessions), and the source's law if it was loaded already.</summary>
    public DefaultEligibilityEngine(LawSource source, ConditionCatalog catalog, IConditionResolver resolver, CompiledRules rules, TimeProvider time, ILogger logger, bool watch = false, RunnerOptions? runnerOptions = null, int decisionCacheSize = 0, LawLibrary? loaded = null)
    {
        if (decisionCacheSize is < 0 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(decisionCacheSize), decisionCacheSize, "DecisionCacheSize must be 0 (no cache) to 100,000.");
        }

        _cache = decisionCacheSize > 0 ? new DecisionCache(decisionCacheSize) : null;
        _source = source;
        _catalog = catalog;
        _resolver = resolver;
        _time = time;
        _logger = logger;
        _vocabulary = new CatalogVocabulary(catalog);
        _runner = new RuleRunner(rules, _vocabulary, runnerOptions);
        _snapshot = new LawSnapshot(loaded ?? source.Load());
        LogReady(_logger, _snapshot.Library.Jurisdictions.Count, rules.Rules.Count, _snapshot.Library.DataVersion);
        if (watch && source.Directory is { } directory)
        {
            _watcher = new DataDirectoryWatcher(directory, DataDirectoryWatcher.DefaultDebounce, time, () => Reload(), logger);
        }
    }

    public string DataVersion => _snapshot.Library.DataVersion;

    public IReadOnlyList<JurisdictionLaw> Jurisdictions => _snapshot.Library.Jurisdictions;

    internal CompiledRules Rules => _runner.Rules;

    /// <summary>The standard rules followed by the caller's, compiled once.</summary>
    internal static CompiledRules CompileRules(IEnumerable<Rule> additionalRules, NRules.Extensibility.IExpressionCompiler? compiler = null) =>
        CompiledRules.Compile([.. StandardRules.Create(), .. additionalRules], compiler);

    /// <summary>The law answering now (tests).</summary>
    internal LawSnapshot Snapshot => _snapshot;

    /// <summary>Whether a watcher is running (tests).</summary>
    internal bool IsWatching => _watcher is { IsRunning: true };

    public ReloadResult Reload()
    {
        lock (_reloadLock)
        {
            var old = _snapshot;
            LawLibrary library;
            try
            {
                library = _source.Load();
            }
            catch (LawDataException e)
            {
                LogReloadFailed(_logger, old.Library.DataVersion, e.Problems.Count, e.Problems.Count == 0 ? "" : e.Problems[0].ToString());
                return new ReloadResult(false, old.Library.DataVersion, old.Library.DataVersion, e.Problems);
            }

            if (ReloadGuard.LostJurisdictions(old.Library, library, _source) is { Count: > 0 } lost)
            {
                LogReloadFailed(_logger, old.Library.DataVersion, lost.Count, lost[0].ToString());
                return new ReloadResult(false, old.Library.DataVersion, old.Library.DataVersion, lost);
            }

            _snapshot = new LawSnapshot(library);
            LogReloaded(_logger, old.Library.DataVersion, library.DataVersion, library.Jurisdictions.Count);
            return new ReloadResult(true, old.Library.DataVersion, library.DataVersion, []);
        }
    }

    public void Dispose() => _watcher?.Dispose();

    public EligibilityDecision Evaluate(EligibilityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var law = FindLaw(_snapshot, query.Jurisdiction); // the one read of the law for this query
        ValidateQuery(query);
        var asOf = query.AsOf ?? Today();
        if (_cache is null)
        {
            return Decide(law, Claims(query), query, asOf, cancellationToken);
        }

        var key = DecisionCache.Key(law.DataVersion, asOf, query);
        if (!_cache.TryGet(key, out var decision))
        {
            decision = Decide(law, Claims(query), query, asOf, cancellationToken);
            _cache.Add(key, decision);
        }

        return decision;
    }

    public IReadOnlyList<EligibilityDecision> Scan(string condition, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var query = new EligibilityQuery { Jurisdiction = "", Conditions = [condition] };
        cancellationToken.ThrowIfCancellationRequested();
        ValidateQuery(query);
        var day = asOf ?? Today();
        var claim = Claim(0, condition, query);
        var jurisdictions = _snapshot.Library.Jurisdictions; // one snapshot for the whole scan
        var results = new EligibilityDecision[jurisdictions.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Decide(jurisdictions[i], [claim], query, day, cancellationToken);
        }

        return results;
    }

    public KratomAnswer Kratom(string jurisdiction, DateOnly? asOf = null)
    {
        var law = FindLaw(_snapshot, jurisdiction);
        var day = asOf ?? Today();
        var period = law.KratomOn(day);
        return period is null
            ? new KratomAnswer(law.Code, day, KratomStatus.Unknown, null, null, null, null, "The data holds no kratom entry for this date.")
            : new KratomAnswer(law.Code, day, period.Status, period.MinimumAge, period.Provenance.Citation, period.Provenance.SourceUrl, period.Provenance.Confidence, period.Provenance.Note);
    }

    private EligibilityDecision Decide(JurisdictionLaw law, ConditionClaim[] claims, EligibilityQuery query, DateOnly asOf, CancellationToken cancellationToken)
    {
        var run = _runner.Run(law, asOf, new PatientFact(query.Age, query.Visitor, query.Medications), claims, query.Explain, cancellationToken);
        return DecisionBuilder.Build(law, asOf, claims, run, query);
    }

    /// <summary>One claim per condition; a text naming several conditions ("OUD and chronic back pain") gives one claim for each.</summary>
    private ConditionClaim[] Claims(EligibilityQuery query)
    {
        var claims = new List<ConditionClaim>(query.Conditions.Count);
        foreach (var input in query.Conditions)
        {
            // An exact match (an id, a name, a code, a whole known phrase) names one condition; only a partial or
            // failed match may be a list of several, which ResolveAll splits.
            var single = _resolver.Resolve(input);
            var several = single.Score >= 1.0 ? null : _resolver.ResolveAll(input).Where(r => r.ConditionId is not null).DistinctBy(r => r.ConditionId).ToList();
            if (several is { Count: > 1 })
            {
                foreach (var resolved in several)
                {
                    claims.Add(Claim(claims.Count, input, query, resolved));
                }
            }
            else
            {
                claims.Add(Claim(claims.Count, input, query, single));
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
            return ClaimReadings.Remember(new ConditionClaim(index, input, null, input.Trim(), attested, query.DurationMonths, resolution.Suggestions) { UnresolvedReason = resolution.Note }, resolution);
        }

        if (DefiningQualifiers.ById.TryGetValue(id, out var defining))
        {
            attested.Add(defining); // intractable pain says by itself that it is intractable
        }

        if (id == ChronicPain || IsKindOf(id, ChronicPain))
        {
            attested.Add(QualifierKind.Chronic);
        }

        var name = resolution.ConditionName ?? _catalog.Find(id)?.Name ?? id;
        // A duration the text states ("hip pain for 3 years") counts unless the caller gave one.
        return ClaimReadings.Remember(new ConditionClaim(index, input, id, name, attested, query.DurationMonths ?? resolution.DurationMonths, []), resolution);
    }

    /// <summary>Whether a condition is a kind of another, from the vocabulary's precomputed is_a closure.</summary>
    private bool IsKindOf(string id, string broader)
    {
        foreach (var b in _vocabulary.Broader(id))
        {
            if (b.Id == broader)
            {
                return true;
            }
        }

        return false;
    }

    private static JurisdictionLaw FindLaw(LawSnapshot snapshot, string jurisdiction)
    {
        if (string.IsNullOrWhiteSpace(jurisdiction))
        {
            throw new ArgumentException("A jurisdiction is required: send a USPS code such as NY, NJ or PR.", nameof(jurisdiction));
        }

        return snapshot.Library.Find(jurisdiction) ?? throw new ArgumentException(UnknownJurisdiction.Message(snapshot, jurisdiction), nameof(jurisdiction));
    }

    private static void ValidateQuery(EligibilityQuery query)
    {
        if (query.Conditions is null)
        {
            throw new ArgumentException($"Conditions is null: send a list of 1 to {EligibilityQuery.MaxConditions} conditions (ids, names, phrases or ICD-10-CM codes).", nameof(query));
        }

        if (query.Conditions.Count == 0)
        {
            throw new ArgumentException("At least one condition is required: send a condition id, name, phrase or ICD-10-CM code.", nameof(query));
        }

        if (query.Conditions.Count > EligibilityQuery.MaxConditions)
        {
            throw new ArgumentException($"{query.Conditions.Count} conditions is too many for one query; send at most {EligibilityQuery.MaxConditions}.", nameof(query));
        }

        for (var i = 0; i < query.Conditions.Count; i++)
        {
            ValidateText("Condition", i, query.Conditions[i], "a condition id, name, phrase or ICD-10-CM code");
        }

        if (query.Age is < 0 or > 130)
        {
            throw new ArgumentException($"Age {query.Age} is impossible; send an age from 0 to 130, or none.", nameof(query));
        }

        if (query.DurationMonths is < 0 or > 1200)
        {
            throw new ArgumentException($"Duration {query.DurationMonths} months is impossible; send 0 to 1200, or none.", nameof(query));
        }

        if (query.Medications.Count > EligibilityQuery.MaxMedications)
        {
            throw new ArgumentException($"{query.Medications.Count} medications is too many; send at most {EligibilityQuery.MaxMedications}.", nameof(query));
        }

        for (var i = 0; i < query.Medications.Count; i++)
        {
            ValidateText("Medication", i, query.Medications[i], "a medication name, or leave it out");
        }

        foreach (var kind in query.Attested)
        {
            if (!Enum.IsDefined(kind))
            {
                throw new ArgumentException($"Attested value {(int)kind} is not a qualifier; send one of: {string.Join(", ", Enum.GetNames<QualifierKind>())}.", nameof(query));
            }
        }
    }

    /// <summary>Checks one free-text item; the message says where the problem is but never repeats the text (it may be patient data).</summary>
    private static void ValidateText(string what, int index, string? text, string expected)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"{what} {index + 1} is empty: send {expected}.", "query");
        }

        if (text.Length > EligibilityQuery.MaxConditionLength)
        {
            throw new ArgumentException($"{what} {index + 1} is {text.Length} characters long; send at most {EligibilityQuery.MaxConditionLength}.", "query");
        }

        var trimmed = text.AsSpan().Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (char.IsControl(trimmed[i]))
            {
                throw new ArgumentException($"{what} {index + 1} holds control character U+{(int)trimmed[i]:X4}; send plain text on one line.", "query");
            }
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(_time.GetLocalNow().DateTime);

    // Logs carry counts, versions and data-file problems only: never a query field.
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Eligibility engine ready: {Jurisdictions} jurisdictions, {Rules} rules, data version {DataVersion}")]
    private static partial void LogReady(ILogger logger, int jurisdictions, int rules, string dataVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Law data reloaded: data version {OldDataVersion} -> {NewDataVersion}, {Jurisdictions} jurisdictions")]
    private static partial void LogReloaded(ILogger logger, string oldDataVersion, string newDataVersion, int jurisdictions);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Law data reload failed; data version {DataVersion} keeps answering. {ProblemCount} problem(s) in the data files, the first: {FirstProblem}")]
    private static partial void LogReloadFailed(ILogger logger, string dataVersion, int problemCount, string firstProblem);
}
