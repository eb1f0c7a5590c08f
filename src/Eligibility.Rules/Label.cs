namespace Eligibility.Rules;

/// <summary>
/// Carries a human label with a rule condition. NRules conditions are expression trees, so the label rides inside the
/// expression as this call; explain mode reads it back from the condition that failed
/// ("the law lists the condition on the as-of date"). It costs one call and changes nothing.
/// </summary>
/// <example><code>.Match(() => claim, c => Label.Is("the condition was recognised", c.ConditionId != null))</code></example>
public static class Label
{
    /// <summary>Returns <paramref name="condition"/>; <paramref name="label"/> names it for explanations.</summary>
    /// <param name="label">What the condition checks, in plain words (a constant string).</param>
    /// <param name="condition">The condition.</param>
    /// <returns><paramref name="condition"/>.</returns>
    public static bool Is(string label, bool condition) => condition;
}
