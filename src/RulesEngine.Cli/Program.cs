using RulesEngine.Cli;

try
{
    return CommandLine.Build().Parse(args).Invoke();
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    // Rule and letter problems are reported as diagnostics; anything reaching here is a bug or an
    // I/O failure. Say what it was, without a stack trace unless asked for one.
    Console.Error.WriteLine($"rulesengine: error: {e.Message}");
    if (Environment.GetEnvironmentVariable("RULESENGINE_DEBUG") is "1") Console.Error.WriteLine(e);
    return 70;
}
