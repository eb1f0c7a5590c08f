using NRules.RuleModel;

namespace Eligibility.Rules.Internal;

/// <summary>
/// Inserts a rule's derived facts as linked facts: NRules retracts them by itself when the facts they came from are
/// retracted, which is what lets a warm session drop a query's conclusions and keep the law's.
/// </summary>
internal static class Linked
{
    public static void InsertAll(IContext context, IEnumerable<object> facts)
    {
        var key = 0;
        foreach (var fact in facts)
        {
            context.InsertLinked(key++, fact);
        }
    }
}
