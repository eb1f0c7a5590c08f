using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Eligibility.Data;
using Eligibility.Tests.TestAssets;
using Xunit.Abstractions;

namespace Eligibility.Tests.Data;

/// <summary>
/// Seeded fuzzing of the loader: every mutated file either loads completely or fails with a
/// <see cref="LawDataException"/> whose problems name the file, a JSON path and a line; never another exception,
/// never a hang, never a half-loaded library. Each case has its own seed, so a failure names the case to replay.
/// </summary>
public class LawFileFuzzTests(ITestOutputHelper output)
{
    /// <summary>Cases per group; <see cref="Groups"/> groups of this size make 10,000 cases.</summary>
    private const int CasesPerGroup = 2_500;

    private const int Groups = 4;

    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    private static readonly Lazy<Seed[]> Seeds = new(LoadSeeds);

    public static TheoryData<int> GroupNumbers() => [.. Enumerable.Range(0, Groups)];

    /// <summary>Cases of the quick run in the default <c>dotnet test</c> (the first cases of group 0).</summary>
    private const int QuickCases = 200;

    [Theory]
    [MemberData(nameof(GroupNumbers))]
    [Trait("Category", "Stress")]
    public void Build_MutatedFiles_LoadOrFailWithLawDataExceptionNamingFilePathAndLine(int group) => MutatedFilesLoadOrFail(group * CasesPerGroup, CasesPerGroup);

    [Fact]
    public void Build_MutatedFiles_Quick_LoadOrFailWithLawDataExceptionNamingFilePathAndLine() => MutatedFilesLoadOrFail(0, QuickCases);

    private void MutatedFilesLoadOrFail(int first, int count)
    {
        var failures = new List<string>();
        var loaded = 0;
        var rejected = 0;
        var clock = Stopwatch.StartNew();
        for (var i = first; i < first + count; i++)
        {
            var random = new Random(7_000_000 + i);
            var seed = Seeds.Value[random.Next(Seeds.Value.Length)];
            var (bytes, mutations) = Mutate(seed, random);
            var companion = i % 5 == 0 ? Seeds.Value[0] : null; // one good file beside it: all or nothing
            var outcome = RunCase(seed.Name, bytes, companion);
            switch (outcome)
            {
                case null:
                    loaded++;
                    break;
                case "":
                    rejected++;
                    break;
                default:
                    failures.Add($"case {i} ({seed.Name}; {string.Join(", ", mutations)}): {outcome}");
                    break;
            }
        }

        output.WriteLine($"cases {first}..{first + count - 1}: {loaded} loaded, {rejected} rejected, {failures.Count} failures, {clock.ElapsedMilliseconds} ms");
        failures.Should().BeEmpty();
        (loaded + rejected).Should().Be(count);
        rejected.Should().BeGreaterThan(count / 2, "most mutations must be caught");
    }

    private const string FromLine = "\"from\": \"2019-01-01\",\n      \"until\": null";

    private static readonly Lazy<Dictionary<string, byte[]>> HandPicked = new(HandPickedFiles);

    /// <summary>Files that must load: hostile-looking but valid.</summary>
    private static readonly string[] MustLoad = ["bom only+minimal", "year 9999 until"];

    public static TheoryData<string> HandPickedNames() => [.. HandPickedFiles().Keys];

