using Antlr4.Runtime;
using System.Text.RegularExpressions;
using Antlr4.Runtime.Tree;
using RulesEngine.Diagnostics;
using RulesEngine.Language.Model;

namespace RulesEngine.Language.Syntax;

/// <summary>Parses one rule file into its model, collecting every syntax error rather than stopping at the first.</summary>
internal static class RuleFileParser
{
    /// <summary>
    /// How deeply brackets (and `!`) may nest in a file. The parser and every pass over a pattern
    /// descend one level per bracket; a file of 100,000 `(` would end the process with a stack
    /// overflow, which nothing can catch, so the file is refused before it is parsed.
    /// </summary>
    public const int MaxNesting = 100;

    public static RuleFileModel Parse(string path, string text, List<Diagnostic> diagnostics)
    {
        var parser = CreateParser(path, text, diagnostics);
        if (TooDeep((CommonTokenStream)parser.TokenStream, path) is { } tooDeep)
        {
            diagnostics.Add(tooDeep);
            return new RuleFileModel(path, [], [], [], [], [], [], []);
        }
        var tree = parser.ruleFile();
        ReportSkippedKeywords(tree, path, diagnostics);
        return new AstBuilder(path, diagnostics).Build(tree);
    }

    /// <summary>The first bracket (or `!`) that nests deeper than <see cref="MaxNesting"/>, as an error; null when none does.</summary>
    private static Diagnostic? TooDeep(CommonTokenStream tokens, string path)
    {
        tokens.Fill();
        var depth = 0;
        var negations = 0;
        foreach (var token in tokens.GetTokens())
        {
            switch (token.Text)
            {
                case "(" or "[" or "{": depth++; break;
                case ")" or "]" or "}": depth = Math.Max(0, depth - 1); break;
            }
            negations = token.Text == "!" ? negations + 1 : 0;
            if (depth + negations <= MaxNesting) continue;
            return new Diagnostic(DiagnosticCodes.NestedTooDeep, Severity.Error, new SourceLocation(path, token.Line, token.Column + 1),
                $"brackets nest more than {MaxNesting} deep here; the limit is {MaxNesting}: name the inner part with 'pattern name = ...' and use its name");
        }
        tokens.Seek(0);
        return null;
    }

    /// <summary>
    /// After one error the parser skips ahead to the next declaration, silently: a misspelt
    /// keyword in what it skipped (`exmaple` after an `emitt`) would surface only once the first
    /// is fixed. Each skipped line that begins with one is reported now.
    /// </summary>
    private static void ReportSkippedKeywords(IParseTree tree, string path, List<Diagnostic> diagnostics)
    {
        var reported = diagnostics.Where(d => d.Location.File == path).Select(d => d.Location.Line).ToHashSet();
        var previousLine = 0;
        foreach (var skipped in ErrorNodes(tree).Select(n => n.Symbol))
        {
            var startsLine = skipped.Line != previousLine;
            previousLine = skipped.Line;
            if (!startsLine || reported.Contains(skipped.Line) || skipped.Type != RuleLanguageLexer.ID) continue;
            if (SyntaxErrorListener.NearestKeyword(skipped.Text) is not { } keyword) continue;
            diagnostics.Add(new Diagnostic(DiagnosticCodes.SyntaxError, Severity.Error,
                new SourceLocation(path, skipped.Line, skipped.Column + 1, skipped.Text.Length), $"unknown keyword '{skipped.Text}'", keyword));
            reported.Add(skipped.Line);
        }
    }

    private static IEnumerable<IErrorNode> ErrorNodes(IParseTree tree)
    {
        if (tree is IErrorNode error) { yield return error; yield break; }
        for (var i = 0; i < tree.ChildCount; i++)
            foreach (var node in ErrorNodes(tree.GetChild(i))) yield return node;
    }

