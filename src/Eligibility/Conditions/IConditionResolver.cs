namespace Eligibility;

/// <summary>Maps free text or ICD-10-CM codes to canonical condition ids.</summary>
public interface IConditionResolver
{
    /// <summary>Resolves input that names one condition (a term, an abbreviation, a lay phrase, an id or a code).</summary>
    /// <param name="input">Free text or a code.</param>
    /// <returns>The single best resolution; <see cref="MatchKind.None"/> with suggestions when nothing matched.</returns>
    ConditionResolution Resolve(string input);

    /// <summary>Resolves input that may name several conditions ("OUD and chronic back pain", "PTSD, anxiety; insomnia").</summary>
    /// <param name="input">Free text, codes, or a mix separated by commas, semicolons or conjunctions.</param>
    /// <returns>One resolution per condition mention, in input order; parts that matched nothing are reported as <see cref="MatchKind.None"/>.</returns>
    IReadOnlyList<ConditionResolution> ResolveAll(string input);
}
