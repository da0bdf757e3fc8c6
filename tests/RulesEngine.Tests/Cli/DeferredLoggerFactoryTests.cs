using Microsoft.Extensions.Logging;
using RulesEngine.Cli;

namespace RulesEngine.Tests.Cli;

public sealed class DeferredLoggerFactoryTests
{
    private sealed class RecordingFactory : ILoggerFactory, ILogger
    {
        public List<string> Messages { get; } = [];
        public bool Disposed { get; private set; }

        public ILogger CreateLogger(string categoryName) => this;
        public void AddProvider(ILoggerProvider provider) { }
        public void Dispose() => Disposed = true;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add($"{logLevel}: {formatter(state, exception)}");
    }

    [Fact]
    public void MessagesBelowTheMinimum_NeverMakeTheRealFactory()
    {
        var made = 0;
        using var factory = new DeferredLoggerFactory(LogLevel.Information, () => { made++; return new RecordingFactory(); });
        var log = factory.CreateLogger("run");
        log.LogDebug("{Count} letters", 3);
        log.LogTrace("detail");
        Assert.False(log.IsEnabled(LogLevel.Debug));
        Assert.Equal(0, made);
    }

    [Fact]
    public void TheFirstEnabledMessage_MakesTheFactoryOnceAndReachesIt()
    {
        var real = new RecordingFactory();
        var made = 0;
        var factory = new DeferredLoggerFactory(LogLevel.Information, () => { made++; return real; });
        var log = factory.CreateLogger("run");
        log.LogWarning("{Letter}: odd bytes", "a.txt");
        log.LogError("{Letter}: failed", "b.txt");
        factory.Dispose();
        Assert.Equal(1, made);
        Assert.Equal(["Warning: a.txt: odd bytes", "Error: b.txt: failed"], real.Messages);
        Assert.True(real.Disposed);
    }

    [Fact]
    public void WithTheMinimumLowered_DebugMessagesAreWritten()
    {
        var real = new RecordingFactory();
        using var factory = new DeferredLoggerFactory(LogLevel.Debug, () => real);
        factory.CreateLogger("run").LogDebug("{Count} letters", 5);
        Assert.Equal(["Debug: 5 letters"], real.Messages);
    }
}
