using RulesEngine.Output;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Pack;

/// <summary>Beyond the core fields: the tables and statements an analyst tabulates.</summary>
public class ExtendedFieldTests
{
    private static ObjectValue Record(string seed) => Support.Pack.Run(seed, Seeds.Text(seed)).Record;

    private static IEnumerable<ObjectValue> Items(ObjectValue record, string field) =>
        (record[field] as ListValue)?.Items.Cast<ObjectValue>() ?? [];

    private static string Text(ObjectValue item, string field) => (item[field] as TextValue)?.Text ?? "";

    [Fact]
    public void ApaLetter_StrengthsAndImprovements_AreEachBulletUnderItsArea()
    {
        var record = Record(Seeds.Apa);
        var strengths = Items(record, "strengths").ToList();
        var improvements = Items(record, "improvements").ToList();
        Assert.True(strengths.Count >= 25, $"{strengths.Count} strengths");
        Assert.True(improvements.Count >= 10, $"{improvements.Count} improvements");
        Assert.Equal(new Dictionary<string, int>
        {
            ["being healthy"] = 4, ["staying safe"] = 6, ["enjoying and achieving"] = 7,
            ["making a positive contribution"] = 6, ["achieving economic well-being"] = 4, ["management of children's services"] = 3,
        }, strengths.GroupBy(s => Text(s, "area")).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Contains(improvements, i => Text(i, "area") == "being healthy" && Text(i, "text") == "reduction of teenage pregnancy");
    }

    [Fact]
    public void ApaLetter_AspectsForFocus_AreListedUnderTheirAreas()
    {
        var aspects = Items(Record(Seeds.Apa), "aspects").ToList();
        Assert.Equal(9, aspects.Count);
        Assert.Equal("teenage conceptions", Text(aspects[0], "text").ToLowerInvariant());
        Assert.Equal(["being healthy", "staying safe", "enjoying and achieving", "achieving economic well-being"], aspects.Select(a => Text(a, "area")).Distinct());
    }

    [Fact]
    public void ApaLetter_ContextFigures_IncludePopulationAndPercentages()
    {
        var context = Items(Record(Seeds.Apa), "context").ToList();
        Assert.Contains(context, c => Text(c, "measure") == "population" && c["value"] == new NumberValue(233200));
        Assert.Contains(context, c => Text(c, "unit") == "%" && c["value"] == new NumberValue(22.3m));
    }

    [Theory]
    [MemberData(nameof(RatingLetters))]
    public void RatingLetter_YieldsProvisionJudgementsAndItsScale(string seed)
    {
        var record = Record(seed);
        Assert.NotEmpty(Items(record, "provision"));
        Assert.Equal(4, Items(record, "rating_scale").Count());
        Assert.StartsWith("Children's services in ", Text(record, "summary"));
        Assert.Equal(new NumberValue(138), (record["statute"] as ObjectValue)?["section"]);
    }

    [Fact]
    public void RatingLetter_ProvisionBySetting_HasCountQuantifierAndJudgement()
    {
        var provision = Items(Record(Seeds.Names[0]), "provision").ToList();
        Assert.Contains(provision, p => Text(p, "setting") == "special schools" && p["count"] == new NumberValue(10) && Text(p, "quantifier") == "all" && Text(p, "judgement") == "good");
        Assert.Contains(provision, p => Text(p, "setting") == "pupil referral units" && p["count"] == new NumberValue(6) && p["of"] == new NumberValue(8) && Text(p, "judgement") == "good");
    }

    public static TheoryData<string> RatingLetters()
    {
        var data = new TheoryData<string>();
        foreach (var seed in Seeds.RatingLetters) data.Add(seed);
        return data;
    }
}