    /// <summary>Every keyword of the language, as the grammar spells them (for an editor's completion).</summary>
    public static IReadOnlyList<string> Keywords { get; } = [.. Enumerable.Range(1, RuleLanguageLexer.UNKNOWN_CHAR)
        .Select(type => RuleLanguageLexer.DefaultVocabulary.GetLiteralName(type))
        .Where(literal => literal is { Length: > 2 } && char.IsAsciiLetter(literal[1]))
        .Select(literal => literal!.Trim('\''))];

    /// <summary>The parse tree as LISP-style text, for the grammar examples (the tree itself never leaves this folder).</summary>
    public static string ParseTreeText(string text, List<Diagnostic> diagnostics)
    {
        var parser = CreateParser("example", text, diagnostics);
        return parser.ruleFile().ToStringTree(parser);
    }

    /// <summary>A parser whose lexer and parser errors all become diagnostics instead of console output.</summary>
    private static RuleLanguageParser CreateParser(string path, string text, List<Diagnostic> diagnostics)
    {
        var listener = new SyntaxErrorListener(path, diagnostics);
        var lexer = new ClosingLexer(new AntlrInputStream(text), path, diagnostics);
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(listener);
        var parser = new RuleLanguageParser(new CommonTokenStream(lexer));
        parser.RemoveErrorListeners();
        parser.AddErrorListener(listener);
        return parser;
    }

