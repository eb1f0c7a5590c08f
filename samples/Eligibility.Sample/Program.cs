using Eligibility;
using Eligibility.Sample;
using Microsoft.Extensions.DependencyInjection;

// A consumer of the Eligibility package: register it with DI, add a clinic rule of our own, ask a few questions.
using var services = new ServiceCollection()
    .AddEligibility(options => options.AdditionalRules.Add(new ClinicSecondPractitionerRule()))
    .BuildServiceProvider();

var engine = services.GetRequiredService<IEligibilityEngine>();
var asOf = new DateOnly(2026, 11, 22); // a fixed day, so the output is the same on every run

EligibilityQuery[] queries =
[
    new() { Jurisdiction = "NJ", Conditions = ["opioid use disorder"], AsOf = asOf, Age = 42 },
    new() { Jurisdiction = "TX", Conditions = ["chronic pain"], AsOf = asOf, Age = 55 },
    new() { Jurisdiction = "ID", Conditions = ["opioid-use-disorder"], AsOf = asOf, Age = 30 },
    new() { Jurisdiction = "PA", Conditions = ["chronic pain"], AsOf = asOf, Age = 17 },
];

Console.WriteLine($"Eligibility sample (data {engine.DataVersion[..12]}). Not legal advice.");
foreach (var query in queries)
{
    var decision = engine.Evaluate(query);
    Console.WriteLine();
    Console.WriteLine($"{decision.Jurisdiction} {string.Join(", ", query.Conditions)} (age {query.Age}, as of {decision.AsOf:yyyy-MM-dd}): {Kebab(decision.Outcome)}");
    foreach (var condition in decision.Conditions)
    {
        var scope = condition.ProductScope is null ? "" : $" [{condition.ProductScope}]";
        Console.WriteLine($"  {condition.Condition}: {Kebab(condition.Outcome)} ({Kebab(condition.Basis)}){scope} {condition.Citation}");
        foreach (var requirement in condition.Requirements)
        {
            Console.WriteLine($"    needs: {requirement}");
        }
    }

    foreach (var requirement in decision.Requirements)
    {
        Console.WriteLine($"  requirement: {requirement.Text}");
    }
}

// The JSON contract's kebab-case name of an enum value ("qualifies-with-requirements").
static string Kebab<T>(T value) where T : struct, Enum =>
    System.Text.Json.JsonSerializer.Serialize(value, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)EligibilityJsonContext.Default.GetTypeInfo(typeof(T))!).Trim('"');
