namespace Eligibility.Internal;

/// <summary>The message for a jurisdiction that names none: what to send, and the closest ones. It never repeats the text sent.</summary>
internal static class UnknownJurisdiction
{
    public static string Message(LawSnapshot snapshot, string jurisdiction)
    {
        var suggestions = snapshot.Library.Suggest(jurisdiction);
        var didYouMean = suggestions.Count == 0 ? "" : $" Did you mean {string.Join(" or ", suggestions.Select(j => $"{j.Code} ({j.Name})"))}?";
        return $"Unknown jurisdiction: no jurisdiction has that code or name.{didYouMean} Send a USPS code such as NY, NJ or PR, or a name such as New York; loaded: {snapshot.LoadedCodes}.";
    }
}