    /// <summary>
    /// Reports a string that is never closed at its opening quote and hands the parser a string
    /// closed at the line's (or, triple-quoted, the file's) end, so the rest is not misread.
    /// </summary>
    private sealed class ClosingLexer(ICharStream input, string path, List<Diagnostic> diagnostics) : RuleLanguageLexer(input)
    {
        public override IToken NextToken()
        {
            var token = base.NextToken();
            if (token.Type != UNTERMINATED_STRING) return token;
            var triple = token.Text.StartsWith("\"\"\"", StringComparison.Ordinal);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.BadString, Severity.Error, new SourceLocation(path, token.Line, token.Column + 1, triple ? 3 : 1),
                triple ? "this text is never closed: end it with \"\"\"" : "this string is never closed: end it with \" on the same line"));
            return new CommonToken(token) { Type = STRING, Text = token.Text + (triple ? "\"\"\"" : "\"") };
        }
    }

    private sealed class SyntaxErrorListener(string path, List<Diagnostic> diagnostics) : IAntlrErrorListener<IToken>, IAntlrErrorListener<int>
    {
        public void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
        {
            if (offendingSymbol?.Type == RuleLanguageLexer.UNKNOWN_CHAR)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.UnexpectedCharacter, Severity.Error,
                    new SourceLocation(path, line, charPositionInLine + 1), $"unexpected character '{offendingSymbol.Text}'"));
                return;
            }
            if (MisspeltKeyword(recognizer, offendingSymbol) is var (word, keyword))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.SyntaxError, Severity.Error,
                    new SourceLocation(path, word.Line, word.Column + 1, word.Text.Length), $"unknown keyword '{word.Text}'", keyword));
                return;
            }
            if (CommaAfterLexiconValue(recognizer, offendingSymbol))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.SyntaxError, Severity.Error, new SourceLocation(path, line, charPositionInLine + 1),
                    "a lexicon entry ends with its value: put the next entry on a new line (commas join the phrases of one entry: \"good\", \"strong\" => 3)"));
                return;
            }
            var length = Math.Max(1, offendingSymbol?.Text?.Length ?? 1);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.SyntaxError, Severity.Error,
                new SourceLocation(path, line, charPositionInLine + 1, offendingSymbol?.Type == TokenConstants.EOF ? 1 : length), Describe(msg)));
        }

        public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
            diagnostics.Add(new Diagnostic(DiagnosticCodes.SyntaxError, Severity.Error, new SourceLocation(path, line, charPositionInLine + 1), Describe(msg)));

        /// <summary>The words that begin a declaration or a rule's clause: the places where a misspelling stops the parser.</summary>
        private static readonly string[] LeadingKeywords =
            ["import", "lexicon", "record", "output", "phase", "pattern", "rule", "priority", "within", "where", "match", "emit", "annotate", "example", "todo", "expect"];

        /// <summary>
        /// A word near a leading keyword that stopped the parser: the word it stopped at, or the
        /// first word of that line (a misspelt `emitt x = ...` reads as two more pattern words
        /// until the `=`), so the error names the misspelling rather than what followed it.
        /// </summary>
        private static (IToken Word, string Keyword)? MisspeltKeyword(IRecognizer recognizer, IToken? offending)
        {
            if (offending is null || recognizer is not Parser { InputStream: ITokenStream tokens }) return null;
            var first = offending;
            for (var i = offending.TokenIndex - 1; i >= 0 && tokens.Get(i).Line == offending.Line; i--)
                if (tokens.Get(i).Channel == TokenConstants.DefaultChannel) first = tokens.Get(i);
            foreach (var word in first == offending ? [offending] : new[] { offending, first })
            {
                if (word.Type != RuleLanguageLexer.ID) continue;
                if (NearestKeyword(word.Text) is { } keyword) return (word, keyword);
            }
            return null;
        }

        /// <summary>`good => 3, strong => 3`: a comma after an entry's value, where one line per entry was meant.</summary>
        private static bool CommaAfterLexiconValue(IRecognizer recognizer, IToken? offending)
        {
            if (offending?.Text != "," || recognizer is not Parser { InputStream: ITokenStream tokens } parser) return false;
            var inLexicon = false;
            for (RuleContext? context = parser.Context; context is not null && !inLexicon; context = context.Parent) inLexicon = context is RuleLanguageParser.LexiconDeclContext;
            if (!inLexicon) return false;
            for (var i = offending.TokenIndex - 1; i >= 0 && tokens.Get(i).Line == offending.Line; i--)
                if (tokens.Get(i).Text == "=>") return true;
            return false;
        }

        public static string? NearestKeyword(string word) => NameSuggester.Nearest(word, LeadingKeywords, maxDistance: word.Length <= 4 ? 1 : 2);

        /// <summary>
        /// ANTLR's messages name grammar tokens; say it in the rule writer's words: a name where
        /// any name would do, a short list of what was expected, never a long one.
        /// </summary>
        private static string Describe(string message)
        {
            // A set may hold quoted braces ({'}', ',', STRING}): a quoted token is read whole.
            var expecting = Regex.Match(message, @"^(?:missing (?<set>\{(?:'[^']*'|[^}'])*\}|\S+) at|(?<head>.*) expecting (?<set>\{(?:'[^']*'|[^}'])*\}|\S+))(?<tail>.*)$");
            if (expecting.Success)
            {
                var options = expecting.Groups["set"].Value.Trim('{', '}').Split(", ").ToList();
                // A literal of any type is "a value", whatever tokens can spell one.
                if (options.Contains("STRING") && options.Contains("INT"))
                    options = [.. options.Where(o => o is not ("STRING" or "INT" or "DECIMAL" or "'true'" or "'false'")), "a value"];
                var wanted = options.Contains("ID") ? "a name" : options.Count <= 5 ? OneOf(options.Select(Words)) : null;
                var head = expecting.Groups["head"].Success ? Plain(expecting.Groups["head"].Value) : $"expected {wanted} before{expecting.Groups["tail"].Value}";
                if (!expecting.Groups["head"].Success) return head;
                return wanted is null ? head : $"{head}; expected {wanted}";
            }
            return Plain(message);
        }

        private static string Plain(string message) => message
            .Replace("<EOF>", "end of file")
            .Replace("extraneous input", "unexpected")
            .Replace("mismatched input", "unexpected")
            .Replace("no viable alternative at input", "cannot understand")
            .Replace("token recognition error at:", "unexpected text");

        private static string Words(string token) => token switch
        {
            "DECIMAL" => "a decimal number",
            "INT" => "a whole number",
            "STRING" => "a string",
            "REGEX" => "a regex",
            "<EOF>" => "the end of the file",
            _ => token,
        };

        private static string OneOf(IEnumerable<string> options)
        {
            var list = options.ToList();
            return list.Count == 1 ? list[0] : string.Join(", ", list[..^1]) + " or " + list[^1];
        }
    }
}
