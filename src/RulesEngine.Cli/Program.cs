using System.CommandLine;
using RulesEngine.Cli;

try
{
    // Exceptions reach the catch below, not the command-line library's own handler, which printed
    // a stack trace: a user gets one line, and the details only when asking for them.
    return CommandLine.Build().Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // Rule and letter problems are reported as diagnostics; anything reaching here is a bug or an
    // I/O failure. Say what it was, without a stack trace unless asked for one.
    Console.Error.WriteLine($"rulesengine: error: {e.Message}");
    if (args.Contains("--verbose") || args.Contains("-v") || Environment.GetEnvironmentVariable("RULESENGINE_DEBUG") is "1") Console.Error.WriteLine(e);
    else Console.Error.WriteLine("  (an internal error; --verbose shows the details for a bug report)");
    return 1;
}
