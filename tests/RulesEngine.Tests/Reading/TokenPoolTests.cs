using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Reading;

public class TokenPoolTests
{
    private static string Describe(Token token) =>
        $"{token.Index} {token.Kind} {token.Start}+{token.Length} {token.Line}:{token.Column} {token.Text}|{token.Norm} {token.NormId} {token.TextId} {token.Flags}";

    private static void AssertSameTokens(Document fresh, Document pooled) =>
        Assert.Equal(fresh.Tokens.Select(Describe), pooled.Tokens.Select(Describe));

    [Fact]
    public void Read_WithAPoolReusedAcrossLetters_GivesEachLetterTheTokensOfAFreshRead()
    {
        var pool = new TokenPool();
        // Long, short, then long again: every reused token must lose all of its last letter's
        // state, flags set after it was made (a line's end) included.
        foreach (var seed in new[] { Seeds.Apa, Seeds.Names[0], Seeds.Apa, Seeds.Names[^1] })
        {
            var text = Seeds.Text(seed);
            AssertSameTokens(LetterReader.Read(seed, text), LetterReader.Read(seed, text, pool));
        }
    }

    [Fact]
    public void Read_WithAPool_TakesTheNextLettersTokensFromTheLastOnes()
    {
        var pool = new TokenPool();
        var first = LetterReader.Read("first", "One letter.", pool).Tokens[0];
        var second = LetterReader.Read("second", "Another letter.", pool).Tokens[0];

        Assert.Same(first, second);
        Assert.Equal("Another", second.Text);
    }

    [Fact]
    public void Read_WithoutAPool_GivesEachLetterTokensOfItsOwn()
    {
        var first = LetterReader.Read("first", "One letter.").Tokens[0];
        var second = LetterReader.Read("second", "Another letter.").Tokens[0];

        Assert.NotSame(first, second);
        Assert.Equal("One", first.Text);
    }

    [Fact]
    public void Read_WithAPool_KeepsTokensOnlyUpToItsLimit()
    {
        // One huge letter must not leave its thread holding all of its tokens for the rest of the batch.
        var pool = new TokenPool();
        var huge = string.Join(" ", Enumerable.Repeat("word", 70_000));
        var first = LetterReader.Read("first", huge, pool);
        var second = LetterReader.Read("second", huge, pool);

        Assert.Same(first.Tokens[0], second.Tokens[0]);
        Assert.Same(first.Tokens[TokenPool.MaxKept - 1], second.Tokens[TokenPool.MaxKept - 1]);
        Assert.NotSame(first.Tokens[TokenPool.MaxKept], second.Tokens[TokenPool.MaxKept]);
        Assert.Equal(70_000, second.Tokens.Length);
    }

    [Fact]
    public void Tokens_OfAShortLetterReadAfterALongOne_EndAtTheShortLettersLastToken()
    {
        // The document's tokens are a view of the pool's storage, which the long letter left longer.
        var pool = new TokenPool();
        LetterReader.Read(Seeds.Apa, Seeds.Text(Seeds.Apa), pool);
        var tokens = LetterReader.Read("short", "One letter.", pool).Tokens;

        Assert.Equal(3, tokens.Length);
        Assert.Equal(["One", "letter", "."], tokens.Select(token => token.Text));
        Assert.Equal(3, tokens.AsSpan().Length);
        Assert.Equal(".", tokens[^1].Text);
        Assert.Throws<ArgumentOutOfRangeException>(() => tokens[3]);
    }

    [Fact]
    public void TextBuffer_AfterAnUnusuallyLongLetter_IsLetGoForTheNextOrdinaryOne()
    {
        // A worker must not hold a huge letter's text for the rest of the batch.
        var pool = new TokenPool();
        pool.TextBuffer(3_000_000);

        var ordinary = pool.TextBuffer(10_000);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray<char>(ordinary, out var storage));
        Assert.InRange(storage.Array!.Length, 10_000, 64 * 1024);
    }
}
