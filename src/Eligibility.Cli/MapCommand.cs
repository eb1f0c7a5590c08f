using System.CommandLine;
using System.Text.Json;
using Eligibility.Maps;

namespace Eligibility.Cli;

/// <summary><c>eligibility map</c>: where a condition qualifies, as a tile-grid map (text grid, JSON or SVG).</summary>
internal static class MapCommand
{
    public static Command Create(Option<string?> data, Option<string?> asOf, TextWriter stdout, TextWriter stderr)
    {
        var condition = new Option<string>("--condition") { Description = "The condition to map: id, name, phrase or ICD-10-CM code.", Required = true };
        var age = new Option<int?>("--age") { Description = "Draw the map for a patient of this age in years." };
        var visitor = new Option<bool>("--visitor") { Description = "Draw the map for a patient who is not a resident." };
        // Its own --format: the map adds svg to text and json.
        var format = new Option<string>("--format") { Description = "Output format: text (a grid of codes and outcome marks), json or svg.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "svg");
        var map = new Command("map", "A tile-grid map of one condition's outcome in every jurisdiction: text, json or svg (e.g. --format svg > map.svg).")
        {
            condition, age, visitor, format,
        };
        map.SetAction(r => CliApp.Guard(stderr, () =>
        {
            using var engine = CliApp.CreateEngine(r.GetValue(data));
            var template = new EligibilityQuery
            {
                Jurisdiction = "",
                Conditions = [r.GetValue(condition)!],
                AsOf = CliApp.ParseDate(r.GetValue(asOf)),
                Age = r.GetValue(age),
                Visitor = r.GetValue(visitor),
            };
            var drawn = EligibilityMap.Create(engine, template);
            switch (r.GetValue(format))
            {
                case "svg":
                    stdout.Write(drawn.ToSvg());
                    break;
                case "json":
                    stdout.WriteLine(JsonSerializer.Serialize(drawn, EligibilityJsonContext.Indented.EligibilityMap));
                    break;
                default:
                    stdout.Write(drawn.ToText());
                    break;
            }
        }));
        return map;
    }
}
