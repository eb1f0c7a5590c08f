namespace Eligibility.Data;

/// <summary>
/// Law data failed to load: a file is malformed or inconsistent. The one exception the loader throws for bad data;
/// nothing half-loaded is ever used. Each problem names the file, the JSON path and the line.
/// </summary>
public sealed class LawDataException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">The problems, at least one.</param>
    public LawDataException(IReadOnlyList<LawDataProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<LawDataProblem> Problems { get; }

    private static string Describe(IReadOnlyList<LawDataProblem> problems)
    {
        if (problems.Count == 0)
        {
            return "Law data could not be loaded.";
        }

        var first = problems[0].ToString();
        return problems.Count == 1 ? first : $"{first} (and {problems.Count - 1} more problem(s))";
    }
}

/// <summary>One problem in a law data file.</summary>
/// <param name="File">The file name (or resource name).</param>
/// <param name="Path">JSON path, e.g. <c>$.conditions[3].from</c>.</param>
/// <param name="Line">1-based line, or 0 when not known.</param>
/// <param name="Message">What was wrong and what was expected.</param>
public sealed record LawDataProblem(string File, string Path, long Line, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Path}: {Message}" : $"{File}: {Path}: {Message}";
}
