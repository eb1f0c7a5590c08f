using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Eligibility.Conditions.Internal;

namespace Eligibility.Cli;

/// <summary>
/// Turns a command line that did not parse into one sentence that says what to type instead: the closest command or
/// option for a mistyped one, and a refusal for an option that means nothing to the command (rather than ignoring it).
/// A token is repeated only when it looks like an option or command name, so hostile text is never echoed.
/// </summary>
internal static partial class CommandLineErrors
{
    /// <summary>Options every command inherits from the root that some commands have no use for, with what to do instead.</summary>
    private static readonly Dictionary<(string Command, string Option), string> Meaningless = new()
    {
        [("resolve", "--as-of")] = "reading a condition does not depend on a date",
        [("resolve", "--data")] = "resolve reads the condition catalog, not the law data",
        [("history", "--as-of")] = "history lists every period; for one date use check --as-of",
        [("diff", "--as-of")] = "give the dates with --from and --to",
        [("jurisdictions-table", "--format")] = "it always prints Markdown; for JSON use states --format json",
    };

    /// <summary>The one-sentence error for a command line, or null when it parsed and every option given means something.</summary>
    public static string? Describe(ParseResult parsed, RootCommand root)
    {
        var command = parsed.CommandResult.Command;
        if (parsed.UnmatchedTokens.Count > 0)
        {
            return Unmatched(parsed.UnmatchedTokens[0], command, root);
        }

        if (parsed.Errors.Count > 0)
        {
            return string.Join(" ", parsed.Errors.Select(e => OneLine(e.Message).TrimEnd('.') + ".").Distinct());
        }

        foreach (var option in root.Options.Where(o => o.Recursive))
        {
            if (parsed.GetResult(option) is OptionResult { Implicit: false } && Meaningless.TryGetValue((command.Name, option.Name), out var instead))
            {
                return $"{option.Name} means nothing for {command.Name}: {instead}.";
            }
        }

        return null;
    }

    /// <summary>The closest of some names to a mistyped one, or null when none is close (about one mistake in three letters).</summary>
    public static string? Closest(string typed, IEnumerable<string> names)
    {
        var key = typed.Trim().ToLowerInvariant();
        var allowed = Math.Max(1, key.Length / 3);
        return names
            .Select(n => (Name: n, Distance: n.StartsWith(key, StringComparison.Ordinal) && key.Length >= 3 ? 1 : Similarity.Distance(key, n, allowed)))
            .Where(p => p.Distance <= allowed)
            .OrderBy(p => p.Distance).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name)
            .FirstOrDefault();
    }

    private static string Unmatched(string token, Command command, RootCommand root)
    {
        var printable = Nameish().IsMatch(token);
        if (token.StartsWith('-'))
        {
            var options = command.Options.Concat(root.Options.Where(o => o.Recursive)).Where(o => !o.Hidden)
                .SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
            var closest = Closest(token.Split('=')[0], options);
            var what = printable ? token : "an option given";
            var elsewhere = root.Subcommands.Where(c => c != command && c.Options.Any(o => o.Name == token)).Select(c => c.Name).FirstOrDefault();
            return closest is not null
                ? $"{what} is not an option of {Name(command, root)}. Did you mean {closest}?"
                : elsewhere is not null
                    ? $"{what} is not an option of {Name(command, root)} (it is one of {elsewhere})."
                    : $"{what} is not an option of {Name(command, root)}.";
        }

        if (command == root)
        {
            var closest = Closest(token, root.Subcommands.Select(c => c.Name));
            var what = printable ? $"'{token}'" : "the command given";
            return closest is not null
                ? $"{what} is not a command. Did you mean {closest}?"
                : $"{what} is not a command; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}.";
        }

        return $"{Name(command, root)} takes no such argument; give values after their option (e.g. --state NJ), and quote a value with spaces (--condition \"chronic pain\").";
    }

    private static string Name(Command command, RootCommand root) => command == root ? "eligibility" : command.Name;

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A token that is only letters, digits and dashes, short: safe to repeat in a message.</summary>
    [GeneratedRegex("^-{0,2}[A-Za-z][A-Za-z0-9-]{0,30}$")]
    private static partial Regex Nameish();
}
