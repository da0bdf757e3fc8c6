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
            Description = "Letter files (text, .html, .docx, .pdf) or folders of letters.",
            Arity = ArgumentArity.OneOrMore,
        };
        var showText = new Option<bool>("--text")
        {
            Description = "Print the text the engine reads instead of the outline: for a web page, Word file or PDF, the text its reader made, which evidence offsets and line numbers point into.",
        };
        var command = new Command("read", """
            Show the sections, tables, lists and sentences the engine finds in letters.

            Examples:
              rulesengine read seeds/000_c8c4be644e6a807e.txt
              rulesengine read letter.pdf
              rulesengine read letter.docx --text
            """)
        {
            letters, showText,
        };
        command.SetAction(parse =>
        {
            var failures = 0;
            if (LetterInputs.List(parse.GetValue(letters)!, Console.Error) is not { } listing) return 1;
            foreach (var source in listing.Letters)
            {
                var loaded = LetterLoader.Load(source);
                foreach (var warning in loaded.Warnings) Console.Error.WriteLine(warning);
                if (loaded.Error is { } error)
                {
                    Console.Error.WriteLine(error);
                    failures++;
                    continue;
                }
                if (parse.GetValue(showText))
                {
                    Console.Out.Write(loaded.Text);
                    continue;
                }
                Console.Out.Write(DocumentOutline.Format(LetterReader.Read(loaded.Name, loaded.Text!) with { Format = loaded.Format }));
                Console.Out.WriteLine();
            }
            return failures == 0 ? 0 : 2;
        });
        return command;
    }
}
