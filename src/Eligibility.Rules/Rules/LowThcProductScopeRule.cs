using Eligibility.Law;
using NRules.Fluent.Dsl;

namespace Eligibility.Rules;

/// <summary>Limits every qualifying result to low-THC products where the program allows only those.</summary>
[RuleId("low-thc-product-scope"), Name("Low-THC product scope"), Priority(95)]
[Description("A low-THC program limits every qualifying result to low-THC products.")]
public sealed class LowThcProductScopeRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        ProgramInForce program = default!;

        When()
            .Match(() => program, p => Label.Is("the program allows only low-THC products", p.Program.Kind == ProgramKind.LowThc));
        Then()
            .Yield(_ => new ProductScopeLimit("low-thc", program.Program.ProductLimit, program.Program.Provenance));
    }
}
