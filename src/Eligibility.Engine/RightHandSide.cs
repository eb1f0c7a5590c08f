using Eligibility.Engine.Internal;

namespace Eligibility.Engine;

/// <summary>
/// The action of a rule. Actions insert new facts (forward chaining); every inserted type is declared here so the
/// compiler can check what rules consume and produce.
/// </summary>
public sealed class RightHandSide
{
    internal List<Func<Match, IEnumerable<object>>> Actions { get; } = [];

    internal List<Type> Produces { get; } = [];

    internal RightHandSide()
    {
    }

    /// <summary>Inserts one fact built from the match. Returning <see langword="null"/> inserts nothing.</summary>
    /// <typeparam name="T">The type of the inserted fact.</typeparam>
    /// <param name="create">Builds the fact from the matched facts.</param>
    /// <returns>This right-hand side.</returns>
    public RightHandSide Insert<T>(Func<Match, T?> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        Produces.Add(typeof(T));
        Actions.Add(m => create(m) is { } fact ? [fact] : []);
        return this;
    }

    /// <summary>Inserts any number of facts built from the match.</summary>
    /// <typeparam name="T">The type of the inserted facts.</typeparam>
    /// <param name="create">Builds the facts from the matched facts.</param>
    /// <returns>This right-hand side.</returns>
    public RightHandSide InsertAll<T>(Func<Match, IEnumerable<T>> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        Produces.Add(typeof(T));
        Actions.Add(m => create(m));
        return this;
    }
}
