using RulesEngine.Reading;

namespace RulesEngine.Tests.Reading;

public class LetterReaderTests
{
    private static Document Read(string text) => LetterReader.Read("test", text);

    private static string[] Words(Document document) => document.Tokens.Select(t => t.Text).ToArray();

    [Fact]
    public void Reader_HardWrappedParagraph_IsOneParagraph()
    {
        var document = Read("The contribution the council's services\nmake to improving outcomes in this\narea is good.\n\nNext paragraph.");
        Assert.Equal(2, document.Paragraphs.Length);
        Assert.Equal("The contribution the council's services make to improving outcomes in this area is good.",
            document.TextOf(document.Paragraphs[0].Tokens));
    }

    [Fact]
    public void Reader_HtmlTagsAndMarkdownMarks_AreNotTokens()
    {
        var document = Read("## Summary\n\nThe <i>local authority's</i> *Every Child Matters* <b>work</b>.");
        Assert.Equal(["Summary", "The", "local", "authority's", "Every", "Child", "Matters", "work", "."], Words(document));
        Assert.Equal("Summary", document.TextOf(document.Sections.Single().Heading));
    }

    /// <summary>Every form of Markdown emphasis is hidden, nested or not; marks that are not emphasis stay.</summary>
    [Theory]
    [InlineData("is **good** now", "is good now")]
    [InlineData("is __good__ now", "is good now")]
    [InlineData("is *good* now", "is good now")]
    [InlineData("is _good_ now", "is good now")]
    [InlineData("is ***good*** now", "is good now")]
    [InlineData("is **_good_** now", "is good now")]
    [InlineData("is _**good**_ now", "is good now")]
    [InlineData("is __*good*__ now", "is good now")]
    [InlineData("is **very _good_ indeed** now", "is very good indeed now")]
    [InlineData("is *very __good__ indeed* now", "is very good indeed now")]
    [InlineData("**Overall effectiveness: good.**", "Overall effectiveness : good .")]
    [InlineData("(*good*), **Ofsted** view", "( good ) , Ofsted view")]
    [InlineData("five A*-Cs and 2 * 3", "five A * - Cs and 2 * 3")]
    [InlineData("the snake_case name", "the snake _ case name")]
    public void Reader_MarkdownEmphasis_LeavesNoStrayTokens(string text, string words) =>
        Assert.Equal(words, string.Join(" ", Words(Read(text))));

    [Fact]
    public void Reader_CurlyApostropheAndDashes_NormaliseToPlainCharacters()
    {
        var token = Read("Children\u2019s \u2013").Tokens;
        Assert.Equal("children's", token[0].Norm);
        Assert.Equal("Children\u2019s", token[0].Text);
        Assert.Equal("-", token[1].Norm);
    }

    [Fact]
    public void Reader_NumbersAndPercentages_AreSingleTokensOfTheirKind()
    {
        var tokens = Read("population is 233,200 of which 22.30% are young; DE4 3AG").Tokens;
        Assert.Equal(TokenKind.Number, tokens.Single(t => t.Text == "233,200").Kind);
        Assert.Equal(TokenKind.Percentage, tokens.Single(t => t.Text == "22.30%").Kind);
        var postcode = tokens.Single(t => t.Text == "DE4");
        Assert.Equal(TokenKind.Word, postcode.Kind);
        Assert.True(postcode.Has(TokenFlags.HasDigits | TokenFlags.AllCaps | TokenFlags.Capitalised));
    }

    [Theory]
    // ASCII runs, then what may carry a word or number on: apostrophes, decimal points and
    // thousands separators only before a digit or letter, letters outside ASCII anywhere.
    [InlineData("children's and St Mary’s", "children's|Word and|Word St|Word Mary’s|Word")]
    [InlineData("1,000 or 2.5 or 3. and 4,", "1,000|Number or|Word 2.5|Number or|Word 3|Number .|Punctuation and|Word 4|Number ,|Punctuation")]
    [InlineData("5th EV4 3AG 12a", "5th|Word EV4|Word 3AG|Word 12a|Word")]
    [InlineData("naïve Zoë café 2009", "naïve|Word Zoë|Word café|Word 2009|Number")]
    [InlineData("50% and 7.5%% 1,2,3", "50%|Percentage and|Word 7.5%|Percentage %|Punctuation 1,2,3|Number")]
    [InlineData("word' 'quoted' x_y a-b", "word|Word '|Punctuation '|Punctuation quoted|Word '|Punctuation x|Word _|Punctuation y|Word a|Word -|Punctuation b|Word")]
    [InlineData("١٢٣ and ５ and Ωmega", "١٢٣|Number and|Word ５|Number and|Word Ωmega|Word")]
    public void Reader_WordsAndNumbers_EndWhereTheirCharactersDo(string line, string expected)
    {
        var tokens = Read(line).Tokens;
        Assert.Equal(expected, string.Join(" ", tokens.Select(t => $"{t.Text}|{t.Kind}")));
    }

