using RulesEngine.Batch;
using RulesEngine.Output;
using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Output;

public sealed class JsonLinesWriterTests : IDisposable
{
    private const string CouncilRule = """
        rule council
          match (cap "council") -> c
          emit council = text(c)
        """;

    private readonly string _temp = Directory.CreateTempSubdirectory("rulesengine-jsonl-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static List<LetterOutcome> Outcomes(ILetterWriter writer) =>
        [.. BatchRunner.Run(Rules.Compile(CouncilRule), Sources(), jobs: 2, default, writer.Prepare)];

    private static LetterSource[] Sources() =>
        [
            LetterSource.FromText("first", "Derby City Council wrote about “children’s” homes."),
            LetterSource.FromText("empty", "   "),
            LetterSource.FromText("second", "Ynys Môn Council wrote."),
        ];

    /// <summary>Runs the batch through the writer and writes every outcome in order; the caller completes or abandons.</summary>
    private static List<LetterOutcome> WriteAll(JsonLinesWriter writer)
    {
        var outcomes = Outcomes(writer);
        foreach (var outcome in outcomes) writer.Write(outcome);
        return outcomes;
    }

    [Fact]
    public void FileGetsOneCompactLinePerProcessedLetterInBatchOrder()
    {
        var path = Path.Combine(_temp, "letters.jsonl");
        var writer = new JsonLinesWriter(path);
        WriteAll(writer);
        writer.Complete();

        // From a run of its own: the outcomes the writer prepared keep only what the summary reads.
        var unprepared = BatchRunner.Run(Rules.Compile(CouncilRule), Sources(), jobs: 1).Where(o => o.Succeeded);
        var expected = unprepared.Select(o => JsonOutput.Serialize(o.Result!, indented: false) + "\n");
        Assert.Equal(string.Concat(expected), File.ReadAllText(path));
        Assert.Equal(["first", "second"], File.ReadAllLines(path).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("letter").GetString()));
    }

    [Fact]
    public void StreamAndFileFormsWriteTheSameText()
    {
        var path = Path.Combine(_temp, "letters.jsonl");
        var toFile = new JsonLinesWriter(path);
        WriteAll(toFile);
        toFile.Complete();

        var text = new StringWriter();
        var toStream = new JsonLinesWriter(text);
        WriteAll(toStream);
        toStream.Complete();

        Assert.Equal(File.ReadAllText(path), text.ToString());
        Assert.Contains("\"council\":\"Môn Council\"", text.ToString());
    }

    [Fact]
    public void AbandonedFileLeavesNothingBehind()
    {
        var path = Path.Combine(_temp, "letters.jsonl");
        var writer = new JsonLinesWriter(path);
        WriteAll(writer);
        writer.Abandon();

        Assert.Empty(Directory.GetFiles(_temp));
    }
}
