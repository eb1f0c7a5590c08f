using Eligibility.Data;

namespace Eligibility.Internal;

/// <summary>
/// Checks a reload before it is used: new law that lacks a jurisdiction the engine answers for now (a deleted or
/// renamed file, a half-finished copy) is refused unless removals are allowed, so queries for that jurisdiction
/// never start failing because a file went missing.
/// </summary>
internal static class ReloadGuard
{
    /// <summary>One problem per jurisdiction the old law has and the new law lacks; empty when none is lost or removals are allowed.</summary>
    public static IReadOnlyList<LawDataProblem> LostJurisdictions(LawLibrary old, LawLibrary replacement, LawSource source)
    {
        if (source.AllowJurisdictionRemoval)
        {
            return [];
        }

        List<LawDataProblem>? problems = null;
        foreach (var law in old.Jurisdictions)
        {
            if (replacement.Find(law.Code) is null)
            {
                (problems ??= []).Add(new LawDataProblem(
                    source.Directory ?? "(embedded data)",
                    "$",
                    0,
                    $"{law.Code} ({law.Name}) is loaded now but missing from the new data, so the old law keeps answering; restore its file, or set EligibilityOptions.AllowJurisdictionRemoval to remove a jurisdiction."));
            }
        }

        return problems ?? (IReadOnlyList<LawDataProblem>)[];
    }
}
