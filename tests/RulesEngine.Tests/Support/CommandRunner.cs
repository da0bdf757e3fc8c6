using System.Diagnostics;

namespace RulesEngine.Tests.Support;

/// <summary>Runs the real `rulesengine` command (the built CLI assembly) as a separate process.</summary>
public static class CommandRunner
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome RunIn(string workingDirectory, string? standardInput, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RulesEngine.Cli.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null) process.StandardInput.Write(standardInput);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rulesengine {string.Join(' ', arguments)} did not finish");
        }
        return new Outcome(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs in the test output folder, where rules/ and seeds/ are copied.</summary>
    public static Outcome Run(params string[] arguments) => RunIn(AppContext.BaseDirectory, null, arguments);
}
