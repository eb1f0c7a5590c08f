using System.Security.Cryptography;
using System.Text;
using Eligibility.Data.Internal;
using Eligibility.Law;

namespace Eligibility.Data;

/// <summary>
/// Every loaded jurisdiction's law, validated as a whole and immutable: either every file loaded or the library was
/// not built. Load it from the embedded data (<see cref="LoadEmbedded"/>) or a directory (<see cref="LoadDirectory"/>).
/// </summary>
/// <remarks>
/// <para>
/// The loader treats data as untrusted input. Anything wrong with it, including hostile or broken files, is reported
/// as a <see cref="LawDataException"/> whose problems name the file, the JSON path and the line (line 0 only for a
/// problem of the whole file or directory, such as an empty or over-sized file); no other exception escapes, and
/// nothing half-loaded is returned. The limits:
/// </para>
/// <list type="bullet">
/// <item><description>at most <see cref="MaxFiles"/> (200) data files in a directory;</description></item>
/// <item><description>at most <see cref="MaxFileBytes"/> (2 MiB) a file; an empty file is an error;</description></item>
/// <item><description>objects and arrays nested at most <see cref="MaxDepth"/> (16) levels (the format needs 4);</description></item>
/// <item><description>at most <see cref="MaxArrayItems"/> (1,000) items in any one array;</description></item>
/// <item><description>texts of 1 to 4,000 characters (names 2 to 80, summaries up to 2,000, URLs up to 1,000) with no control characters;</description></item>
/// <item><description>valid UTF-8 (a leading byte-order mark is allowed), no comments, no trailing commas, no duplicate or unknown properties.</description></item>
/// </list>
/// </remarks>
/// <threadsafety instance="true"/>
public sealed class LawLibrary
{
    /// <summary>Most files a data directory may hold.</summary>
    public const int MaxFiles = 200;

    /// <summary>Largest data file accepted, in bytes (2 MiB); the biggest real file is about 56 KB.</summary>
    public const int MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>Deepest nesting of JSON objects and arrays accepted; the format nests 4 levels deep.</summary>
    public const int MaxDepth = 16;

    /// <summary>Most items any one array of a file may hold (conditions, periods, qualifiers, sources, steps).</summary>
    public const int MaxArrayItems = 1000;

    private readonly JurisdictionNames _names;

