using System.CommandLine;
using Microsoft.Extensions.Logging;

namespace RulesEngine.Cli;

/// <summary>Logs go to stderr through Microsoft.Extensions.Logging, so data on stdout stays clean; `-v` shows debug detail.</summary>
internal static class Logging
{
    public static Option<bool> VerboseOption { get; } = new("--verbose", "-v")
    {
        Description = "Show debug detail on stderr.",
        Recursive = true,
    };

    public static ILoggerFactory Create(ParseResult parse)
    {
        var minimum = parse.GetValue(VerboseOption) ? LogLevel.Debug : LogLevel.Information;
        return new DeferredLoggerFactory(minimum, () => LoggerFactory.Create(builder => builder
            .SetMinimumLevel(minimum)
            .AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.IncludeScopes = false;
            })
            .AddFilter("Microsoft", LogLevel.Warning)));
    }
}
