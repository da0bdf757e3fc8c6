using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using RulesEngine.Language.Compilation;
using RulesEngine.Matching;
using RulesEngine.Reading;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Reliability;

/// <summary>
/// Property tests that hunt for crashes: random and mutated letters never break the reader
/// (and offsets stay exact), random and mutated rule files only ever give diagnostics.
/// Fixed seeds, so CI runs the same cases every time.
/// </summary>
public class FuzzTests
{
    private static readonly string[] RuleWords =
        ["rule", "match", "emit", "within", "where", "heading", "matches", "lexicon", "phase", "longest", "first", "all", "import", "\"x\"",
         "{", "}", "(", ")", "[", "]", "->", "|", "*", "+", "?", "{1,3}", "...", "up to 3", "!", "@Date", "/a+/", "=", ",", ":", "\n", "x", "y",
         "number", "cap", "example", "expect", "none", "\"\"\"", "followed by", "not", "preceded", "by", "annotate", "record", "output", "#", "1", "-5", "\"\\q\""];

    private static readonly string PackText = string.Join("\n", Directory.GetFiles(Support.Pack.Folder, "*.rules", SearchOption.AllDirectories)
        .Order(StringComparer.Ordinal).Where(f => !f.EndsWith("ofsted.rules", StringComparison.Ordinal)).Select(File.ReadAllText));

    [Property(MaxTest = 300, Replay = "20261122,11")]
    public Property RandomRuleText_GivesDiagnosticsNeverACrash() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(RuleWords)).Select(words => string.Join(" ", words)).ToArbitrary(), CompileAndRun);

    [Property(MaxTest = 300, Replay = "20261122,13")]
    public Property MutatedRulePack_GivesDiagnosticsNeverACrash()
    {
        var gen =
            from position in Gen.Choose(0, PackText.Length - 1)
            from length in Gen.Choose(0, 40)
            from insert in Gen.Elements(RuleWords)
            select PackText[..position] + insert + PackText[Math.Min(PackText.Length, position + length)..];
        return Prop.ForAll(gen.ToArbitrary(), CompileAndRun);
    }

    private static void CompileAndRun(string text)
    {
        var compilation = RuleCompiler.CompileText("fuzz.rules", text);
        Assert.All(compilation.Diagnostics, d => Assert.True(d.Location.Line >= 0 && d.Message.Length > 0));
        _ = compilation.Format();
        if (compilation.Program is { } program)
            DocumentMatcher.Run(program, LetterReader.Read("seed", Seeds.Text(Seeds.Apa)));
    }

    [Property(MaxTest = 300, Replay = "20261122,17")]
    public Property RandomText_IsReadWithExactOffsets() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>().Filter(s => s is not null), text =>
        {
            var document = LetterReader.Read("random", text);
            foreach (var token in document.Tokens) Assert.Equal(token.Text, text.Substring(token.Start, token.Length));
        });

    [Property(MaxTest = 300, Replay = "20261122,19")]
    public Property RandomBytes_LoadToALetterOrAReasonNeverAnException() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var loaded = LetterLoader.Decode(LetterSource.FromText("bytes.txt", ""), bytes ?? []);
            Assert.True(loaded.Succeeded || loaded.Error!.StartsWith("bytes.txt: error: ", StringComparison.Ordinal));
            if (loaded.Text is { } text) LetterReader.Read("bytes", text);
        });

    [Property(MaxTest = 200, Replay = "20261122,23")]
    public Property MutatedSeeds_RunThroughThePackWithoutCrashing()
    {
        var noise = new[] { "<b>", "</ul>", "\t", "\r\n", "\f", "•", "Dear ", "Yours sincerely\n", "## ", "- ", "|", "\u0000", "\uFFFD", "%", "1,2,3.4%" };
        var gen =
            from seed in Gen.Elements(Seeds.Names.ToArray())
            from cuts in Gen.ArrayOf(Gen.Choose(0, 30_000), 5)
            from inserts in Gen.ArrayOf(Gen.Elements(noise), 5)
            select (seed, cuts, inserts);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var text = Seeds.Text(input.seed);
            for (var i = 0; i < input.cuts.Length; i++)
            {
                var at = input.cuts[i] % (text.Length + 1);
                text = text[..at] + input.inserts[i] + text[Math.Min(text.Length, at + i * 7)..];
            }
            Support.Pack.Run(input.seed, text);
        });
    }
}
