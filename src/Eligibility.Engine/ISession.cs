namespace Eligibility.Engine;

/// <summary>
/// One evaluation: a private working memory and agenda over a shared <see cref="RuleSet"/>. Insert the input facts,
/// call <see cref="Fire"/>, read the results. Facts are never updated or retracted: derived facts are inserted.
/// </summary>
/// <threadsafety instance="false"/>
public interface ISession
{
    /// <summary>Every fact in working memory, in insertion order.</summary>
    IReadOnlyList<FactRecord> Facts { get; }

    /// <summary>Every firing, in order (empty when tracing is off).</summary>
    IReadOnlyList<Firing> Firings { get; }

    /// <summary>After <see cref="Fire"/> in explain mode: for each rule that never fired, its closest near-miss.</summary>
    IReadOnlyList<NearMiss> NearMisses { get; }

    /// <summary>Inserts a fact from the caller.</summary>
    /// <param name="fact">The fact; any reference type.</param>
    void Insert(object fact);

    /// <summary>Runs the rules to quiescence: fires the best activation, re-matches the rules the inserted facts can affect, repeats until nothing is left to fire.</summary>
    /// <param name="cancellationToken">Stops the run between firings.</param>
    /// <returns>The number of firings.</returns>
    /// <exception cref="RuleExecutionException">The firing limit was reached, or a condition or action threw; the message names the rule.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    int Fire(CancellationToken cancellationToken = default);

    /// <summary>The facts of a type (including derived types), in insertion order.</summary>
    /// <typeparam name="T">The fact type.</typeparam>
    /// <returns>The facts.</returns>
    IEnumerable<T> Query<T>()
        where T : class;

    /// <summary>The record of a fact (its id and the firing that inserted it), or <see langword="null"/> if it is not in this session.</summary>
    /// <param name="fact">The fact, by reference.</param>
    /// <returns>The record or null.</returns>
    FactRecord? Find(object fact);
}
