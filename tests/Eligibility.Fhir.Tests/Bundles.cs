using Eligibility.Fhir;
using Hl7.Fhir.Model;

namespace Eligibility.Fhir.Tests;

/// <summary>The synthetic test bundles in TestAssets.</summary>
internal static class Bundles
{
    /// <summary>The as-of date most tests read the law on.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 22);

    public static string Json(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestAssets", name + ".json"));

    public static Bundle Load(string name) => FhirJson.ParseBundle(Json(name));
}
