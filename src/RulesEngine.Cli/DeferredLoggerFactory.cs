using Microsoft.Extensions.Logging;

namespace RulesEngine.Cli;

/// <summary>
/// A logger factory made only when a message at an enabled level is first logged. Building the
/// console logging factory (its dependency-injection container) took about 6 ms of a 35 ms
/// one-letter run, and most runs log nothing at the levels shown.
/// </summary>
internal sealed class DeferredLoggerFactory(LogLevel minimum, Func<ILoggerFactory> create) : ILoggerFactory
{
    private readonly Lazy<ILoggerFactory> _factory = new(create);
    private readonly LogLevel _minimum = minimum;

    public ILogger CreateLogger(string categoryName) => new DeferredLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => _factory.Value.AddProvider(provider);

    /// <summary>Disposes the real factory if one was made, which writes out the messages it still queues.</summary>
    public void Dispose()
    {
        if (_factory.IsValueCreated) _factory.Value.Dispose();
    }

    private sealed class DeferredLogger(DeferredLoggerFactory owner, string category) : ILogger
    {
        private ILogger? _logger;

        private ILogger Logger => _logger ??= owner._factory.Value.CreateLogger(category);

        // Below the minimum nothing is shown whatever the filters say, so the factory is not made to ask.
        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum && logLevel != LogLevel.None && Logger.IsEnabled(logLevel);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => Logger.BeginScope(state);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) Logger.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
