using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Eligibility.Data;

namespace Eligibility.Cli;

/// <summary>The <c>eligibility</c> command line: check, scan, resolve, states, kratom.</summary>
internal static class CliApp
{
    /// <summary>Exit code for a decision (any outcome).</summary>
    public const int Ok = 0;

    /// <summary>Exit code for an internal failure.</summary>
    public const int Failure = 1;

    /// <summary>Exit code for a usage error (unknown jurisdiction, bad date, bad data directory).</summary>
    public const int UsageError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var format = new Option<string>("--format") { Description = "Output format: text (default) or json, in any case.", DefaultValueFactory = _ => "text", Recursive = true, CustomParser = r => Choice(r, "--format", "text", "json") };
        var data = new Option<string?>("--data") { Description = "Load jurisdiction files from this directory instead of the embedded data.", Recursive = true };
        var asOf = new Option<string?>("--as-of") { Description = "Read the law as it stood on this date (YYYY-MM-DD); default today.", Recursive = true };

        var root = new RootCommand("Does a condition qualify for a medical-cannabis card in a US jurisdiction, and why? Not legal advice.");
        root.Options.Add(format);
        root.Options.Add(data);
        root.Options.Add(asOf);

        var state = new Option<string>("--state") { Description = $"{StateHelp} Required unless --input is given." };
        var condition = new Option<string[]>("--condition") { Description = "A condition: id, name, phrase or ICD-10-CM code. Repeat for several. Required unless --input is given.", Arity = ArgumentArity.OneOrMore };
        var age = new Option<int?>("--age") { Description = "The patient's age in years.", CustomParser = r => WholeNumber(r, "--age", "--age 34") };
        var visitor = new Option<bool>("--visitor") { Description = "The patient is not a resident of the jurisdiction." };
        var medication = new Option<string[]>("--medication") { Description = "A medication the patient takes. Repeat for several.", Arity = ArgumentArity.ZeroOrMore };
        var attest = new Option<string[]>("--attest") { Description = $"A qualifier a practitioner attests, in any case; repeat for several. One of: {string.Join(", ", Data.Internal.QualifierKinds.Names)}.", Arity = ArgumentArity.ZeroOrMore };
        var duration = new Option<int?>("--duration-months") { Description = "How long the condition has lasted, in months.", CustomParser = r => WholeNumber(r, "--duration-months", "--duration-months 6") };
        var explain = new Option<bool>("--explain") { Description = "Also print the rule trace: the rules that fired, in order, and those that did not fire and why." };
        var input = new Option<string?>("--input") { Description = "Read one JSON query per line from this file (- for standard input) and write one compact JSON decision per line." };
        var check = new Command("check", "Decide whether conditions qualify in one jurisdiction.") { state, condition, age, visitor, medication, attest, duration, explain, input };
        check.SetAction(r => Guard(stderr, () =>
        {
            if (r.GetValue(input) is { } inputPath)
            {
                var perQuery = new Option[] { state, condition, age, visitor, medication, attest, duration, explain }.Where(o => r.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToArray();
                if (perQuery.Length > 0)
                {
                    throw new UsageException($"{string.Join(", ", perQuery)} cannot be combined with --input: put them in each line's JSON query, e.g. {BatchCheck.Example}.");
                }

                using var batchEngine = CreateBatchEngine(r.GetValue(data));
                var onTerminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected; // progress only where a person watches
                return BatchCheck.Run(batchEngine, inputPath, ParseDate(r.GetValue(asOf)), stdout, stderr, onTerminal ? stderr : null);
            }

            if (r.GetValue(state) is null || (r.GetValue(condition) ?? []).Length == 0)
            {
                throw new UsageException("check needs --state and --condition (e.g. check --state NJ --condition opioid-use-disorder), or --input FILE with one JSON query per line. Run 'eligibility check --help' for usage.");
            }

            using var engine = CreateEngine(r.GetValue(data));
            var query = new EligibilityQuery
            {
                Jurisdiction = r.GetValue(state)!,
                Conditions = r.GetValue(condition) ?? [],
                AsOf = ParseDate(r.GetValue(asOf)),
                Age = r.GetValue(age),
                Visitor = r.GetValue(visitor),
                Medications = r.GetValue(medication) ?? [],
                Attested = [.. (r.GetValue(attest) ?? []).Select(ParseQualifier)],
                DurationMonths = r.GetValue(duration),
                Explain = r.GetValue(explain),
            };
            var decision = engine.Evaluate(query);
            if (Json(r, format))
            {
                stdout.WriteLine(JsonSerializer.Serialize(decision, EligibilityJsonContext.Indented.EligibilityDecision));
            }
            else
            {
                TextOutput.Write(stdout, decision, r.GetValue(explain));
            }

            return Ok;
        }));

        var scanCondition = new Option<string>("--condition") { Description = "The condition to look up everywhere.", Required = true };
        var scan = new Command("scan", "Decide one condition in every jurisdiction.") { scanCondition };
        scan.SetAction(r => Guard(stderr, () =>
        {
            using var engine = CreateEngine(r.GetValue(data));
            var decisions = engine.Scan(r.GetValue(scanCondition)!, ParseDate(r.GetValue(asOf)));
            if (Json(r, format))
            {
                stdout.WriteLine(JsonSerializer.Serialize(decisions, EligibilityJsonContext.Indented.IReadOnlyListEligibilityDecision));
            }
            else
            {
                TextOutput.WriteScan(stdout, decisions);
            }
        }));

        var inputs = new Argument<string[]>("inputs") { Description = "Texts to resolve: phrases, names, abbreviations or ICD-10-CM codes.", Arity = ArgumentArity.OneOrMore };
        var resolve = new Command("resolve", "Turn what people type into canonical conditions.") { inputs };
        resolve.SetAction(r => Guard(stderr, () =>
        {
            var resolver = new ConditionResolver(ConditionCatalog.Default);
            // One entry per condition found: an input naming several conditions gives several entries with the same input.
            var results = (r.GetValue(inputs) ?? []).SelectMany(input =>
            {
                var several = resolver.ResolveAll(input).Where(x => x.ConditionId is not null).DistinctBy(x => x.ConditionId).ToList();
                return several.Count > 1 ? several.Select(x => x with { Input = input }) : [resolver.Resolve(input)];
            }).ToArray();
            if (Json(r, format))
            {
                var shaped = results.Select(x => new ResolveOutput(x.Input, x.ConditionId, x.ConditionName, x.Kind.ToString().ToLowerInvariant(), Math.Round(x.Score, 3), x.Suggestions) { Matched = x.MatchedText, DurationMonths = x.DurationMonths, Note = x.Note }).ToArray();
                stdout.WriteLine(JsonSerializer.Serialize(shaped, CliJsonContext.Default.ResolveOutputArray));
            }
            else
            {
                TextOutput.WriteResolutions(stdout, results);
            }
        }));

        var states = new Command("states", "List the jurisdictions with program, adult use, last verification and confidence.");
        states.SetAction(r => Guard(stderr, () =>
        {
            using var engine = CreateEngine(r.GetValue(data));
            var day = ParseDate(r.GetValue(asOf)) ?? DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            var list = engine.Jurisdictions.Select(j => JurisdictionSummary.Of(j, day)).ToArray();
            if (Json(r, format))
            {
                stdout.WriteLine(JsonSerializer.Serialize<IReadOnlyList<JurisdictionSummary>>(list, EligibilityJsonContext.Indented.IReadOnlyListJurisdictionSummary));
            }
            else
            {
                TextOutput.WriteStates(stdout, list);
            }
        }));

        var kratomState = new Option<string>("--state") { Description = StateHelp, Required = true };
        var kratom = new Command("kratom", "Kratom's legal status in a jurisdiction.") { kratomState };
        kratom.SetAction(r => Guard(stderr, () =>
        {
            using var engine = CreateEngine(r.GetValue(data));
            var answer = engine.Kratom(r.GetValue(kratomState)!, ParseDate(r.GetValue(asOf)));
            if (Json(r, format))
            {
                stdout.WriteLine(JsonSerializer.Serialize(answer, EligibilityJsonContext.Indented.KratomAnswer));
            }
            else
            {
                TextOutput.WriteKratom(stdout, answer);
            }
        }));

        var historyState = new Option<string>("--state") { Description = StateHelp, Required = true };
        var historyCondition = new Option<string>("--condition") { Description = "The condition.", Required = true };
        var history = new Command("history", "Each period of a condition's status in a jurisdiction, with outcome, basis and citation.") { historyState, historyCondition };
        history.SetAction(r => Guard(stderr, () =>
        {
            var result = CreateEngine(r.GetValue(data)).History(r.GetValue(historyState)!, r.GetValue(historyCondition)!);
            if (Json(r, format))
            {
                stdout.WriteLine(JsonSerializer.Serialize(result, EligibilityJsonContext.Indented.ConditionHistory));
            }
            else
            {
                TextOutput.WriteHistory(stdout, result);
            }
        }));

        var diffFrom = new Option<string>("--from") { Description = "The earlier date (YYYY-MM-DD).", Required = true };
        var diffTo = new Option<string?>("--to") { Description = "The later date (YYYY-MM-DD); default today." };
        var diffState = new Option<string?>("--state") { Description = "One jurisdiction (code or name); default all." };
        var diff = new Command("diff", "What changed in the law between two dates.") { diffFrom, diffTo, diffState };
        diff.SetAction(r => Guard(stderr, () =>
        {
            var from = ParseDate(r.GetValue(diffFrom), "--from")!.Value;
            var to = ParseDate(r.GetValue(diffTo), "--to") ?? DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
            var changes = CreateEngine(r.GetValue(data)).Diff(from, to, r.GetValue(diffState));
            if (Json(r, format))
            {
                stdout.WriteLine(JsonSerializer.Serialize(changes, EligibilityJsonContext.Indented.IReadOnlyListLawChange));
            }
            else
            {
                TextOutput.WriteDiff(stdout, from, to, changes);
            }
        }));

        var recheckInput = new Option<string>("--input") { Description = "Earlier decisions as this tool printed them (--format json), one or more JSON documents or JSON lines.", Required = true };
        var recheck = new Command("recheck", "Which earlier decisions would come out differently on another date, and why.") { recheckInput };
        recheck.SetAction(r => Guard(stderr, () =>
        {
            var engine = CreateEngine(r.GetValue(data));
            var day = ParseDate(r.GetValue(asOf));
            var results = DecisionReader.Read(r.GetValue(recheckInput)!).Select(d => engine.Recheck(d, day)).ToArray();
            if (Json(r, format))
            {
                stdout.WriteLine(JsonSerializer.Serialize<IReadOnlyList<RecheckResult>>(results, EligibilityJsonContext.Indented.IReadOnlyListRecheckResult));
            }
            else
            {
                TextOutput.WriteRecheck(stdout, results);
            }
        }));

        var table = new Command("jurisdictions-table", "Print docs/jurisdictions.md: every jurisdiction's program and focus-condition outcomes, generated from the data.");
        table.SetAction(r => Guard(stderr, () =>
        {
            var engine = CreateEngine(r.GetValue(data));
            stdout.Write(JurisdictionsTable.Render(engine, ParseDate(r.GetValue(asOf)) ?? JurisdictionsTable.DefaultDate(engine)));
        }));

        root.Subcommands.Add(check);
        root.Subcommands.Add(scan);
        root.Subcommands.Add(resolve);
        root.Subcommands.Add(states);
        root.Subcommands.Add(kratom);
        root.Subcommands.Add(history);
        root.Subcommands.Add(diff);
        root.Subcommands.Add(recheck);
        root.Subcommands.Add(table);
        root.Subcommands.Add(MapCommand.Create(data, asOf, stdout, stderr));
        root.Subcommands.Add(ConditionsCommand.Create(format, stdout, stderr));

        var parsed = root.Parse(args);
        if (CommandLineErrors.Describe(parsed, root) is { } error)
        {
            var command = parsed.CommandResult.Command == root ? "" : $" {parsed.CommandResult.Command.Name}";
            WriteError(stderr, $"{error} Run 'eligibility{command} --help' for usage.");
            return UsageError;
        }

        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            return HelpText.Write(parsed, stdout, stderr);
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }

