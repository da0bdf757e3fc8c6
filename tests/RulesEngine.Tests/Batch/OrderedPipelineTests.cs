using RulesEngine.Batch;

namespace RulesEngine.Tests.Batch;

public sealed class OrderedPipelineTests
{
    // A hang guard, not a timing: each of these runs takes milliseconds when it works.
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    private static List<string> RunAll(IEnumerable<int> inputs, Func<int, string> work, int threads, int window, CancellationToken cancellation = default, Action<string>? onEach = null)
    {
        var task = Task.Run(() =>
        {
            var results = new List<string>();
            using var pipeline = new OrderedPipeline<int, string>(inputs, work, threads, window, cancellation);
            foreach (var result in pipeline.Results())
            {
                results.Add(result);
                onEach?.Invoke(result);
            }
            return results;
        });
        Assert.True(task.Wait(Hang), "the pipeline did not finish");
        return task.Result;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(1000)]
    public void Results_ForAnyNumberOfInputs_ComeBackAllAndInOrder(int count)
    {
        // Fewer inputs than the reader's wake-up batch must not leave the last ones waiting: short
        // batches sleep in their work so the reader is already waiting when results arrive.
        var results = RunAll(Enumerable.Range(0, count), i =>
        {
            if (count < 10) Thread.Sleep(20);
            return $"r{i}";
        }, threads: 2, window: 16);

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"r{i}"), results);
    }

    [Fact]
    public void Results_WhenWorkFinishesOutOfOrder_ComeBackInOrder()
    {
        // Every third item is slow, so later ones finish first and wait for it.
        var results = RunAll(Enumerable.Range(0, 60), i =>
        {
            if (i % 3 == 0) Thread.Sleep(5);
            return $"r{i}";
        }, threads: 3, window: 24);

        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"r{i}"), results);
    }

    [Fact]
    public void Results_WithASlowReader_NeverHaveMoreThanTheWindowInFlight()
    {
        const int window = 8;
        var started = 0;
        var handedBack = 0;
        var mostInFlight = 0;
        var results = RunAll(Enumerable.Range(0, 100).Select(i =>
        {
            mostInFlight = Math.Max(mostInFlight, Interlocked.Increment(ref started) - Volatile.Read(ref handedBack));
            return i;
        }), i => $"r{i}", threads: 2, window: window, onEach: _ =>
        {
            Interlocked.Increment(ref handedBack);
            Thread.Sleep(1);
        });

        Assert.Equal(100, results.Count);
        Assert.InRange(mostInFlight, 1, window + 1);
    }

    [Fact]
    public void Results_WhenAWorkerFails_RethrowTheFailureToTheReader()
    {
        var task = Task.Run(() =>
        {
            using var pipeline = new OrderedPipeline<int, string>(Enumerable.Range(0, 100),
                i => i == 42 ? throw new InvalidOperationException("item 42") : $"r{i}", 2, 16, default);
            foreach (var _ in pipeline.Results()) { }
        });

        var failure = Assert.Throws<AggregateException>(() => task.Wait(Hang));
        Assert.Equal("item 42", Assert.IsType<InvalidOperationException>(failure.InnerException).Message);
    }

    [Fact]
    public void Results_WhenCancelledWhileTheReaderWaits_StopWithCancellation()
    {
        using var cancel = new CancellationTokenSource();
        using var release = new ManualResetEventSlim();
        // The first item does not finish until released, so the reader is waiting for it when cancelled.
        var pipeline = new OrderedPipeline<int, string>(Enumerable.Range(0, 10), i =>
        {
            if (i == 0) release.Wait();
            return $"r{i}";
        }, 2, 16, cancel.Token);
        var reading = Task.Run(() => { foreach (var _ in pipeline.Results()) { } });
        Thread.Sleep(50);
        cancel.Cancel();

        var failure = Assert.Throws<AggregateException>(() => reading.Wait(Hang));
        Assert.IsAssignableFrom<OperationCanceledException>(failure.InnerException);
        // Disposing waits for the item in hand.
        release.Set();
        pipeline.Dispose();
    }
}
