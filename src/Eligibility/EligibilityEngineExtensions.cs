namespace Eligibility;

/// <summary>Helpers over <see cref="IEligibilityEngine"/> that need nothing but its public members.</summary>
public static class EligibilityEngineExtensions
{
    /// <summary>
    /// Decides one query in every loaded jurisdiction: the query's conditions and patient facts (age, visitor,
    /// medications, attested qualifiers, duration) with each jurisdiction in turn. This is
    /// <see cref="IEligibilityEngine.Scan"/> for a patient, e.g. to map where a 17-year-old visitor would qualify.
    /// </summary>
    /// <remarks>
    /// <paramref name="template"/>'s <see cref="EligibilityQuery.Jurisdiction"/> is ignored (send any text, e.g. an
    /// empty string). A template with one condition and no patient facts is answered by
    /// <see cref="IEligibilityEngine.Scan"/> itself, in one reading of the law. Otherwise each jurisdiction is an
    /// <see cref="IEligibilityEngine.Evaluate"/> on the same day (a null <see cref="EligibilityQuery.AsOf"/> is fixed to
    /// the first answer's day), so a reload that lands during the call may answer the later jurisdictions from the new law.
    /// </remarks>
    /// <param name="engine">The engine.</param>
    /// <param name="template">The query to ask everywhere.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    /// <returns>One decision per jurisdiction, ordered by code.</returns>
    /// <exception cref="ArgumentException">The template is malformed (no conditions, an impossible age, ...); the message says what to send.</exception>
    public static IReadOnlyList<EligibilityDecision> Scan(this IEligibilityEngine engine, EligibilityQuery template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(template);
        if (template.Conditions is { Count: 1 } && IsConditionOnly(template))
        {
            return engine.Scan(template.Conditions[0], template.AsOf, cancellationToken);
        }

        var jurisdictions = engine.Jurisdictions;
        var decisions = new EligibilityDecision[jurisdictions.Count];
        var asOf = template.AsOf;
        for (var i = 0; i < decisions.Length; i++)
        {
            decisions[i] = engine.Evaluate(template with { Jurisdiction = jurisdictions[i].Code, AsOf = asOf }, cancellationToken);
            asOf = decisions[i].AsOf;
        }

        return decisions;
    }

    private static bool IsConditionOnly(EligibilityQuery q) =>
        q.Age is null && !q.Visitor && q.Medications.Count == 0 && q.Attested.Count == 0 && q.DurationMonths is null && !q.Explain;
}