    private static Dictionary<string, byte[]> HandPickedFiles()
    {
        var minimal = Encoding.UTF8.GetString(DataFiles.Bytes(DataFiles.Minimal()));
        byte[] Text(string s) => Encoding.UTF8.GetBytes(s);
        byte[] Replace(string from, string to) => minimal.Contains(from, StringComparison.Ordinal)
            ? Text(minimal.Replace(from, to, StringComparison.Ordinal))
            : throw new InvalidOperationException($"the minimal file has no '{from}'");
        return new Dictionary<string, byte[]>
        {
            { "bom only+minimal", [0xEF, 0xBB, 0xBF, .. DataFiles.Bytes(DataFiles.Minimal())] },
            { "empty", [] },
            { "whitespace", Text("  \n\t ") },
            { "bom only", [0xEF, 0xBB, 0xBF] },
            { "two boms", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. DataFiles.Bytes(DataFiles.Minimal())] },
            { "utf-16 bom", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(minimal)] },
            { "empty object", Text("{}") },
            { "number", Text("1e400") },
            { "string", Text("\"zz\"") },
            { "deep arrays", Text(new string('[', 1000) + new string(']', 1000)) },
            { "deep objects", Text(string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000)) },
            { "deep in a value", Replace("\"Testland\"", new string('[', 1000) + new string(']', 1000)) },
            { "unclosed deep", Text(new string('[', 1000)) },
            { "huge number", Replace("\"formatVersion\": 1", "\"formatVersion\": 1" + new string('0', 10_000)) },
            { "huge exponent", Replace("\"formatVersion\": 1", "\"formatVersion\": 1e999999") },
            { "fraction", Replace("\"formatVersion\": 1", "\"formatVersion\": 1.0") },
            { "negative zero", Replace("\"formatVersion\": 1", "\"formatVersion\": -0") },
            { "age too big", Replace("\"age\": 18", "\"age\": 99999999999999999999") },
            { "1 MB name", Replace("\"Testland\"", "\"" + new string('x', 1 << 20) + "\"") },
            { "1 MB condition id", Replace("\"chronic-pain\"", "\"" + string.Concat(Enumerable.Repeat("a-", 1 << 19)) + "a\"") },
            { "1 MB url", Replace("\"https://example.test/law\"", "\"https://" + new string('a', 1 << 20) + "\"") },
            { "1 MB date", Replace("\"2019-01-01\"", "\"" + new string('9', 1 << 20) + "\"") },
            { "1 MB escapes", Replace("\"Testland\"", "\"" + string.Concat(Enumerable.Repeat("\\u00e9", 1 << 18)) + "\"") },
            { "3 MB file", Replace("\"Testland\"", "\"" + new string('x', 3 << 20) + "\"") },
            { "invalid utf-8 in string", [.. Text(minimal[..minimal.IndexOf("Testland", StringComparison.Ordinal)]), 0xC3, 0x28, .. Text(minimal[minimal.IndexOf("Testland", StringComparison.Ordinal)..])] },
            { "invalid utf-8 in property name", [.. Text(minimal[..minimal.IndexOf("name", StringComparison.Ordinal)]), 0xFF, .. Text(minimal[minimal.IndexOf("name", StringComparison.Ordinal)..])] },
            { "utf-8 surrogate", [.. Text(minimal[..minimal.IndexOf("Testland", StringComparison.Ordinal)]), 0xED, 0xA0, 0x80, .. Text(minimal[minimal.IndexOf("Testland", StringComparison.Ordinal)..])] },
            { "overlong utf-8", [.. Text(minimal[..minimal.IndexOf("Testland", StringComparison.Ordinal)]), 0xC0, 0xAF, .. Text(minimal[minimal.IndexOf("Testland", StringComparison.Ordinal)..])] },
            { "lone surrogate escape", Replace("\"Testland\"", "\"Test\\ud800land\"") },
            { "nul character", Replace("\"Testland\"", "\"Test\\u0000land\"") },
            { "raw control character", Replace("\"Testland\"", "\"Test\u0001land\"") },
            { "null condition", Replace("\"conditions\": [", "\"conditions\": [null,") },
            { "null qualifier", Replace("\"qualifiers\": []", "\"qualifiers\": [null]") },
            { "null source", Replace("\"sources\": [", "\"sources\": [null,") },
            { "null program", Replace("\"programs\": [", "\"programs\": [null,") },
            { "null adult use", Replace("\"adultUse\": [", "\"adultUse\": [null,") },
            { "null discretion", Replace("\"practitionerDiscretion\": [", "\"practitionerDiscretion\": [null,") },
            { "null kratom", Replace("\"kratom\": [", "\"kratom\": [null,") },
            { "null minors requirement", Replace("\"secondPractitionerRequired\": false", "\"secondPractitionerRequired\": false, \"otherRequirements\": [null]") },
            { "null registration step", Replace("\"residency\": {", "\"registration\": { \"steps\": [null], \"citation\": \"c\", \"sourceUrl\": \"https://example.test\", \"retrieved\": \"2026-11-22\", \"confidence\": \"high\" }, \"residency\": {") },
            { "null patients", Replace("\"patients\": {", "\"patients\": null, \"x\": {") },
            { "null conditions", Replace("\"conditions\": [", "\"conditions\": null, \"x\": [") },
            { "duplicate key", Replace("\"name\": \"Testland\",", "\"name\": \"Testland\", \"name\": \"Testland\",") },
            { "duplicate nested key", Replace("\"wording\": \"chronic pain\",", "\"wording\": \"chronic pain\", \"wording\": \"pain\",") },
            { "year 0", Replace("\"2019-01-01\"", "\"0000-01-01\"") },
            { "year 9999 until", Replace(FromLine, "\"from\": \"2019-01-01\",\n      \"until\": \"9999-12-31\"") },
            { "reversed dates", Replace(FromLine, "\"from\": \"2019-01-01\",\n      \"until\": \"2018-01-01\"") },
            { "equal dates", Replace(FromLine, "\"from\": \"2019-01-01\",\n      \"until\": \"2019-01-01\"") },
            { "february 30", Replace("\"2019-01-01\"", "\"2019-02-30\"") },
            { "date with time", Replace("\"2019-01-01\"", "\"2019-01-01T00:00:00Z\"") },
            { "arabic digits", Replace("\"2019-01-01\"", "\"٢٠١٩-٠١-٠١\"") },
            { "comment", Replace("{\n", "{ // comment\n") },
            { "trailing comma", Replace("\"statute\"\n", "\"statute\",\n") },
            { "trailing garbage", [.. DataFiles.Bytes(DataFiles.Minimal()), .. "{}"u8.ToArray()] },
            { "nul bytes", new byte[1000] },
        };
    }

    [Theory]
    [MemberData(nameof(HandPickedNames))]
    public void Build_HandPickedHostileFile_LoadsOrFailsWithLawDataException(string name)
    {
        var bytes = HandPicked.Value[name];
        var expected = MustLoad.Contains(name) ? null : "";

        RunCase("zz.json", bytes, null).Should().Be(expected);
        RunCase("zz.json", bytes, Seeds.Value[1]).Should().Be(expected, "a good file beside it changes nothing");
        try
        {
            LawLibrary.Build([("zz.json", bytes)]);
        }
        catch (LawDataException e)
        {
            output.WriteLine(e.Message.Length > 300 ? e.Message[..300] : e.Message);
        }
    }

    [Fact]
    public void LoadDirectory_MoreThanMaxFiles_FailsWithLawDataException()
    {
        var dir = DataFiles.TempDirectory();
        try
        {
            for (var i = 0; i < 2_000; i++)
            {
                File.Create(Path.Combine(dir, $"f{i:D5}.json")).Dispose();
            }

            var act = () => LawLibrary.LoadDirectory(dir);

            var problem = act.Should().Throw<LawDataException>().Which.Problems.Single();
            problem.Message.Should().Contain($"more than {LawLibrary.MaxFiles}");
            problem.File.Should().Be(dir);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void LoadDirectory_DataDirectoryIsASymlinkToItself_FailsWithLawDataException()
    {
        var parent = DataFiles.TempDirectory();
        try
        {
            var loop = Path.Combine(parent, "loop");
            Directory.CreateSymbolicLink(loop, loop);

            var act = () => LawLibrary.LoadDirectory(loop);

            act.Should().Throw<LawDataException>().Which.Problems.Single().Message.Should().Contain("symbolic link");
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public void LoadDirectory_JsonEntryIsADirectorySymlinkToItsOwnDirectory_FailsWithLawDataException()
    {
        var dir = DataFiles.TempDirectory(("zz.json", DataFiles.Bytes(DataFiles.Minimal())));
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(dir, "loop.json"), dir);

            var act = () => LawLibrary.LoadDirectory(dir);

            var problem = act.Should().Throw<LawDataException>().Which.Problems.Single();
            problem.File.Should().Be("loop.json");
            problem.Message.Should().Contain("directory");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void LoadDirectory_JsonSymlinkToItself_FailsWithLawDataException()
    {
        var dir = DataFiles.TempDirectory(("zz.json", DataFiles.Bytes(DataFiles.Minimal())));
        try
        {
            var loop = Path.Combine(dir, "zy.json");
            File.CreateSymbolicLink(loop, loop);

            var act = () => LawLibrary.LoadDirectory(dir);

            act.Should().Throw<LawDataException>().Which.Problems.Single().File.Should().Be("zy.json");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void LoadDirectory_JsonSymlinkToMissingTarget_FailsWithLawDataException()
    {
        var dir = DataFiles.TempDirectory(("zz.json", DataFiles.Bytes(DataFiles.Minimal())));
        try
        {
            File.CreateSymbolicLink(Path.Combine(dir, "zy.json"), Path.Combine(dir, "missing", "zy.json"));

            var act = () => LawLibrary.LoadDirectory(dir);

            var problem = act.Should().Throw<LawDataException>().Which.Problems.Single();
            problem.File.Should().Be("zy.json");
            problem.Message.Should().Contain("missing");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void LoadDirectory_SubdirectorySymlinkLoop_IsNotFollowed()
    {
        var dir = DataFiles.TempDirectory(("zz.json", DataFiles.Bytes(DataFiles.Minimal())));
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(dir, "loop"), dir);

            LawLibrary.LoadDirectory(dir).Jurisdictions.Should().ContainSingle("sub-directories are never read");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task LoadDirectory_JsonSymlinkToDevZero_FailsWithoutReadingForever()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var dir = DataFiles.TempDirectory(("zz.json", DataFiles.Bytes(DataFiles.Minimal())));
        try
        {
            File.CreateSymbolicLink(Path.Combine(dir, "zy.json"), "/dev/zero");

            var load = Task.Run(() => LawLibrary.LoadDirectory(dir));
            var act = async () => await load.WaitAsync(CaseTimeout);

            (await act.Should().ThrowAsync<LawDataException>()).Which.Problems.Single().File.Should().Be("zy.json");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Runs one case: null when it loaded completely, "" when it failed properly, otherwise what went wrong.</summary>
    private static string? RunCase(string name, byte[] bytes, Seed? companion)
    {
        List<(string Name, byte[] Bytes)> files = [(name, bytes)];
        if (companion is not null && companion.Name != name)
        {
            files.Add((companion.Name, companion.Bytes));
        }

        using var cts = new CancellationTokenSource(CaseTimeout);
        var task = Task.Run(() => LawLibrary.Build(files), cts.Token);
        try
        {
            if (!task.Wait(CaseTimeout))
            {
                return $"no answer within {CaseTimeout.TotalSeconds} s (a hang)";
            }

            var library = task.Result;
            if (library.Jurisdictions.Count != files.Count)
            {
                return $"half-loaded: {library.Jurisdictions.Count} of {files.Count} files";
            }

            if (library.Find(Path.GetFileNameWithoutExtension(name)) is null || string.IsNullOrEmpty(library.DataVersion))
            {
                return "loaded, but the jurisdiction cannot be found by its file name";
            }

            return null;
        }
        catch (AggregateException e) when (e.InnerException is LawDataException data)
        {
            return CheckProblems(data, name, bytes);
        }
        catch (AggregateException e)
        {
            return $"{e.InnerException!.GetType().FullName}: {e.InnerException.Message}";
        }
    }

    private static string CheckProblems(LawDataException e, string name, byte[] bytes)
    {
        if (e.Problems.Count == 0)
        {
            return "LawDataException without problems";
        }

        var lines = bytes.Count(b => b == (byte)'\n') + 1;
        foreach (var p in e.Problems)
        {
            if (p.File != name)
            {
                return $"problem names file '{p.File}', expected '{name}': {p}";
            }

            if (string.IsNullOrEmpty(p.Path) || !p.Path.StartsWith('$'))
            {
                return $"problem has no JSON path: {p}";
            }

            if (p.Line < 0 || p.Line > lines)
            {
                return $"problem line {p.Line} is outside the file's {lines} lines: {p}";
            }

            if (p.Line == 0 && p.Path != "$")
            {
                return $"problem at {p.Path} has no line: {p}";
            }

            if (string.IsNullOrWhiteSpace(p.Message))
            {
                return $"problem has no message: {p}";
            }
        }

        return "";
    }

    private static (byte[] Bytes, List<string> Mutations) Mutate(Seed seed, Random random)
    {
        var mutations = new List<string>();
        var tree = seed.Tree.DeepClone();
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var treeMutations = random.Next(0, 3);
        for (var m = 0; m < treeMutations; m++)
        {
            mutations.Add(MutateTree(ref tree, random, raw));
        }

        var text = tree.ToJsonString(random.Next(2) == 0 ? Indented : Compact);
        foreach (var (marker, value) in raw)
        {
            text = text.Replace($"\"{marker}\"", value, StringComparison.Ordinal);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var byteMutations = treeMutations == 0 ? 1 : random.Next(0, 2);
        for (var m = 0; m < byteMutations; m++)
        {
            mutations.Add(MutateBytes(ref bytes, random));
        }

        return (bytes, mutations);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private static readonly string[] BadDates =
        ["2019-02-30", "2019-13-01", "0000-01-01", "2019-1-1", "", "19-01-01", "2019/01/01", "9999-99-99", "-2019-01-01", "2019-01-01 ", "１９１９-01-01", "2019-00-10"];

    private static string MutateTree(ref JsonNode tree, Random random, Dictionary<string, string> raw)
    {
        var slots = new List<(JsonNode Parent, string? Key, int Index)>();
        Collect(tree, slots);
        if (slots.Count == 0)
        {
            return "none";
        }

        var (parent, key, index) = slots[random.Next(slots.Count)];
        var current = key is not null ? parent[key] : parent[index];
        var at = current?.GetPath() ?? $"{parent.GetPath()}{(key is null ? $"[{index}]" : "." + key)}";
        string Marker(string value)
        {
            var marker = $"@@raw{raw.Count}@@";
            raw[marker] = value;
            return marker;
        }

        void Set(JsonNode? value)
        {
            if (key is not null)
            {
                parent[key] = value;
            }
            else
            {
                parent[index] = value;
            }
        }

        switch (random.Next(17))
        {
            case 0:
                JsonNode?[] others = [JsonValue.Create(random.Next(-5, 200)), JsonValue.Create("text"), JsonValue.Create(random.Next(2) == 0), null, new JsonArray(), new JsonObject(), JsonValue.Create(1.5)];
                Set(others[random.Next(others.Length)]);
                return $"swap type at {at}";
            case 1:
                string[] numbers = ["1e400", "-1e400", "99999999999999999999999999999", "2147483648", "-2147483649", "1" + new string('0', 5000), "0.000000000000000000001", "-0", "1E+2", "NaN", "Infinity"];
                var number = numbers[random.Next(numbers.Length)];
                Set(Marker(number));
                return $"number {number[..Math.Min(number.Length, 12)]} at {at}";
            case 2:
                Set(new string((char)random.Next('a', 'z' + 1), 1 << 20));
                return $"1 MB string at {at}";
            case 3:
                var depth = random.Next(2) == 0 ? 1000 : random.Next(10, 70);
                var open = random.Next(2) == 0 ? "[" : "{\"a\":";
                var close = open == "[" ? "]" : "}";
                Set(Marker(string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth))));
                return $"nesting {depth} at {at}";
            case 4:
                Set(BadDates[random.Next(BadDates.Length)]);
                return $"bad date at {at}";
            case 5:
                return ReverseDates(tree, random);
            case 6:
                if (parent is JsonObject obj && obj.Count > 0)
                {
                    var (name, value) = obj.ElementAt(random.Next(obj.Count));
                    var text = value?.ToJsonString() ?? "null";
                    obj[name] = Marker($"{text}, {JsonSerializer.Serialize(name)}: {text}");
                    return $"duplicate key {name}";
                }

                return "no duplicate";
            case 7:
                if (parent is JsonObject removeFrom && key is not null)
                {
                    removeFrom.Remove(key);
                    return $"remove {key}";
                }

                return "no removal";
            case 8:
                if (parent is JsonObject addTo)
                {
                    addTo[$"unknown{random.Next(100)}"] = 1;
                    return "unknown property";
                }

                return "no addition";
            case 9:
                if (parent is JsonArray array)
                {
                    array.Add(current?.DeepClone());
                    return $"duplicate array item at {array.GetPath()}";
                }

                return "no array";
            case 10:
                if (parent is JsonArray nullable)
                {
                    nullable.Insert(random.Next(nullable.Count + 1), null);
                    return $"null array item in {nullable.GetPath()}";
                }

                Set(null);
                return $"null at {at}";
            case 11:
                if (current is JsonArray emptied)
                {
                    emptied.Clear();
                    return $"empty array {emptied.GetPath()}";
                }

                Set(new JsonArray());
                return "array instead";
            case 12:
                string[] ids = ["heroin-addiction", "Chronic Pain", "", "chronic--pain", "a", "opioid-use-disorder", "x-" + random.Next(1000)];
                var conditions = tree["conditions"] as JsonArray;
                if (conditions is { Count: > 0 } && conditions[random.Next(conditions.Count)] is JsonObject c)
                {
                    c["condition"] = ids[random.Next(ids.Length)];
                    return "condition id";
                }

                return "no conditions";
            case 13:
                string[] qualifiers = ["very-intractable", "intractable", "minimum-duration", "other", "specialist-certification", "INTRACTABLE", ""];
                if (tree["conditions"] is JsonArray { Count: > 0 } list && list[random.Next(list.Count)] is JsonObject q)
                {
                    var item = new JsonObject { ["kind"] = qualifiers[random.Next(qualifiers.Length)] };
                    if (random.Next(2) == 0)
                    {
                        item["months"] = random.Next(-10, 200);
                    }

                    if (random.Next(2) == 0)
                    {
                        item["text"] = random.Next(3) == 0 ? "" : "the law's words";
                    }

                    (q["qualifiers"] as JsonArray ?? (JsonArray)(q["qualifiers"] = new JsonArray())).Add(item);
                    return "qualifier";
                }

                return "no conditions";
            case 14:
                string[] empties = ["", " ", "\u0000", "\t\n"];
                Set(empties[random.Next(empties.Length)]);
                return "blank text";
            case 15:
                if (tree["conditions"] is JsonArray { Count: > 0 } overlap && overlap[random.Next(overlap.Count)] is JsonObject entry)
                {
                    var copy = entry.DeepClone();
                    copy["from"] = "2000-01-01";
                    copy["until"] = null;
                    overlap.Add(copy);
                    return "overlapping entry";
                }

                return "no conditions";
            default:
                if (current is JsonValue v && v.TryGetValue<string>(out var s))
                {
                    var chars = s.ToCharArray();
                    if (chars.Length > 0)
                    {
                        chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
                    }

                    Set(new string(chars));
                    return "char swap";
                }

                return "no string";
        }
    }

    private static string ReverseDates(JsonNode tree, Random random)
    {
        var dated = new List<JsonObject>();
        foreach (var name in new[] { "programs", "adultUse", "conditions", "practitionerDiscretion", "kratom" })
        {
            if (tree[name] is JsonArray array)
            {
                dated.AddRange(array.OfType<JsonObject>());
            }
        }

        if (dated.Count == 0)
        {
            return "no dated entry";
        }

        var entry = dated[random.Next(dated.Count)];
        entry["from"] = "2020-06-01";
        entry["until"] = random.Next(2) == 0 ? "2020-06-01" : "2019-06-01";
        return $"reversed dates at {entry.GetPath()}";
    }

    private static void Collect(JsonNode node, List<(JsonNode Parent, string? Key, int Index)> slots)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    slots.Add((obj, key, -1));
                    if (child is not null)
                    {
                        Collect(child, slots);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    slots.Add((array, null, i));
                    if (array[i] is { } child)
                    {
                        Collect(child, slots);
                    }
                }

                break;
        }
    }

    private static string MutateBytes(ref byte[] bytes, Random random)
    {
        switch (random.Next(8))
        {
            case 0:
                var cut = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
                bytes = bytes[..cut];
                return $"truncate at {cut}";
            case 1:
                var flips = random.Next(1, 9);
                for (var i = 0; i < flips && bytes.Length > 0; i++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return $"{flips} bit flips";
            case 2:
                var replaced = random.Next(1, 9);
                for (var i = 0; i < replaced && bytes.Length > 0; i++)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }

                return $"{replaced} random bytes";
            case 3:
                byte[][] invalid = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80]];
                var bad = invalid[random.Next(invalid.Length)];
                var at = ValueOffset(bytes, random);
                bytes = [.. bytes[..at], .. bad, .. bytes[at..]];
                return $"invalid utf-8 at {at}";
            case 4:
                bytes = [0xEF, 0xBB, 0xBF, .. bytes];
                return "bom";
            case 5:
                var inner = ValueOffset(bytes, random);
                bytes = [.. bytes[..inner], 0xEF, 0xBB, 0xBF, .. bytes[inner..]];
                return $"bom at {inner}";
            case 6:
                if (random.Next(4) == 0)
                {
                    bytes = [];
                    return "empty";
                }

                var start = bytes.Length == 0 ? 0 : random.Next(bytes.Length);
                var length = Math.Min(bytes.Length - start, random.Next(1, 200));
                bytes = [.. bytes[..start], .. bytes[(start + length)..]];
                return $"delete {length} bytes at {start}";
            default:
                if (bytes.Length < 2)
                {
                    return "too short to swap";
                }

                var a = random.Next(bytes.Length);
                var b = random.Next(bytes.Length);
                (bytes[a], bytes[b]) = (bytes[b], bytes[a]);
                return "swap bytes";
        }
    }

    /// <summary>An offset inside a string value half of the time (where invalid UTF-8 is hardest to spot), else anywhere.</summary>
    private static int ValueOffset(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return 0;
        }

        var at = random.Next(bytes.Length);
        if (random.Next(2) == 0)
        {
            var quote = Array.IndexOf(bytes, (byte)'"', at);
            return quote < 0 ? at : quote + 1;
        }

        return at;
    }

    private sealed record Seed(string Name, byte[] Bytes, JsonNode Tree);

    private static Seed[] LoadSeeds()
    {
        var minimal = DataFiles.Bytes(DataFiles.Minimal());
        var seeds = new List<Seed> { new("zz.json", minimal, JsonNode.Parse(minimal)!) };
        foreach (var path in Directory.GetFiles(DataFiles.StatesDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path) == "schema.json")
            {
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            seeds.Add(new Seed(Path.GetFileName(path), bytes, JsonNode.Parse(bytes)!));
        }

        // The minimal file is the seed half the time: small files make the mutations matter more.
        return [.. seeds, .. Enumerable.Repeat(seeds[0], seeds.Count)];
    }
}
