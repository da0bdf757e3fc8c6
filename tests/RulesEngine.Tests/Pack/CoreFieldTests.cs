using System.Text.Json.Nodes;
using RulesEngine.Output;
using RulesEngine.Snapshots;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Pack;

/// <summary>The core fields of every seed, in every converter's version of it, equal the hand-read labels.</summary>
public class CoreFieldTests
{
    [Theory]
    [MemberData(nameof(Seeds.AllWithVariants), MemberType = typeof(Seeds))]
    public void CoreFields_OfEverySeedVariant_EqualTheLabels(string seed, string variant)
    {
        var result = Support.Pack.Run(seed, LetterVariants.Apply(variant, Seeds.Text(seed)));
        AssertCoreFieldsEqualTheLabel(seed, result, $"{seed} ({variant})");
    }

    /// <summary>The core fields of <paramref name="result"/> equal the hand-read label of <paramref name="seed"/>.</summary>
    internal static void AssertCoreFieldsEqualTheLabel(string seed, LetterResult result, string what)
    {
        var label = JsonNode.Parse(File.ReadAllText(Seeds.LabelPath(seed)))!.AsObject();
        label.Remove("file");
        var changes = JsonDiff.Compare(label.ToJsonString(), CompactCoreFields(result).ToJsonString());
        Assert.True(changes.Count == 0, $"{what} differs from its label:\n" + string.Join("\n", changes));
    }

    /// <summary>The labels' compact form: judgements and outcomes keyed by area, the recipient without the address; and the council's number and canonical name where the label has them.</summary>
    internal static JsonObject CompactCoreFields(LetterResult result, JsonObject? label = null)
    {
        var record = JsonNode.Parse(JsonOutput.Serialize(result.Record))!.AsObject();
        var compact = new JsonObject();
        var keys = new[] { "kind", "year", "date", "council", "recipient", "rating", "signatories" }
            .Concat(new[] { "council_canonical", "council_code" }.Where(k => label?.ContainsKey(k) == true));
        foreach (var key in keys)
            if (record[key] is { } value) compact[key] = value.DeepClone();
        (compact["recipient"] as JsonObject)?.Remove("address");
        foreach (var key in new[] { "judgements", "outcomes" })
        {
            if (record[key] is not JsonArray list) continue;
            var byArea = new JsonObject();
            foreach (var item in list) byArea[(string)item!["area"]!] = item["grade"]!.DeepClone();
            compact[key] = byArea;
        }
        return compact;
    }
}
