namespace Eligibility.Engine;

/// <summary>A rule or rule set is malformed; thrown when the set is compiled.</summary>
public sealed class RuleCompilationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The offending rule, or <see langword="null"/> for a problem of the whole set.</param>
    /// <param name="problem">What is wrong.</param>
    public RuleCompilationException(string? ruleId, string problem)
        : base(ruleId is null ? $"Rule set: {problem}." : $"Rule '{ruleId}': {problem}.")
    {
        RuleId = ruleId;
    }

    /// <summary>The offending rule's id, if one rule is at fault.</summary>
    public string? RuleId { get; }
}

/// <summary>An evaluation stopped: the firing limit was reached, or a rule's condition or action threw.</summary>
public sealed class RuleExecutionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The rule that was matching or firing.</param>
    /// <param name="message">What happened.</param>
    /// <param name="inner">The exception thrown by the rule's code, if any.</param>
    public RuleExecutionException(string ruleId, string message, Exception? inner = null)
        : base(message, inner)
    {
        RuleId = ruleId;
    }

    /// <summary>The id of the rule that was matching or firing.</summary>
    public string RuleId { get; }
}
