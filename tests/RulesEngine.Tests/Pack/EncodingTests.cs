using System.Text;
using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Pack;

/// <summary>
/// A seed written with HTML character references, saved as Windows-1252, or as UTF-16 either way
/// round gives exactly the seed's record, and says how it was read.
/// </summary>
public class EncodingTests
{
    public static TheoryData<string, string> EverySeedInEveryEncoding()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in Seeds.Names)
        foreach (var encoding in new[] { "references", "windows-1252", "utf-16le", "utf-16be" })
            data.Add(seed, encoding);
        return data;
    }

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        // Every character a converter writes as a reference, ampersands first.
        "references" => Encoding.UTF8.GetBytes(text.Replace("&", "&amp;").Replace("'", "&#39;").Replace("’", "&rsquo;").Replace("–", "&#x2013;").Replace("£", "&pound;").Replace("é", "&eacute;")),
        "windows-1252" => CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text),
        "utf-16le" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
        _ => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
    };

    [Theory]
    [MemberData(nameof(EverySeedInEveryEncoding))]
    public void Record_OfASeedInAnotherEncoding_EqualsTheSeedsRecordAndNamesTheEncoding(string seed, string encoding)
    {
        var outcome = FormatFixtures.Process(seed, Encode(Seeds.Text(seed), encoding));
        Assert.True(outcome.Result is not null, outcome.Error);
        var expected = Support.Pack.Run(seed, Seeds.Text(seed));
        var changes = RulesEngine.Snapshots.JsonDiff.Compare(RulesEngine.Output.JsonOutput.Serialize(expected.Record), RulesEngine.Output.JsonOutput.Serialize(outcome.Result.Record));
        Assert.True(changes.Count == 0, $"{seed} as {encoding}:\n" + string.Join("\n", changes));
        // An ASCII letter is the same bytes in Windows-1252 and UTF-8: nothing was decided.
        var decided = encoding is "utf-16le" or "utf-16be" || encoding is "windows-1252" && !Ascii.IsValid(Seeds.Text(seed));
        Assert.Equal(decided ? encoding : null, outcome.Result.Encoding is { } used ? used.Name() : null);
    }

    [Fact]
    public void Summary_CountsTheLettersReadInEachEncoding()
    {
        var summary = new RulesEngine.Batch.BatchSummary(Support.Pack.Program);
        foreach (var encoding in new[] { "windows-1252", "windows-1252", "utf-16le" })
            summary.Add(FormatFixtures.Process("x", Encode(Seeds.Text(Seeds.Apa), encoding)));
        var text = summary.Format();
        Assert.Contains("2 letter(s) read as Windows-1252", text);
        Assert.Contains("1 letter(s) read as UTF-16 (little-endian)", text);
    }
}
