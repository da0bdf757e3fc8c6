using System.Diagnostics;

namespace RulesEngine.Tests.Cli.Lsp;

/// <summary>
/// The VS Code extension in editors/vscode, tested with real clients: its TextMate grammar by
/// vscode-tmgrammar-test on annotated samples of every construct, the language server over stdio
/// by the protocol library VS Code itself uses, and the .vsix packaged by @vscode/vsce. npm
/// installs the pinned packages once per run (from package-lock.json).
/// </summary>
public sealed class EditorExtensionTests
{
    private static readonly string Extension = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "editors", "vscode"));

    private static readonly Lazy<(int Code, string Output)> Installed = new(() => Run("npm", "ci", "--no-audit", "--no-fund"));

    private static (int Code, string Output) Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = Extension, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{command} {string.Join(' ', arguments)} did not finish in 5 minutes");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    private static void AssertInstalled() => Assert.True(Installed.Value.Code == 0, "npm ci failed:\n" + Installed.Value.Output);

    [Fact]
    public void TheTextMateGrammar_GivesEveryConstructItsScope()
    {
        AssertInstalled();
        var (code, output) = Run("npx", "vscode-tmgrammar-test", "test/grammar/*.rules");
        Assert.True(code == 0, output);
        Assert.Contains("run successfuly", output);
    }

    [Fact]
    public void TheLanguageServer_OverStdio_AnswersTheProtocolLibraryVsCodeUses()
    {
        AssertInstalled();
        var (code, output) = Run("node", "test/lsp-exchange.js", "dotnet", Path.Combine(AppContext.BaseDirectory, "RulesEngine.Cli.dll"));
        Assert.True(code == 0, output);
        Assert.Contains("shutdown: ok", output);
    }

    [Fact]
    public void TheExtension_PackagesAsAVsixWithItsClientLibrary()
    {
        AssertInstalled();
        var vsix = Path.Combine(Path.GetTempPath(), $"rulesengine-{Guid.NewGuid():N}.vsix");
        try
        {
            var (code, output) = Run("npx", "vsce", "package", "--allow-missing-repository", "-o", vsix);
            Assert.True(code == 0, output);
            using var archive = System.IO.Compression.ZipFile.OpenRead(vsix);
            var names = archive.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("extension/syntaxes/rulesengine.tmLanguage.json", names);
            Assert.Contains("extension/extension.js", names);
            Assert.Contains(names, n => n.StartsWith("extension/node_modules/vscode-languageclient/", StringComparison.Ordinal));
            Assert.DoesNotContain(names, n => n.StartsWith("extension/test/", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(vsix);
        }
    }
}
