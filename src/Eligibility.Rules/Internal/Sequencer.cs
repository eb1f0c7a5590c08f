namespace Eligibility.Rules.Internal;

/// <summary>A process-wide creation counter: NRules collections do not promise insertion order, creation order does.</summary>
internal static class Sequencer
{
    private static long _next;

    public static long Next() => Interlocked.Increment(ref _next);
}
