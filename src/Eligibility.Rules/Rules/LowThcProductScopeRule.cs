using Eligibility.Engine;

namespace Eligibility.Rules;

/// <summary>Limits the product scope where the program in force allows only low-THC products.</summary>
public sealed class LowThcProductScopeRule : Rule
{
    /// <inheritdoc/>
    public override void Define(RuleBuilder rule)
    {
        rule.Id("low-thc-product-scope").Name("Low-THC product scope").Priority(95)
            .Description("A low-THC program limits every qualifying result to low-THC products.");
        var program = rule.When().Match<ProgramInForce>()
            .Where("the program allows only low-THC products", p => p.Program.Kind == ProgramKind.LowThc);
        rule.Then().Insert(m => new ProductScopeLimit("low-thc", m.Get(program).Program.ProductLimit, m.Get(program).Program.Provenance));
    }
}
