using System.Text.Json.Nodes;
using RulesEngine.Output;
using RulesEngine.Snapshots;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Pack;

/// <summary>
/// The pack gives the same records from a letter's web page, Word file and PDF as from its text:
/// the core fields equal the hand-read labels, and every other field (strengths, improvements,
/// the judgements table) equals what the text seed gives.
/// </summary>
public class PublishedFormatTests
{
    [Theory]
    [MemberData(nameof(FormatFixtures.EverySeedInEveryFormat), MemberType = typeof(FormatFixtures))]
    public void CoreFields_OfEverySeedInEveryFormat_EqualTheLabels(string format, string seed)
    {
        var outcome = FormatFixtures.Process(FormatFixtures.PathOf(format, seed));
        Assert.True(outcome.Result is not null, outcome.Error);
        CoreFieldTests.AssertCoreFieldsEqualTheLabel(seed, outcome.Result, $"{seed} as {format}");
    }

    [Theory]
    [MemberData(nameof(FormatFixtures.EverySeedInEveryFormat), MemberType = typeof(FormatFixtures))]
    public void Record_OfEverySeedInEveryFormat_EqualsTheTextSeedsRecord(string format, string seed)
    {
        var outcome = FormatFixtures.Process(FormatFixtures.PathOf(format, seed));
        Assert.True(outcome.Result is not null, outcome.Error);
        AssertSameRecord(Support.Pack.Run(seed, Seeds.Text(seed)), outcome.Result, $"{seed} as {format}");
    }

    [Theory]
    [InlineData("002_8ff6d27f790d7224.owner-password-only.pdf", "002_8ff6d27f790d7224")]
    [InlineData("004_df6b8756d9a3c5bb.linearized-object-streams.pdf", "004_df6b8756d9a3c5bb")]
    public void Record_OfAPdfRewrittenByAnotherProducer_EqualsTheTextSeedsRecord(string file, string seed)
    {
        var outcome = FormatFixtures.Process(Path.Combine(FormatFixtures.Folder, "pdf-variants", file));
        Assert.True(outcome.Result is not null, outcome.Error);
        AssertSameRecord(Support.Pack.Run(seed, Seeds.Text(seed)), outcome.Result, file);
    }

    /// <summary>
    /// The HTML renderings printed by Chromium (headless, with its running header of date and title
    /// and its footer of file address and page numbers): another producer's PDFs, whose table
    /// rules are thin filled rectangles and whose rows broken by a page have no rule at the cut.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds.All), MemberType = typeof(Seeds))]
    public void Record_OfEverySeedPrintedByChromium_EqualsTheTextSeedsRecord(string seed)
    {
        var outcome = FormatFixtures.Process(Path.Combine(FormatFixtures.Folder, "pdf-chromium", seed + ".pdf"));
        Assert.True(outcome.Result is not null, outcome.Error);
        AssertSameRecord(Support.Pack.Run(seed, Seeds.Text(seed)), outcome.Result, $"{seed} printed by Chromium");
    }

    [Fact]
    public void Record_OfAPdf_SaysItsFormatAndItsEvidencePointsIntoTheTextRead()
    {
        var outcome = FormatFixtures.Process(FormatFixtures.PathOf("pdf", Seeds.Apa));
        var json = JsonNode.Parse(JsonOutput.Serialize(outcome.Result!))!.AsObject();
        Assert.Equal("pdf", (string?)json["format"]);
        var council = json["evidence"]!["council"]!;
        var (start, end) = ((int)council["start"]!, (int)council["end"]!);
        Assert.Equal("Derby City Council", outcome.Text![start..end]);
    }

    private static void AssertSameRecord(LetterResult expected, LetterResult actual, string what)
    {
        var changes = JsonDiff.Compare(JsonOutput.Serialize(expected.Record), JsonOutput.Serialize(actual.Record));
        Assert.True(changes.Count == 0, $"{what} differs from the text seed's record:\n" + string.Join("\n", changes));
    }
}
