namespace Eligibility.Engine;

/// <summary>
/// Base class of a production rule. A rule describes itself in <see cref="Define"/>: its metadata,
/// the fact patterns it matches (<see cref="RuleBuilder.When"/>) and what it does when they match
/// (<see cref="RuleBuilder.Then"/>). One rule per class; instances are stateless.
/// </summary>
/// <example>
/// <code>
/// public sealed class AdultRule : Rule
/// {
///     public override void Define(RuleBuilder rule)
///     {
///         rule.Id("adult").Name("Adult").Priority(10);
///         var person = rule.When().Match&lt;Person&gt;().Where("the person is 18 or older", p => p.Age >= 18);
///         rule.Then().Insert(m => new Adult(m.Get(person)));
///     }
/// }
/// </code>
/// </example>
public abstract class Rule
{
    /// <summary>Declares the rule's metadata, patterns and action on <paramref name="rule"/>.</summary>
    /// <param name="rule">The builder to declare the rule on.</param>
    public abstract void Define(RuleBuilder rule);
}
