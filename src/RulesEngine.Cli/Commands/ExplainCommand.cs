using System.CommandLine;
using RulesEngine.Explaining;
using RulesEngine.Reading;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine explain LETTER FIELD`: where a value came from, or why it is missing.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var letter = new Argument<string>("letter") { Description = "The letter file (text, .html, .docx or .pdf), or - for stdin." };
        var field = new Argument<string>("field") { Description = "A field path such as rating.grade, outcomes[2].grade, outcomes[area=\"staying safe\"] or recipient." };
        var rules = RuleOptions.RulesOption();
        var command = new Command("explain", """
            Show which rule produced a field of a letter's record and from which text; for a missing field,
            the rules that could produce it and how far each got before failing.

            Examples:
              rulesengine explain seeds/000_c8c4be644e6a807e.txt rating.grade
              rulesengine explain seeds/001_40b1d20b9b1c5b4c.txt outcomes[2]
              rulesengine explain seeds/001_40b1d20b9b1c5b4c.txt 'outcomes[area="staying safe"].grade'
              rulesengine explain letter.pdf rating
              cat letter.txt | rulesengine explain - rating.grade
            Exit code: 0 when explained, 1 for a field the output schema lacks or a letter that is not one file, 2 when the letter cannot be read.
            """)
        {
            letter, field, rules,
        };
        command.SetAction(parse =>
        {
            var compilation = RuleOptions.Compile(parse.GetValue(rules)!, Console.Error);
            if (compilation.Program is null) return 1;
            var path = parse.GetValue(letter)!;
            var fieldPath = parse.GetValue(field)!;
            if (Explainer.UnknownField(compilation.Program, fieldPath) is { } unknown)
            {
                Console.Error.WriteLine($"rulesengine: error: {unknown}");
                return 1;
            }
            if (path != "-" && Directory.Exists(path))
            {
                Console.Error.WriteLine($"rulesengine: error: {path} is a folder; explain takes one letter file (or - to read the letter from stdin)");
                return 1;
            }
            if (path != "-" && !File.Exists(path))
            {
                Console.Error.WriteLine($"rulesengine: error: no such file: {path}");
                return 1;
            }
            var source = path == "-" ? LetterSource.FromStream("<stdin>", "-", Console.OpenStandardInput()) : LetterSource.FromFile(path);
            var loaded = LetterLoader.Load(source);
            foreach (var warning in loaded.Warnings) Console.Error.WriteLine(warning);
            if (loaded.Error is { } error)
            {
                Console.Error.WriteLine(error);
                return 2;
            }
            Console.Out.Write(Explainer.Explain(compilation.Program, LetterReader.Read(loaded.Name, loaded.Text!) with { Format = loaded.Format }, fieldPath));
            return 0;
        });
        return command;
    }
}
