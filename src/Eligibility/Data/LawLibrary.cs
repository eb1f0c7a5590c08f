using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Eligibility.Data.Internal;
using Eligibility.Law;

namespace Eligibility.Data;

/// <summary>
/// Every loaded jurisdiction's law, validated as a whole and immutable: either every file loaded or the library was
/// not built. Load it from the embedded data (<see cref="LoadEmbedded"/>) or a directory (<see cref="LoadDirectory"/>).
/// </summary>
/// <threadsafety instance="true"/>
public sealed class LawLibrary
{
    /// <summary>Most files a data directory may hold.</summary>
    public const int MaxFiles = 200;

    private readonly FrozenDictionary<string, JurisdictionLaw> _byCode;

    private LawLibrary(IEnumerable<JurisdictionLaw> laws)
    {
        Jurisdictions = [.. laws.OrderBy(l => l.Code, StringComparer.Ordinal)];
        _byCode = Jurisdictions.ToFrozenDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);
        var all = string.Join("\n", Jurisdictions.Select(l => $"{l.Code}:{l.DataVersion}"));
        DataVersion = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..16];
    }

    /// <summary>The jurisdictions, ordered by code.</summary>
    public IReadOnlyList<JurisdictionLaw> Jurisdictions { get; }

    /// <summary>Content hash of all the law loaded.</summary>
    public string DataVersion { get; }

    /// <summary>The law of a jurisdiction by USPS code (any case, surrounding spaces ignored), or null.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The law or null.</returns>
    public JurisdictionLaw? Find(string code) =>
        code is null ? null : _byCode.GetValueOrDefault(code.Trim());

    /// <summary>Loads the law data embedded in this assembly.</summary>
    /// <returns>The library.</returns>
    /// <exception cref="LawDataException">The embedded data is invalid (a build problem).</exception>
    public static LawLibrary LoadEmbedded()
    {
        var assembly = typeof(LawLibrary).Assembly;
        const string prefix = "Eligibility.Data.states.";
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                return (Name: n[prefix.Length..], Bytes: buffer.ToArray());
            });
        return Build(files);
    }

    /// <summary>Loads every <c>*.json</c> file of a directory except <c>schema.json</c>.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The library.</returns>
    /// <exception cref="LawDataException">A file is invalid, unreadable, or the directory is missing or has no data; every problem is listed.</exception>
    public static LawLibrary LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new LawDataException([new LawDataProblem(directory, "$", 0, "the data directory does not exist")]);
        }

        string[] paths;
        try
        {
            paths = [.. new DirectoryInfo(directory)
                .EnumerateFiles("*.json", new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = FileAttributes.None })
                .Where(f => !string.Equals(f.Name, "schema.json", StringComparison.OrdinalIgnoreCase))
                .Select(f => f.FullName)
                .Order(StringComparer.Ordinal)
                .Take(MaxFiles + 1)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LawDataException([new LawDataProblem(directory, "$", 0, $"the directory cannot be read: {e.Message}")]);
        }

        if (paths.Length > MaxFiles)
        {
            throw new LawDataException([new LawDataProblem(directory, "$", 0, $"more than {MaxFiles} data files; a data directory holds one file per jurisdiction")]);
        }

        var problems = new List<LawDataProblem>();
        var files = new List<(string Name, byte[] Bytes)>();
        foreach (var path in paths)
        {
            try
            {
                var info = new FileInfo(path);
                if (info.Length > LawFileReader.MaxFileBytes)
                {
                    problems.Add(new LawDataProblem(info.Name, "$", 0, $"the file is {info.Length} bytes; the limit is {LawFileReader.MaxFileBytes}"));
                    continue;
                }

                files.Add((Path.GetFileName(path), File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new LawDataProblem(Path.GetFileName(path), "$", 0, $"the file cannot be read: {e.Message}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new LawDataException(problems);
        }

        return Build(files);
    }

    /// <summary>Builds a library from named file contents (for tests and custom stores).</summary>
    /// <param name="files">File name (e.g. <c>ny.json</c>) and UTF-8 bytes.</param>
    /// <returns>The library.</returns>
    /// <exception cref="LawDataException">Any file is invalid; every problem is listed.</exception>
    public static LawLibrary Build(IEnumerable<(string Name, byte[] Bytes)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<LawDataProblem>();
        var laws = new List<JurisdictionLaw>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var catalog = ConditionCatalog.Default;
        foreach (var (name, bytes) in files)
        {
            var stem = Path.GetFileNameWithoutExtension(name);
            var law = LawFileReader.Read(name, bytes, stem.ToUpperInvariant(), catalog.Contains, problems);
            if (law is null)
            {
                continue;
            }

            if (seen.TryGetValue(law.Code, out var other))
            {
                problems.Add(new LawDataProblem(name, "$.code", 0, $"jurisdiction {law.Code} is already defined by {other}"));
                continue;
            }

            seen[law.Code] = name;
            laws.Add(law);
        }

        if (problems.Count > 0)
        {
            throw new LawDataException(problems);
        }

        if (laws.Count == 0)
        {
            throw new LawDataException([new LawDataProblem("(data)", "$", 0, "no jurisdiction files were found")]);
        }

        return new LawLibrary(laws);
    }
}
