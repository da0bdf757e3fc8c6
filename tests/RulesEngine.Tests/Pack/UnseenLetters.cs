using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RulesEngine.Language.Model;
using RulesEngine.Tests.Support;

namespace RulesEngine.Tests.Pack;

/// <summary>
/// Letters of the two families the seeds never show, made by rewriting the seeds: every council
/// of the gazetteer in every form it lists (in the head, the heading and the body), every grade
/// of both scales, recipients' titles wrapped onto a second line, each through one of the text
/// variants a converter produces. Each comes with the core fields it must give, in the labels'
/// compact form.
/// </summary>
internal static partial class UnseenLetters
{
    public sealed record Letter(string Name, string Text, JsonObject Expected);

    /// <summary>A gazetteer line: the forms a council is named by, its canonical name and number.</summary>
    public sealed record Council(IReadOnlyList<string> Forms, string Canonical, long Code);

    public static IReadOnlyList<Council> Gazetteer()
    {
        var lexicon = Support.Pack.Program.Model.Lexicons.Single(l => l.Name == "council_gazetteer");
        return [.. lexicon.Entries.Select(e => e.Value is LexiconRecord r
            ? new Council(e.Phrases, (string)r.Fields["name"], (long)r.Fields["code"])
            : throw new InvalidOperationException($"gazetteer entry without a record: {string.Join(", ", e.Phrases)}"))];
    }

    public static IEnumerable<Letter> All() => Councils().Concat(Grades()).Concat(WrappedTitles());

    /// <summary>Every form of every council, each in one of the seeds (in turn) and one of the text variants (in turn).</summary>
    public static IEnumerable<Letter> Councils()
    {
        var made = 0;
        foreach (var council in Gazetteer())
        foreach (var form in council.Forms)
        {
            var seed = Seeds.Names[made % Seeds.Names.Count];
            var variant = LetterVariants.Names[made % LetterVariants.Names.Count];
            made++;
            var label = Label(seed);
            var old = (string)label["council"]!;
            var text = Seeds.Text(seed).Replace(old, form).Replace(old.ToUpperInvariant(), form.ToUpperInvariant());
            label["council"] = form;
            label["council_canonical"] = council.Canonical;
            label["council_code"] = council.Code;
            yield return new Letter($"{seed} as {form} ({variant})", LetterVariants.Apply(variant, text), label);
        }
    }

    private static readonly string[] RatingWords = ["", "poorly", "adequately", "well", "excellently"];
    private static readonly string[] GradeWords = ["", "inadequate", "adequate", "good", "outstanding"];

    /// <summary>Each rating letter with each rating, and the assessment letter with every judgement and outcome at each grade.</summary>
    public static IEnumerable<Letter> Grades()
    {
        for (var grade = 1; grade <= 4; grade++)
        {
            foreach (var seed in Seeds.RatingLetters)
            {
                var label = Label(seed);
                var word = RatingWords[grade];
                var text = RatingLabel().Replace(Seeds.Text(seed), $"Performs {word} ({grade})");
                text = RatingSentence().Replace(text, $"perform {word}.");
                label["rating"] = new JsonObject { ["grade"] = grade, ["label"] = $"Performs {word}" };
                yield return new Letter($"{seed} rated {grade}", text, label);
            }
            var apa = Label(Seeds.Apa);
            var assessed = OutcomeSentence().Replace(Seeds.Text(Seeds.Apa), $"in this area is {GradeWords[grade]}");
            assessed = JudgementRow().Replace(assessed, $"${{row}}{grade}");
            foreach (var key in new[] { "judgements", "outcomes" })
            foreach (var area in ((JsonObject)apa[key]!).Select(p => p.Key).ToList())
                apa[key]![area] = grade;
            yield return new Letter($"{Seeds.Apa} graded {grade}", assessed, apa);
        }
    }

    /// <summary>Each seed with its recipient's title set over two lines, broken after a joining word.</summary>
    public static IEnumerable<Letter> WrappedTitles()
    {
        foreach (var seed in Seeds.Names)
        {
            var label = Label(seed);
            var title = (string)label["recipient"]!["title"]!;
            var words = title.Split(' ');
            var at = Array.FindIndex(words, 1, w => w is "of" or "for" or "and" or "-");
            var wrapped = string.Join(' ', words[..(at + 1)]) + "\n" + string.Join(' ', words[(at + 1)..]);
            var text = Seeds.Text(seed);
            var line = text.IndexOf(title, StringComparison.Ordinal);
            yield return new Letter($"{seed} with its title wrapped", text[..line] + wrapped + text[(line + title.Length)..], label);
        }
    }

    private static JsonObject Label(string seed)
    {
        var label = JsonNode.Parse(File.ReadAllText(Seeds.LabelPath(seed)))!.AsObject();
        label.Remove("file");
        return label;
    }

    [GeneratedRegex(@"Performs (?:excellently|well|adequately|poorly) \([1-4]\)")]
    private static partial Regex RatingLabel();

    [GeneratedRegex(@"perform (?:excellently|well|adequately|poorly)\.")]
    private static partial Regex RatingSentence();

    [GeneratedRegex(@"in this area is (?:outstanding|good|adequate|inadequate)")]
    private static partial Regex OutcomeSentence();

    [GeneratedRegex(@"^(?<row>.*</i>.*\t)[1-4]", RegexOptions.Multiline)]
    private static partial Regex JudgementRow();
}
