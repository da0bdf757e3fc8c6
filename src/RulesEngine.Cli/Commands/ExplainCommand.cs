using System.CommandLine;
using RulesEngine.Explaining;
using RulesEngine.Reading;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine explain LETTER FIELD`: where a value came from, or why it is missing.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var letter = new Argument<string>("letter") { Description = "The letter file." };
        var field = new Argument<string>("field") { Description = "A field path such as rating.grade, outcomes[2].grade or recipient." };
        var rules = RuleOptions.RulesOption();
        var command = new Command("explain", """
            Show which rule produced a field of a letter's record and from which text; for a missing field,
            the rules that could produce it and how far each got before failing.

            Examples:
              rulesengine explain seeds/000_c8c4be644e6a807e.txt rating.grade
              rulesengine explain seeds/001_40b1d20b9b1c5b4c.txt outcomes[2]
              rulesengine explain letter.txt rating
            """)
        {
            letter, field, rules,
        };
        command.SetAction(parse =>
        {
            var compilation = RuleOptions.Compile(parse.GetValue(rules)!, Console.Error);
            if (compilation.Program is null) return 1;
            var loaded = LetterLoader.Load(LetterSource.FromFile(parse.GetValue(letter)!));
            foreach (var warning in loaded.Warnings) Console.Error.WriteLine(warning);
            if (loaded.Error is { } error)
            {
                Console.Error.WriteLine(error);
                return 2;
            }
            Console.Out.Write(Explainer.Explain(compilation.Program, LetterReader.Read(loaded.Name, loaded.Text!), parse.GetValue(field)!));
            return 0;
        });
        return command;
    }
}