    [Fact]
    public void Reader_PageFooterInsideParagraph_DoesNotBreakIt()
    {
        var document = Read("First half of a sentence\nPage 2 of 3\n\f\nand its second half.");
        Assert.Single(document.Paragraphs);
        Assert.DoesNotContain(document.Tokens, t => t.Text == "Page");
    }

    [Fact]
    public void Reader_FootnoteMarksAndBullets_AreNotTokens()
    {
        var document = Read("Grade awarded\u00B9\n\n\u2022 first item\n\u2022 second item");
        Assert.Equal(["Grade", "awarded", "first", "item", "second", "item"], Words(document));
        Assert.Equal(2, document.ListItems.Length);
    }

    [Fact]
    public void Reader_LoneAsterisk_IsASymbolNotEmphasis()
    {
        Assert.Equal(["five", "A", "*", "-", "Cs"], Words(Read("five A*-Cs")));
    }

    [Fact]
    public void Reader_SignatureImageDescription_IsAFigureNotText()
    {
        var document = Read("Yours sincerely\n\nA handwritten signature in black ink that reads \"J. Winstanley\".\n\nJuliet Winstanley");
        Assert.Single(document.Figures);
        Assert.DoesNotContain(document.Tokens, t => t.Text == "handwritten");
    }

    [Fact]
    public void Reader_TitleLineBetweenSalutationAndClosing_IsAHeading()
    {
        var document = Read("Dear Sir\n\nStaying safe\n\nThe contribution is good.\n\nYours sincerely\n\nJohn Smith");
        var section = Assert.Single(document.Sections);
        Assert.Equal("Staying safe", document.TextOf(section.Heading));
        Assert.Equal("The contribution is good.", document.TextOf(section.Body));
        Assert.Equal("Dear", document.Tokens[document.Head.End].Text);
    }

    [Fact]
    public void Reader_BoldLine_IsAHeadingAnywhere()
    {
        var document = Read("<b>Summary</b>\n\nText.");
        Assert.Equal("Summary", document.TextOf(Assert.Single(document.Sections).Heading));
    }

    [Fact]
    public void Reader_TabSeparatedRowsWithDashedRule_FormATableWithHeader()
    {
        var document = Read("Name\tGrade\n----\t-----\nBeing healthy\t3\nStaying safe\t2\n");
        var table = Assert.Single(document.Tables);
        Assert.Equal(3, table.Rows.Length);
        Assert.True(table.Rows[0].IsHeader);
        Assert.Equal("2", document.TextOf(table.Rows[2].Cells[1].Tokens));
    }

    [Fact]
    public void Reader_HtmlTableRows_FormATableLikeTabSeparatedOnes()
    {
        var document = Read("<table>\n<tr><th>Area</th><th>Grade</th></tr>\n<tr><td>Being healthy</td><td>3</td></tr>\n</table>\n");
        var table = Assert.Single(document.Tables);
        Assert.Equal(2, table.Rows.Length);
        Assert.Equal(["Being healthy", "3"], table.Rows[1].Cells.Select(c => document.TextOf(c.Tokens)));
    }

    [Fact]
    public void Reader_ListInsideTableCell_BecomesItsItems()
    {
        var document = Read("Strengths\tWeaknesses\n<p><i>Area:</i></p> <ul><li>one thing</li><li>another</li></ul>\t\u2022 a \u2022 b \u2022 c\n");
        var row = document.Tables.Single().Rows[1];
        Assert.Equal(["one thing", "another"], row.Cells[0].Items.Select(i => document.TextOf(i.Tokens)));
        Assert.Equal(3, row.Cells[1].Items.Length);
    }

    [Fact]
    public void Reader_SentencesAfterTitles_AreNotSplit()
    {
        var document = Read("We met Mr. Smith today. He was well.");
        Assert.Equal(2, document.Sentences.Length);
    }

    [Fact]
    public void Reader_LetterWithoutSalutation_HasAnEmptyHead()
    {
        Assert.True(Read("Just some text.").Head.IsEmpty);
    }

    [Fact]
    public void Reader_CharacterReferencesInAWord_AreOneTokenThatReadsDecoded()
    {
        const string text = "Children&#39;s services &amp; the council&rsquo;s caf&eacute; &pound;5";
        var document = LetterReader.Read("refs", text);
        Assert.Equal(["children's", "services", "&", "the", "council's", "café", "£", "5"], document.Tokens.Select(t => t.Norm));
        Assert.Equal("Children's services & the council’s café £5", document.TextOf(document.All));
        var (start, end) = document.CharSpan(new TokenRange(0, 1));
        Assert.Equal("Children&#39;s", text[start..end]);
    }
}