    private const string StateHelp = "The jurisdiction: a USPS code or a name, in any case (NY, \"New York\", N.Y., PR, \"Puerto Rico\", D.C.). 'eligibility states' lists all 56.";

    /// <summary>One of a few words, in any case; anything else is a parse error naming the choices (never the value sent).</summary>
    private static string Choice(System.CommandLine.Parsing.ArgumentResult r, string option, params string[] choices)
    {
        var value = r.Tokens.Count == 0 ? "" : r.Tokens[^1].Value.Trim();
        var match = choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            r.AddError($"{option} takes {string.Join(" or ", choices)}, e.g. {option} {choices[^1]}");
            return choices[0];
        }

        return match;
    }

    /// <summary>A whole number; anything else is a parse error with an example (never the value sent).</summary>
    private static int? WholeNumber(System.CommandLine.Parsing.ArgumentResult r, string option, string example)
    {
        var value = r.Tokens.Count == 0 ? "" : r.Tokens[^1].Value.Trim();
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        r.AddError($"{option} takes a whole number, e.g. {example}");
        return null;
    }

    private static bool Json(ParseResult r, Option<string> format) => r.GetValue(format) == "json";

    // One answer and exit: the rules' expressions are interpreted (compiling them to IL costs more than it saves here).
    internal static IEligibilityEngine CreateEngine(string? dataDirectory) =>
        EligibilityEngine.CreateForOneAnswer(new EligibilityOptions { DataDirectory = dataDirectory });

    // Many answers (batch mode): compiled expressions.
    internal static IEligibilityEngine CreateBatchEngine(string? dataDirectory) =>
        EligibilityEngine.Create(new EligibilityOptions { DataDirectory = dataDirectory });

    internal static DateOnly? ParseDate(string? value, string option = "--as-of")
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new UsageException($"{option} takes a date: type {option} YYYY-MM-DD, e.g. {option} 2019-01-01.");
    }

    private static QualifierKind ParseQualifier(string value)
    {
        var name = value.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        if (Data.Internal.QualifierKinds.TryParse(name, out var kind))
        {
            return kind;
        }

        var closest = CommandLineErrors.Closest(name, Data.Internal.QualifierKinds.Names);
        var hint = closest is null ? "" : $" Did you mean --attest {closest}?";
        throw new UsageException($"--attest takes a qualifier the law uses, and one given is not one.{hint} Use one of: {string.Join(", ", Data.Internal.QualifierKinds.Names)}.");
    }

    internal static int Guard(TextWriter stderr, Action body) => Guard(stderr, () =>
    {
        body();
        return Ok;
    });

    /// <summary>Runs a command body; every failure becomes one line on stderr and an exit code, never a stack trace.</summary>
    private static int Guard(TextWriter stderr, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UsageException e)
        {
            WriteError(stderr, e.Message);
            return UsageError;
        }
        catch (ArgumentException e)
        {
            WriteError(stderr, FirstSentences(e.Message));
            return UsageError;
        }
        catch (LawDataException e)
        {
            WriteError(stderr, $"invalid law data: {e.Message}");
            return UsageError;
        }
        catch (Exception e)
        {
            WriteError(stderr, $"internal failure ({e.GetType().Name}): {e.Message}");
            return Failure;
        }
    }

    // ArgumentException appends " (Parameter 'x')"; the message itself already says what to type.
    private static string FirstSentences(string message)
    {
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    /// <summary>
    /// Writes one error line for a terminal: whitespace runs collapsed to one space, every other control character
    /// (escape sequences from the input, NUL, BEL) shown as '?', and at most <see cref="MaxErrorLength"/> characters.
    /// </summary>
    private static void WriteError(TextWriter stderr, string message)
    {
        var line = OneLine(message).ToCharArray();
        for (var i = 0; i < line.Length; i++)
        {
            if (char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                i++; // a whole pair (an emoji, say) is printable
            }
            else if (char.IsControl(line[i]) || char.IsSurrogate(line[i]))
            {
                line[i] = '?';
            }
        }

        var length = line.Length <= MaxErrorLength ? line.Length : char.IsHighSurrogate(line[MaxErrorLength - 1]) ? MaxErrorLength - 1 : MaxErrorLength;
        stderr.WriteLine($"error: {new string(line, 0, length)}{(length < line.Length ? "…" : "")}");
    }

    private const int MaxErrorLength = 1000;

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' ', '\v', '\f', '\u0085', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries));

    internal sealed class UsageException(string message) : Exception(message);
}
