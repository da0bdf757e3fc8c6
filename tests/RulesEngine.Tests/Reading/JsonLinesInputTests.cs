using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Reading;

/// <summary>Letters as JSON Lines: one object a line, read lazily, a bad line a letter with an error in its place.</summary>
public class JsonLinesInputTests
{
    private static List<LoadedLetter> Load(string lines) =>
        JsonLinesInput.Read(new StringReader(lines), "in.jsonl").Select(source => LetterLoader.Load(source)).ToList();

    [Fact]
    public void JsonLines_TextPathAndBase64_AreLettersNamedByTheirIds()
    {
        var html = Convert.ToBase64String(File.ReadAllBytes(FormatFixtures.PathOf("html", Seeds.Apa)));
        var path = FormatFixtures.PathOf("pdf", Seeds.Apa).Replace("\\", "\\\\");
        var letters = Load($$"""
            {"id": "t", "text": "Dear Sir\n\nYours sincerely"}
            {"id": 17, "path": "{{path}}"}

            {"id": "b", "base64": "{{html}}"}
            """);
        Assert.Equal(["t", "17", "b"], letters.Select(l => l.Name));
        Assert.All(letters, l => Assert.Null(l.Error));
        Assert.Equal(["Text", "Pdf", "Html"], letters.Select(l => l.Format.ToString()));
    }

    [Fact]
    public void JsonLines_ABadLine_IsALetterWithAnErrorInItsPlace()
    {
        var letters = Load("""
            not json
            ["a list"]
            {"id": "m"}
            {"id": "x", "base64": "%%%"}
            {"text": "no id"}
            """);
        Assert.Equal(["line-1", "line-2", "m", "x", "line-5"], letters.Select(l => l.Name));
        Assert.Contains("in.jsonl:1: error: the line is not JSON", letters[0].Error);
        Assert.Contains("expected an object", letters[1].Error);
        Assert.Contains("none of \"text\", \"path\" or \"base64\"", letters[2].Error);
        Assert.Contains("not valid base64", letters[3].Error);
        Assert.Null(letters[4].Error);
    }

    [Fact]
    public void JsonLines_AreReadOnlyAsFarAsTheyAreAskedFor()
    {
        var reader = new CountingReader("{\"id\": \"1\", \"text\": \"a\"}\n{\"id\": \"2\", \"text\": \"b\"}\n{\"id\": \"3\", \"text\": \"c\"}\n");
        var first = JsonLinesInput.Read(reader, "stdin").First();
        Assert.Equal("1", first.Name);
        Assert.Equal(1, reader.LinesRead);
    }

    private sealed class CountingReader(string text) : StringReader(text)
    {
        public int LinesRead { get; private set; }

        public override string? ReadLine()
        {
            LinesRead++;
            return base.ReadLine();
        }
    }
}
