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
    public void EveryRule_InThePack_HasAnExample()
    {
        var withExamples = Support.Pack.Program.Model.Examples.Select(e => e.RuleName).ToHashSet();
        var missing = Support.Pack.Program.Model.Rules.Where(r => !withExamples.Contains(r.Name)).Select(r => $"{r.Location} {r.Name}").ToList();
        Assert.True(missing.Count == 0, "rules without an example:\n" + string.Join("\n", missing));
    }

    private static readonly HashSet<string> GenericWords = ["council", "county", "city", "borough", "district"];

    /// <summary>The pack must generalise: no rule file may name a seed's council, person or postcode.</summary>
    [Fact]
    public void RuleFiles_NameNoSeedCouncilPersonOrPostcode()
    {
        var ruleText = string.Join("\n", Support.Pack.Compilation.Sources.Values).ToLowerInvariant();
        var leaks = new List<string>();
        foreach (var seed in Seeds.Names)
        {
            var label = JsonNode.Parse(File.ReadAllText(Seeds.LabelPath(seed)))!;
            var names = new[] { (string?)label["council"], (string?)label["recipient"]?["name"], (string?)label["recipient"]?["postcode"] }
                .Concat(label["signatories"]!.AsArray().Select(s => (string?)s!["name"]));
            foreach (var name in names.OfType<string>())
            {
                var distinctive = name.Split(' ').Where(w => w.Length > 3 && !GenericWords.Contains(w.ToLowerInvariant()));
                leaks.AddRange(distinctive.Where(w => ruleText.Contains(w.ToLowerInvariant())).Select(w => $"{seed}: '{w}' (from '{name}')"));
            }
        }
        Assert.True(leaks.Count == 0, "rule files name seed-specific values:\n" + string.Join("\n", leaks));
    }
}
