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
        var showTokens = new Option<bool>("--tokens")
        {
            Description = "Print every token with its line and column, its class (word, number, percentage, punctuation, symbol) and what rules compare it as.",
        };
        var command = new Command("read", """
            Show the sections, tables, lists and sentences the engine finds in letters.

            Examples:
              rulesengine read seeds/000_c8c4be644e6a807e.txt
              rulesengine read letter.pdf
              rulesengine read letter.docx --text
              rulesengine read seeds/001_40b1d20b9b1c5b4c.txt --tokens
            """)
        {
            letters, showText, showTokens,
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
                var document = LetterReader.Read(loaded.Name, loaded.Text!) with { Format = loaded.Format };
                Console.Out.Write(parse.GetValue(showTokens) ? DocumentOutline.Tokens(document) : DocumentOutline.Format(document));
                Console.Out.WriteLine();
            }
            return failures == 0 ? 0 : 2;
        });
        return command;
    }
}
