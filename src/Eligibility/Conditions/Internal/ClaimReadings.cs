using System.Runtime.CompilerServices;

namespace Eligibility.Conditions.Internal;

/// <summary>
/// Remembers how each claim's input was read, from the engine's resolution to the decision builder, without widening
/// the rules' fact types. Entries live as long as their claim.
/// </summary>
internal static class ClaimReadings
{
    private static readonly ConditionalWeakTable<object, ConditionReading> Readings = [];

    /// <summary>Records the reading of a claim and returns the claim.</summary>
    /// <typeparam name="T">The claim type.</typeparam>
    /// <param name="claim">The claim.</param>
    /// <param name="resolution">How its input was resolved.</param>
    /// <returns>The same claim.</returns>
    public static T Remember<T>(T claim, ConditionResolution resolution)
        where T : class
    {
        Readings.AddOrUpdate(claim, ConditionReading.From(resolution));
        return claim;
    }

    /// <summary>The reading recorded for a claim, or <see langword="null"/>.</summary>
    /// <param name="claim">The claim.</param>
    /// <returns>The reading.</returns>
    public static ConditionReading? Of(object claim) => Readings.TryGetValue(claim, out var reading) ? reading : null;
}
