using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Reliability;

/// <summary>Bad letters, interruptions and resumption, through the real command.</summary>
public sealed class BadBatchTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("rulesengine-bad-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void BatchOfSeedsAndEveryBadLetterKind_NamesEachBadLetterAndGetsTheSeedsRight()
    {
        var letters = Path.Combine(_temp, "letters");
        Directory.CreateDirectory(letters);
        foreach (var seed in Seeds.Names) File.WriteAllText(Path.Combine(letters, seed + ".txt"), Seeds.Text(seed));
        File.WriteAllText(Path.Combine(letters, "bad-empty.txt"), "");
        File.WriteAllBytes(Path.Combine(letters, "bad-binary.txt"), [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]);
        File.WriteAllBytes(Path.Combine(letters, "bad-utf8.txt"), [.. Encoding.UTF8.GetBytes("Dear Sir\n\nIt’s performing well "), 0xC3, 0x28, .. "(3).\n"u8.ToArray()]);
        File.WriteAllText(Path.Combine(letters, "bad-huge-line.txt"), new string('x', 20 * 1024 * 1024));
        File.WriteAllText(Path.Combine(letters, "bad-nested.txt"), "Dear Sir\n\n" + string.Concat(Enumerable.Repeat("<b><i>", 30_000)) + "deep" + string.Concat(Enumerable.Repeat("</i></b>", 30_000)));
        File.WriteAllText(Path.Combine(letters, "bad-truncated.txt"), Seeds.Text(Seeds.Apa)[..1500]);
        File.CreateSymbolicLink(Path.Combine(letters, "bad-unreadable.txt"), Path.Combine(_temp, "does-not-exist.txt"));

        var watch = Stopwatch.StartNew();
        var outcome = CommandRunner.Run("run", letters, "--out", Path.Combine(_temp, "out"));
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(2), $"the batch took {watch.Elapsed}");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("bad-empty.txt: error: the letter is empty", outcome.Error);
        Assert.Contains("bad-binary.txt: error: the file is binary", outcome.Error);
        Assert.Contains("bad-utf8.txt: warning: invalid UTF-8 at byte", outcome.Error);
        Assert.Contains("bad-huge-line.txt: error: the letter is larger than the limit", outcome.Error);
        Assert.Contains("bad-unreadable.txt: error: cannot read the file", outcome.Error);
        Assert.DoesNotContain("   at ", outcome.Error);
        Assert.Contains("4 failed", outcome.Error);
        Assert.True(File.Exists(Path.Combine(_temp, "out", "bad-nested.json")));
        Assert.True(File.Exists(Path.Combine(_temp, "out", "bad-truncated.json")));
        foreach (var seed in Seeds.Names)
        {
            var record = JsonNode.Parse(File.ReadAllText(Path.Combine(_temp, "out", seed + ".json")))!;
            var label = JsonNode.Parse(File.ReadAllText(Seeds.LabelPath(seed)))!;
            Assert.Equal((string?)label["council"], (string?)record["council"]);
            Assert.Equal((string?)label["date"], (string?)record["date"]);
            Assert.Equal((string?)label["recipient"]!["name"], (string?)record["recipient"]!["name"]);
        }
    }

    [Fact]
    public void FolderWithThousandsOfLetters_IsProcessedCompletely()
    {
        var letters = Path.Combine(_temp, "many");
        Directory.CreateDirectory(letters);
        for (var i = 0; i < 3000; i++) File.WriteAllText(Path.Combine(letters, $"m{i:D5}.txt"), $"{1 + i % 28} March 2009\n\nDear Sir\n\nThe service performs well.\n");
        var outcome = CommandRunner.Run("run", letters, "--out", Path.Combine(_temp, "out"), "--format", "jsonl");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        Assert.Equal(3000, File.ReadAllLines(Path.Combine(_temp, "out", "letters.jsonl")).Length);
        Assert.Contains("3000 letter(s) read, 3000 processed, 0 failed", outcome.Error);
    }

    [Fact]
    public async Task Interrupt_LeavesOnlyCompleteFilesAndResumeFinishesTheBatch()
    {
        var letters = Path.Combine(_temp, "letters");
        Directory.CreateDirectory(letters);
        for (var i = 0; i < 400; i++) File.WriteAllText(Path.Combine(letters, $"l{i:D4}.txt"), Seeds.Text(Seeds.Apa));
        var output = Path.Combine(_temp, "out");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "RulesEngine.Cli.dll"), "run", letters, "--out", output, "--jobs", "1" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((!Directory.Exists(output) || Directory.GetFiles(output, "*.json").Length < 3) && DateTime.UtcNow < deadline) Thread.Sleep(50);
        Process.Start("kill", ["-INT", process.Id.ToString()])!.WaitForExit();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("interrupted:", await error);
        var done = Directory.GetFiles(output, "*.json");
        Assert.InRange(done.Length, 3, 399);
        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories).Concat(Directory.GetFiles(output, ".*")));
        foreach (var file in done) Assert.NotNull(JsonNode.Parse(File.ReadAllText(file)));

        var resumed = CommandRunner.Run("run", letters, "--out", output, "--resume");
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"{done.Length} letter(s) skipped as up to date", resumed.Error);
        Assert.Equal(400, Directory.GetFiles(output, "*.json").Length);
    }
}
