using System.CommandLine;
using RulesEngine.Reading;

namespace RulesEngine.Cli.Commands;

/// <summary>`rulesengine read LETTER...`: how the engine sees a letter.</summary>
internal static class ReadCommand
{
    public static Command Create()
    {
        var letters = new Argument<string[]>("letters")
        {
            Description = "Letter files or folders of letters (*.txt).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("read", "Show the sections, tables, lists and sentences the engine finds in letters.\n\nExample:\n  rulesengine read seeds/000_c8c4be644e6a807e.txt")
        {
            letters,
        };
        command.SetAction(parse =>
        {
            var failures = 0;
            foreach (var source in LetterSources.Expand(parse.GetValue(letters)!))
            {
                var loaded = LetterLoader.Load(source);
                foreach (var warning in loaded.Warnings) Console.Error.WriteLine(warning);
                if (loaded.Error is { } error)
                {
                    Console.Error.WriteLine(error);
                    failures++;
                    continue;
                }
                Console.Out.Write(DocumentOutline.Format(LetterReader.Read(loaded.Name, loaded.Text!)));
                Console.Out.WriteLine();
            }
            return failures == 0 ? 0 : 2;
        });
        return command;
    }
}
