namespace Eligibility.Engine.Internal;

internal enum PatternKind
{
    Match,
    Not,
    Exists,
    Collect,
}

/// <summary>A labelled condition; <c>Test(fact, boundPositiveFacts)</c>.</summary>
internal sealed record ConditionModel(string Label, PatternModel[] Dependencies, Func<object, object[], bool> Test)
{
    /// <summary>The label alone as a read-only list: a near-miss that failed only this condition shares it.</summary>
    public IReadOnlyList<string> AloneFailed => field ??= Array.AsReadOnly([Label]);
}

internal sealed class PatternModel(Type factType, PatternKind kind, int positiveIndex, int declarationIndex)
{
    public Type FactType { get; } = factType;

    public PatternKind Kind { get; } = kind;

    /// <summary>Index among the rule's positive patterns, or -1.</summary>
    public int PositiveIndex { get; } = positiveIndex;

    public int DeclarationIndex { get; } = declarationIndex;

    /// <summary>Index among the rule's collection patterns, set at compile time.</summary>
    public int CollectIndex { get; set; } = -1;

    /// <summary>Fact-type slot in the compiled set, set at compile time.</summary>
    public int Slot { get; set; } = -1;

    public List<ConditionModel> Conditions { get; } = [];

    public ConditionModel[] CompiledConditions { get; set; } = [];

    /// <summary>For a Not/Exists pattern that failed, what it asked for (explain mode); built once.</summary>
    public string GuardDescription => _guardDescription ??= DescribeGuard();

    /// <summary>For a positive pattern with no fact at all (explain mode); built once.</summary>
    public string MissingDescription => _missingDescription ??= $"no fact of type {FactType.Name}";

    /// <summary><see cref="GuardDescription"/> alone as a read-only list, shared by near-misses that failed only it.</summary>
    public IReadOnlyList<string> GuardAloneFailed => field ??= Array.AsReadOnly([GuardDescription]);

    /// <summary><see cref="MissingDescription"/> alone as a read-only list, shared by near-misses.</summary>
    public IReadOnlyList<string> MissingFailed => field ??= Array.AsReadOnly([MissingDescription]);

    private string? _guardDescription;
    private string? _missingDescription;

    private string DescribeGuard()
    {
        var labels = string.Join(" and ", CompiledConditions.Select(c => c.Label));
        var where = labels.Length == 0 ? "" : $" where {labels}";
        return Kind == PatternKind.Not ? $"no {FactType.Name}{where}" : $"some {FactType.Name}{where}";
    }

    public void AddCondition(string label, PatternModel[] dependencies, Func<object, object[], bool> test)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        Conditions.Add(new ConditionModel(label, dependencies, test));
    }
}

internal sealed record RuleModel(RuleInfo Info, PatternModel[] Patterns, Func<Match, IEnumerable<object>>[] Actions, Type[] Produces)
{
    public PatternModel[] Positive { get; } = Of(Patterns, PatternKind.Match, PatternKind.Match);

    public PatternModel[] Guards { get; } = Of(Patterns, PatternKind.Not, PatternKind.Exists);

    public PatternModel[] Collections { get; } = Of(Patterns, PatternKind.Collect, PatternKind.Collect);

    /// <summary>Whether the rule has an <c>Exists</c> pattern: a new fact can then unblock old tuples, so the rule is re-matched whole.</summary>
    public bool HasExists { get; } = Array.Exists(Patterns, p => p.Kind == PatternKind.Exists);

    /// <summary>Slots whose inserts can change this rule's activations (positive and guard patterns).</summary>
    public int[] TriggerSlots { get; set; } = [];

    /// <summary>The patterns of one or two kinds, in declaration order.</summary>
    private static PatternModel[] Of(PatternModel[] patterns, PatternKind kind, PatternKind other)
    {
        var count = 0;
        foreach (var pattern in patterns)
        {
            if (pattern.Kind == kind || pattern.Kind == other)
            {
                count++;
            }
        }

        var result = new PatternModel[count];
        count = 0;
        foreach (var pattern in patterns)
        {
            if (pattern.Kind == kind || pattern.Kind == other)
            {
                result[count++] = pattern;
            }
        }

        return result;
    }
}
