using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Reading;

/// <summary>The structure a reader sees in each seed is found in every converter's version of it.</summary>
public class SeedStructureTests
{
    private static readonly string[] OutcomeAreas =
        ["being healthy", "staying safe", "enjoying and achieving", "making a positive contribution", "achieving economic well-being"];

    private static Document Read(string seed, string variant) =>
        LetterReader.Read(seed, LetterVariants.Apply(variant, Seeds.Text(seed)));

    private static string Lower(Document document, TokenRange range) => document.TextOf(range).ToLowerInvariant();

    public static TheoryData<string> Variants()
    {
        var data = new TheoryData<string>();
        foreach (var variant in LetterVariants.Names) data.Add(variant);
        return data;
    }

    public static TheoryData<string, string> RatingLettersWithVariants()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in Seeds.RatingLetters)
        foreach (var variant in LetterVariants.Names)
            data.Add(seed, variant);
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ApaLetter_HasTheFiveOutcomeSectionsWithTheirJudgementSentences(string variant)
    {
        var document = Read(Seeds.Apa, variant);
        foreach (var area in OutcomeAreas)
        {
            var section = document.Sections.First(s => Lower(document, s.Heading) == area);
            var firstSentence = document.Sentences.First(s => section.Body.Contains(s.Tokens.Start));
            Assert.StartsWith("the contribution the council's services make to improving outcomes in this area is",
                Lower(document, firstSentence.Tokens).Replace('\u2019', '\''));
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ApaLetter_SummaryTable_HasThreeGradedRows(string variant)
    {
        var document = Read(Seeds.Apa, variant);
        var table = document.Tables.First(t => Lower(document, t.Rows[0].Tokens).StartsWith("areas for judgement"));
        var graded = table.Rows.Where(r => r.Cells.Length == 2 && document.Tokens[r.Cells[1].Tokens.Start].Kind == TokenKind.Number).ToList();
        Assert.Equal(3, graded.Count);
        Assert.All(graded, row => Assert.Equal("3", document.TextOf(row.Cells[1].Tokens)));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ApaLetter_KeyStrengthsTable_CellsHoldTheirListItems(string variant)
    {
        var document = Read(Seeds.Apa, variant);
        var table = document.Tables.First(t => Lower(document, t.Rows[0].Tokens).StartsWith("key strengths"));
        var counts = table.Rows.Skip(1).Select(r => (r.Cells[0].Items.Length, r.Cells[1].Items.Length)).ToArray();
        Assert.Equal(new[] { (4, 1), (6, 4), (7, 3), (6, 2), (4, 1), (3, 2) }, counts);
        Assert.Equal("being healthy:", Lower(document, new TokenRange(table.Rows[1].Cells[0].Tokens.Start, table.Rows[1].Cells[0].Items[0].Tokens.Start)));
        Assert.Equal("reduction of teenage pregnancy.", Lower(document, table.Rows[1].Cells[1].Items[0].Tokens));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ApaLetter_GradeDescriptorTable_HasFourGradesInThreeColumns(string variant)
    {
        var document = Read(Seeds.Apa, variant);
        var table = document.Tables.First(t => Lower(document, t.Rows[0].Tokens).StartsWith("grade service descriptors"));
        Assert.Equal(5, table.Rows.Length);
        Assert.All(table.Rows, row => Assert.Equal(3, row.Cells.Length));
        Assert.Equal(["4", "3", "2", "1"], table.Rows.Skip(1).Select(r => document.TextOf(r.Cells[0].Tokens)));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ApaLetter_AspectsForFocus_AreNestedListItems(string variant)
    {
        var document = Read(Seeds.Apa, variant);
        var loose = document.ListItems.Where(i => !document.Tables.Any(t => t.Tokens.Contains(i.Tokens.Start))).ToList();
        Assert.Equal(9, loose.Count);
        Assert.Equal(3, loose.Count(i => i.Level == 2));
        Assert.Equal("teenage conceptions.", Lower(document, loose[0].Tokens));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ApaLetter_HeadEndsAtTheSalutation(string variant)
    {
        var document = Read(Seeds.Apa, variant);
        var head = Lower(document, document.Head);
        Assert.Contains("mr andrew flack", head);
        Assert.EndsWith("1 november 2006", head);
    }

    [Theory]
    [MemberData(nameof(RatingLettersWithVariants))]
    public void RatingLetter_HasScaleTableRatingRowAndTwoSections(string seed, string variant)
    {
        var document = Read(seed, variant);
        Assert.Equal(["children's services annual rating", "children's services rating 2009"],
            document.Sections.Select(s => Lower(document, s.Heading).Replace('\u2019', '\'')));
        var scale = document.Tables[0];
        Assert.Equal(4, scale.Rows.Length);
        Assert.All(scale.Rows, row => Assert.Equal(3, row.Cells.Length));
        var rating = document.Tables[1];
        Assert.Single(rating.Rows);
        Assert.Matches(@"^performs \w+ \(\d\)$", Lower(document, rating.Rows[0].Cells[1].Tokens));
        Assert.True(rating.Rows[0].IsHeader);
    }

    [Theory]
    [MemberData(nameof(RatingLettersWithVariants))]
    public void RatingLetter_AddressBlockIsOneParagraphInTheHead(string seed, string variant)
    {
        var document = Read(seed, variant);
        var address = document.Paragraphs.First(p => p.Tokens.Start > 0 && document.Head.Contains(p.Tokens.Start) && p.LastLine > p.FirstLine);
        Assert.InRange(address.LastLine - address.FirstLine + 1, 7, 8);
        Assert.Matches(@"^\w{2,4} \w{3}$", document.TextOf(document.Lines.Last(l => address.Tokens.Contains(l.Start))));
    }

    [Theory]
    [MemberData(nameof(Seeds.AllWithVariants), MemberType = typeof(Seeds))]
    public void EverySeed_SentencesLieInsideTheLetterAndDoNotOverlap(string seed, string variant)
    {
        var document = Read(seed, variant);
        Assert.NotEmpty(document.Sentences);
        var previousEnd = 0;
        foreach (var sentence in document.Sentences)
        {
            Assert.False(sentence.Tokens.IsEmpty);
            Assert.True(sentence.Tokens.Start >= previousEnd);
            previousEnd = sentence.Tokens.End;
        }
    }
}
