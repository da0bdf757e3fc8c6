using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Cli;

/// <summary>
/// The pipeline examples in docs/scaling.md, run as written in a folder of letters in every
/// format: the shell pipeline and GNU parallel give one record per letter, in input order, and
/// the same records.
/// </summary>
public sealed partial class ScalingDocTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scaling-doc").FullName;

    [GeneratedRegex(@"<!-- tested: (\w+) -->\s*```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex TestedBlock();

    public ScalingDocTests()
    {
        var letters = Path.Combine(_folder, "letters");
        Directory.CreateDirectory(letters);
        foreach (var seed in Seeds.Names) File.Copy(Path.Combine(Seeds.Folder, seed + ".txt"), Path.Combine(letters, seed + ".txt"));
        foreach (var (format, extension) in FormatFixtures.Formats)
            File.Copy(FormatFixtures.PathOf(format, Seeds.Apa), Path.Combine(letters, Seeds.Apa + extension));
        File.Copy(Path.Combine(FormatFixtures.Folder, "bad", "encrypted-with-password.pdf"), Path.Combine(letters, "locked.pdf"));
        CopyFolder(Support.Pack.Folder, Path.Combine(_folder, "rules"));
        // `./rulesengine` as the docs write it: the built command.
        var launcher = Path.Combine(_folder, "rulesengine");
        File.WriteAllText(launcher, $"#!/usr/bin/env bash\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "RulesEngine.Cli.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Block(string name)
    {
        var doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "scaling.md"));
        return TestedBlock().Matches(doc).Single(m => m.Groups[1].Value == name).Groups[2].Value;
    }

    [Fact]
    public void ShellPipeline_FromTheDocs_GivesOneRecordPerLetterInInputOrder()
    {
        var (exit, error) = Bash(Block("shell"));
        Assert.True(exit == 2, $"exit {exit} (2: one letter failed):\n{error}");
        var records = Records("records.jsonl");
        var ids = File.ReadAllLines(Path.Combine(_folder, "letters.jsonl")).Select(l => (string)JsonNode.Parse(l)!["id"]!).ToList();
        Assert.Equal(ids, records.Select(r => (string)r["letter"]!));
        Assert.Equal(9, ids.Count);
        var locked = records.Single(r => ((string)r["letter"]!).EndsWith("locked.pdf"));
        Assert.Contains("encrypted PDF", (string)locked["error"]!);
        Assert.All(records.Where(r => ((string)r["letter"]!).Contains(Seeds.Apa)), r => Assert.Equal("Derby City Council", (string?)r["council"]));
        Assert.Equal(["docx", "html", "pdf", null], records.Where(r => ((string)r["letter"]!).Contains(Seeds.Apa)).Select(r => (string?)r["format"]));
    }

    [SkippableFact]
    public void GnuParallel_FromTheDocs_GivesTheSameRecordsAsOneEngine()
    {
        var installed = Bash("command -v parallel").Exit == 0;
        // CI installs GNU parallel (.ci/run); a developer's machine may not have it.
        Assert.False(!installed && Environment.GetEnvironmentVariable("CI") == "true", "GNU parallel is missing on CI; .ci/run installs it");
        Skip.IfNot(installed, "GNU parallel is not installed (apt-get install parallel)");
        Bash(Block("shell"));
        var (exit, error) = Bash(Block("parallel"));
        // GNU parallel exits with the number of jobs that failed: one block held the locked PDF.
        Assert.True(exit == 1, $"exit {exit}:\n{error}");
        Assert.Equal(File.ReadAllText(Path.Combine(_folder, "records.jsonl")), File.ReadAllText(Path.Combine(_folder, "records-parallel.jsonl")));
    }

    private List<JsonObject> Records(string file) =>
        File.ReadAllLines(Path.Combine(_folder, file)).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    private (int Exit, string Error) Bash(string script)
    {
        var start = new ProcessStartInfo("bash", ["-c", script]) { WorkingDirectory = _folder, RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(script);
        }
        return (process.ExitCode, error.Result + output.Result);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
