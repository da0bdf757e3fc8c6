using RulesEngine.Batch;
using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Batch;

public sealed class BatchRunnerTests
{
    private const string CouncilRule = """
        rule council
          match cap "council" -> c
          emit council = text(c)
        """;

    [Fact]
    public void ParallelRunOverAList_HandsBackEachLetterSoonAfterItIsRead()
    {
        // Memory stays flat only if results come back in about the order letters are read, so that
        // none waits for a slow earlier part of the batch. Counted, not timed: with the reader
        // keeping up, how many letters were started but not yet handed back.
        const int letters = 600;
        var started = 0;
        var sources = Enumerable.Range(0, letters)
            .Select(i => new LetterSource($"l{i}", $"l{i}", _ =>
            {
                Interlocked.Increment(ref started);
                Thread.Sleep(1);
                return System.Text.Encoding.UTF8.GetBytes($"Dear Sir\n\nDerby City Council wrote on day {i}.\n");
            }))
            .ToList();
        var handedBack = 0;
        var mostAhead = 0;
        foreach (var outcome in BatchRunner.Run(Rules.Compile(CouncilRule), sources, jobs: 2))
        {
            Assert.Equal($"l{handedBack}", outcome.Source.Name);
            Assert.True(outcome.Succeeded, outcome.Error);
            handedBack++;
            mostAhead = Math.Max(mostAhead, Volatile.Read(ref started) - handedBack);
        }
        Assert.Equal(letters, handedBack);
        Assert.InRange(mostAhead, 0, letters / 10);
    }
}
