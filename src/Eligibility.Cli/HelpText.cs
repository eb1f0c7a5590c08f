using System.CommandLine;
using System.CommandLine.Help;

namespace Eligibility.Cli;

/// <summary>
/// --help as people need it: the tool named as they type it (<c>eligibility</c>, not the assembly name) and examples
/// to copy for each command.
/// </summary>
internal static class HelpText
{
    /// <summary>Examples per command ("" is the tool itself). A command without an entry gets none.</summary>
    private static readonly Dictionary<string, string[]> Examples = new(StringComparer.Ordinal)
    {
        [""] =
        [
            "eligibility check --state \"New York\" --condition \"chronic pain\"",
            "eligibility scan --condition \"opioid withdrawal\"",
            "eligibility resolve \"dope sick\" F11.23",
            "eligibility check --help",
        ],
        ["check"] =
        [
            "eligibility check --state NJ --condition \"opioid use disorder\"",
            "eligibility check --state \"New York\" --condition \"chronic pain\" --format json",
            "eligibility check --state TX --condition \"chronic pain\" --age 55 --attest severe --explain",
            "eligibility check --state PA --condition \"heroin addiction\" --age 17 --medication methadone --as-of 2026-11-22",
            "eligibility check --input queries.jsonl --as-of 2026-11-22 > decisions.jsonl",
        ],
        ["scan"] = ["eligibility scan --condition \"chronic pain\" --as-of 2026-11-22"],
        ["resolve"] = ["eligibility resolve \"heroin addiction\" \"dope sick\" \"opiod withdrawl\" F11.23 G89.29"],
        ["states"] = ["eligibility states", "eligibility states --as-of 2019-01-01 --format json"],
        ["kratom"] = ["eligibility kratom --state TX"],
        ["history"] = ["eligibility history --state NJ --condition \"opioid use disorder\""],
        ["diff"] = ["eligibility diff --from 2019-01-01 --to 2026-11-22 --state TX"],
        ["recheck"] =
        [
            "eligibility check --state NJ --condition \"opioid use disorder\" --as-of 2019-01-01 --format json > decision.json",
            "eligibility recheck --input decision.json --as-of 2026-11-22",
        ],
        ["jurisdictions-table"] = ["eligibility jurisdictions-table > docs/jurisdictions.md"],
    };

    public static int Write(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var help = new StringWriter();
        var code = parsed.Invoke(new InvocationConfiguration { Output = help, Error = stderr });
        var command = parsed.CommandResult.Command;
        var text = help.ToString().Replace(RootCommand.ExecutableName, "eligibility", StringComparison.Ordinal).TrimEnd();
        stdout.WriteLine(text);
        if (Examples.TryGetValue(command is RootCommand ? "" : command.Name, out var examples))
        {
            stdout.WriteLine();
            stdout.WriteLine("Examples:");
            foreach (var example in examples)
            {
                stdout.WriteLine($"  {example}");
            }
        }

        stdout.WriteLine();
        return code;
    }
}
