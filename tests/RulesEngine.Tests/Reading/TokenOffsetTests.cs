using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Reading;

public class TokenOffsetTests
{
    [Theory]
    [MemberData(nameof(Seeds.AllWithVariants), MemberType = typeof(Seeds))]
    public void Tokens_OfEverySeedVariant_SliceTheirTextOutOfTheOriginal(string seed, string variant)
    {
        var text = LetterVariants.Apply(variant, Seeds.Text(seed));
        AssertOffsetsExact(LetterReader.Read(seed, text));
    }

    /// <summary>
    /// Any letter a converter could produce: a seed in a random combination of variants with
    /// random debris spliced in at a random place.
    /// </summary>
    [Property(MaxTest = 200, Replay = "12345,67891")]
    public Property Tokens_OfMutatedSeeds_SliceTheirTextOutOfTheOriginal()
    {
        var debris = new[] { "\r", "\t", "<b>", "</i>", "•", "¹", "\f", "Page 3 of 4", "##", "’", "*", "&amp;", "\uFEFF", "\r\n\r\n", "<ul style=\"x\">", "--------", "😀" };
        var gen =
            from seed in Gen.Elements(Seeds.Names.ToArray())
            from mask in Gen.Choose(0, 63)
            from position in Gen.Choose(0, 1_000_000)
            from pieces in Gen.ArrayOf(Gen.Elements(debris))
            select (seed, mask, position, string.Concat(pieces));
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var text = Seeds.Text(input.seed);
            var variants = LetterVariants.Names.Skip(1).Take(6).ToList();
            for (var bit = 0; bit < variants.Count; bit++)
                if ((input.mask & (1 << bit)) != 0) text = LetterVariants.Apply(variants[bit], text);
            var at = input.position % (text.Length + 1);
            text = text[..at] + input.Item4 + text[at..];
            AssertOffsetsExact(LetterReader.Read(input.seed, text));
        });
    }

    private static void AssertOffsetsExact(Document document)
    {
        var text = document.Text;
        var lineStarts = LineStarts(text);
        var previousEnd = 0;
        foreach (var token in document.Tokens)
        {
            // A character reference reads as its character; its span still covers what the letter wrote.
            var written = text.Substring(token.Start, token.Length);
            Assert.Equal(token.Text, token.Has(TokenFlags.Decoded) ? System.Net.WebUtility.HtmlDecode(written) : written);
            Assert.True(token.Start >= previousEnd, $"token {token.Index} overlaps the one before it");
            previousEnd = token.End;
            var line = lineStarts.BinarySearch(token.Start);
            if (line < 0) line = ~line - 1;
            Assert.Equal(line + 1, token.Line);
            Assert.Equal(token.Start - lineStarts[line] + 1 - (line == 0 && text.StartsWith('\uFEFF') ? 1 : 0), token.Column);
        }
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            if (text[i] is '\n' or '\r') starts.Add(i + 1);
        }
        return starts;
    }
}
