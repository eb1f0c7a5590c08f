namespace Eligibility.Rules;

/// <summary>
/// The rules could not finish an evaluation: the firing limit was reached, or a rule's condition or action failed.
/// The message names the rule; the inner exception (if any) is the cause. Never carries query data.
/// </summary>
public sealed class RuleEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The id of the rule concerned.</param>
    /// <param name="message">What happened.</param>
    /// <param name="inner">The cause, if any.</param>
    public RuleEvaluationException(string ruleId, string message, Exception? inner = null)
        : base($"Rule '{ruleId}': {message}", inner) => RuleId = ruleId;

    /// <summary>The id of the rule concerned.</summary>
    public string RuleId { get; }
}

/// <summary>A rule could not be compiled into the rule set; the message names the rule.</summary>
public sealed class RuleSetCompilationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleId">The id (or type name) of the rule concerned.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="inner">The cause, if any.</param>
    public RuleSetCompilationException(string ruleId, string message, Exception? inner = null)
        : base($"Rule '{ruleId}': {message}", inner) => RuleId = ruleId;

    /// <summary>The id (or type name) of the rule concerned.</summary>
    public string RuleId { get; }
}
