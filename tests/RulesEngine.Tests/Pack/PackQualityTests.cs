using System.Text.Json.Nodes;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Pack;

public class PackQualityTests
{
    [Fact]
    public void Check_OnTheRulePack_ReportsNoErrorsOrWarnings()
    {
        Assert.True(Support.Pack.Compilation.Diagnostics.IsEmpty, Support.Pack.Compilation.Format());
    }

    [Fact]
    public void Check_OfThePack_GivesNoWarnings()
    {
        // The same policy `check` states: a rule without an example (RE3103), an unused lexicon,
        // a possible tie are warnings there, and the pack is kept free of them here.
        var warnings = Support.Pack.Compilation.Diagnostics.Where(d => d.Severity == RulesEngine.Diagnostics.Severity.Warning).Select(d => d.ToString()).ToList();
        Assert.True(warnings.Count == 0, "check warns about the pack:\n" + string.Join("\n", warnings));
    }

    private static readonly HashSet<string> GenericWords = ["council", "county", "city", "borough", "district"];

    /// <summary>
    /// The pack must generalise: no rule file may name a seed's council, person or postcode. The
    /// gazetteer names every council, the seeds' among the 150 others, and only it may.
    /// </summary>
    [Fact]
    public void RuleFiles_NameNoSeedCouncilPersonOrPostcode()
    {
        var sources = Support.Pack.Compilation.Sources;
        var ruleText = string.Join("\n", sources.Values).ToLowerInvariant();
        var ruleTextButGazetteer = string.Join("\n", sources.Where(s => !s.Key.EndsWith("councils.rules", StringComparison.Ordinal)).Select(s => s.Value)).ToLowerInvariant();
        var leaks = new List<string>();
        foreach (var seed in Seeds.Names)
        {
            var label = JsonNode.Parse(File.ReadAllText(Seeds.LabelPath(seed)))!;
            var names = new[] { (string?)label["council"], (string?)label["recipient"]?["name"], (string?)label["recipient"]?["postcode"] }
                .Concat(label["signatories"]!.AsArray().Select(s => (string?)s!["name"]));
            foreach (var name in names.OfType<string>())
            {
                var searched = name == (string?)label["council"] ? ruleTextButGazetteer : ruleText;
                var distinctive = name.Split(' ').Where(w => w.Length > 3 && !GenericWords.Contains(w.ToLowerInvariant()));
                leaks.AddRange(distinctive.Where(w => searched.Contains(w.ToLowerInvariant())).Select(w => $"{seed}: '{w}' (from '{name}')"));
            }
        }
        Assert.True(leaks.Count == 0, "rule files name seed-specific values:\n" + string.Join("\n", leaks));
    }
}
