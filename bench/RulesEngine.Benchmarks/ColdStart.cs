using System.Diagnostics;

namespace RulesEngine.Benchmarks;

/// <summary>
/// The cold start of the real command: `./rulesengine run LETTER` as a new process each time,
/// script and compiling the pack included, as a user runs it. The first run is not timed (it
/// publishes the tool when the sources changed).
/// </summary>
internal static class ColdStart
{
    public static void Run(string root, string letter, int runs)
    {
        var script = Path.Combine(root, "rulesengine");
        RunOnce(script, letter);
        var seconds = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            RunOnce(script, letter);
            seconds.Add(watch.Elapsed.TotalSeconds);
        }
        seconds.Sort();
        Console.WriteLine($"cold start of `rulesengine run {Path.GetFileName(letter)}` over {runs} runs: " +
            $"median {seconds[runs / 2]:0.000} s, fastest {seconds[0]:0.000} s, slowest {seconds[^1]:0.000} s");
    }

    private static void RunOnce(string script, string letter)
    {
        var start = new ProcessStartInfo("bash", [script, "run", letter])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {script}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{script} run {letter} failed ({process.ExitCode}): {errors.Result}");
        _ = output.Result;
    }
}
