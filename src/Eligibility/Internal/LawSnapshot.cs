using Eligibility.Data;

namespace Eligibility.Internal;

/// <summary>
/// The law an engine answers from, with everything derived from it, as one immutable object. The engine holds one
/// behind a volatile reference and replaces it whole on reload; a query reads the reference once.
/// </summary>
internal sealed class LawSnapshot
{
    public LawSnapshot(LawLibrary library)
    {
        Library = library;
        LoadedCodes = string.Join(", ", library.Jurisdictions.Select(j => j.Code));
    }

    /// <summary>The validated law.</summary>
    public LawLibrary Library { get; }

    /// <summary>The loaded codes, for "unknown jurisdiction" messages.</summary>
    public string LoadedCodes { get; }
}

/// <summary>Where an engine's law comes from: the embedded data, a directory, or (tests and benchmarks) a library already built. Loading validates everything.</summary>
internal sealed class LawSource
{
    private readonly LawLibrary? _built;

    private LawSource(string? directory, LawLibrary? built = null)
    {
        Directory = directory;
        _built = built;
    }

    /// <summary>The data directory, or null for the embedded data.</summary>
    public string? Directory { get; }

    public static LawSource Embedded { get; } = new(null);

    public static LawSource FromOptions(EligibilityOptions options) =>
        options.DataDirectory is null ? Embedded : new LawSource(options.DataDirectory) { AllowJurisdictionRemoval = options.AllowJurisdictionRemoval };

    /// <summary>Whether a reload may drop a jurisdiction that is loaded now (<see cref="EligibilityOptions.AllowJurisdictionRemoval"/>).</summary>
    public bool AllowJurisdictionRemoval { get; private init; }

    /// <summary>A source that always yields one library already built and validated (reloading it is a no-op).</summary>
    public static LawSource FromLibrary(LawLibrary library) => new(null, library);

    /// <summary>Loads and validates the law.</summary>
    /// <exception cref="LawDataException">The data is invalid.</exception>
    public LawLibrary Load() => _built ?? (Directory is null ? LawLibrary.LoadEmbedded() : LawLibrary.LoadDirectory(Directory));
}