    private LawLibrary(IEnumerable<JurisdictionLaw> laws)
    {
        Jurisdictions = [.. laws.OrderBy(l => l.Code, StringComparer.Ordinal)];
        _names = new JurisdictionNames(Jurisdictions);
        var all = string.Join("\n", Jurisdictions.Select(l => $"{l.Code}:{l.DataVersion}"));
        DataVersion = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..16];
    }

    /// <summary>The jurisdictions, ordered by code.</summary>
    public IReadOnlyList<JurisdictionLaw> Jurisdictions { get; }

    /// <summary>Content hash of all the law loaded.</summary>
    public string DataVersion { get; }

    /// <summary>
    /// The law of a jurisdiction as people write it, or null: the USPS code, the name, or a common written form, in
    /// any case, punctuation and spacing ignored ("NY", "ny", "N.Y.", "New York", "new york", "Puerto Rico", "D.C.",
    /// "Washington, DC", "Calif.").
    /// </summary>
    /// <param name="jurisdiction">The code, name or written form.</param>
    /// <returns>The law or null.</returns>
    public JurisdictionLaw? Find(string jurisdiction) => _names.Find(jurisdiction);

    /// <summary>
    /// For a text that names no jurisdiction (see <see cref="Find"/>), the closest ones, closest first: at most three,
    /// possibly none. For "did you mean" messages.
    /// </summary>
    /// <param name="jurisdiction">The text that <see cref="Find"/> did not recognize.</param>
    /// <returns>Up to three jurisdictions.</returns>
    public IReadOnlyList<JurisdictionLaw> Suggest(string jurisdiction) => _names.Suggest(jurisdiction);

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

    /// <summary>
    /// Loads every <c>*.json</c> file of a directory except <c>schema.json</c>. Sub-directories are never read. Each
    /// entry must be a regular file (a symbolic link is followed to one); a <c>*.json</c> entry that is a directory, a
    /// link that loops or points nowhere, a device or pipe, an empty file or one over the size limit is a problem.
    /// </summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The library.</returns>
    /// <exception cref="LawDataException">A file is invalid, unreadable, or the directory is missing or has no data; every problem is listed.</exception>
    public static LawLibrary LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new LawDataException([new LawDataProblem(directory, "$", 0, DescribeMissing(directory))]);
        }

        var entries = new List<FileSystemInfo>();
        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = FileAttributes.None, IgnoreInaccessible = false };
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*.json", options))
            {
                if (string.Equals(entry.Name, "schema.json", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                entries.Add(entry);
                if (entries.Count > MaxFiles)
                {
                    // Stop enumerating: a directory of a million files must fail fast, not after listing them all.
                    throw new LawDataException([new LawDataProblem(directory, "$", 0, $"more than {MaxFiles} data files; a data directory holds one file per jurisdiction")]);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new LawDataException([new LawDataProblem(directory, "$", 0, $"the directory cannot be read: {e.Message}")]);
        }

        var problems = new List<LawDataProblem>();
        var files = new List<(string Name, byte[] Bytes)>();
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            try
            {
                if (ReadDataFile(entry, out var problem) is { } bytes)
                {
                    files.Add((entry.Name, bytes));
                }
                else
                {
                    problems.Add(new LawDataProblem(entry.Name, "$", 0, problem!));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problems.Add(new LawDataProblem(entry.Name, "$", 0, $"the file cannot be read: {e.Message}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new LawDataException(problems);
        }

        return Build(files);
    }

    /// <summary>Reads one entry, or says why it is not a data file. Never reads more than the size limit allows.</summary>
    private static byte[]? ReadDataFile(FileSystemInfo entry, out string? problem)
    {
        problem = null;
        if (entry.LinkTarget is not null)
        {
            FileSystemInfo? target;
            try
            {
                target = entry.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException e)
            {
                problem = $"the file is a symbolic link that cannot be resolved (a loop?): {e.Message}";
                return null;
            }

            if (target is null || !target.Exists)
            {
                problem = $"the file is a symbolic link to a missing target '{entry.LinkTarget}'";
                return null;
            }
        }

        if (entry is DirectoryInfo || (entry.Attributes & FileAttributes.Directory) != 0)
        {
            problem = "a directory, not a data file; a data directory holds one regular file per jurisdiction";
            return null;
        }

        var info = new FileInfo(entry.FullName);
        if (info.Length > MaxFileBytes)
        {
            problem = $"the file is {info.Length} bytes; the limit is {MaxFileBytes}";
            return null;
        }

        if (info.Length == 0)
        {
            // Also what a pipe or a device (/dev/zero) reports: never open those, a read could block or never end.
            problem = "the file is empty (or not a regular file); expected a JSON object (see data/states/schema.json)";
            return null;
        }

        // Read at most one byte over the limit, so a file that grows after the size check cannot exhaust memory.
        using var stream = new FileStream(entry.FullName, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite | FileShare.Delete });
        using var bytes = new MemoryStream((int)info.Length);
        var chunk = new byte[81920];
        while (bytes.Length <= MaxFileBytes && stream.Read(chunk, 0, (int)Math.Min(chunk.Length, MaxFileBytes + 1 - bytes.Length)) is var n and > 0)
        {
            bytes.Write(chunk, 0, n);
        }

        return bytes.ToArray();
    }

    private static string DescribeMissing(string directory)
    {
        try
        {
            var info = new DirectoryInfo(directory);
            if (info.LinkTarget is not null)
            {
                return $"the data directory is a symbolic link that cannot be resolved (a loop or a missing target: '{info.LinkTarget}')";
            }

            if (File.Exists(directory))
            {
                return "the data directory is a file; expected a directory of jurisdiction files";
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return $"the data directory cannot be read: {e.Message}";
        }

        return "the data directory does not exist";
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
                problems.Add(new LawDataProblem(name, "$.code", LawFileReader.LineOf(bytes, "$.code"), $"jurisdiction {law.Code} is already defined by {other}"));
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
