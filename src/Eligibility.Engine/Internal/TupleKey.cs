namespace Eligibility.Engine.Internal;

/// <summary>Identity of an activation (rule + fact ids), for refraction: a rule fires at most once per tuple.</summary>
internal readonly struct TupleKey : IEquatable<TupleKey>
{
    private readonly int _rule;
    private readonly int[] _ids;
    private readonly int _hash;

    private TupleKey(int rule, int[] ids)
    {
        _rule = rule;
        _ids = ids;
        var hash = new HashCode();
        hash.Add(rule);
        foreach (var id in ids)
        {
            hash.Add(id);
        }

        _hash = hash.ToHashCode();
    }

    public static TupleKey From(int rule, FactRecord[] records)
    {
        var ids = new int[records.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = records[i].Id;
        }

        return new TupleKey(rule, ids);
    }

    public bool Equals(TupleKey other) => _rule == other._rule && _ids.AsSpan().SequenceEqual(other._ids);

    public override bool Equals(object? obj) => obj is TupleKey other && Equals(other);

    public override int GetHashCode() => _hash;
}
