using Antlr4.Runtime;
using RulesEngine.Diagnostics;
using RulesEngine.Language.Model;

namespace RulesEngine.Language.Syntax;

/// <summary>Parses one rule file into its model, collecting every syntax error rather than stopping at the first.</summary>
internal static class RuleFileParser
{
    public static RuleFileModel Parse(string path, string text, List<Diagnostic> diagnostics) =>
        new AstBuilder(path, diagnostics).Build(CreateParser(path, text, diagnostics).ruleFile());

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
        var lexer = new RuleLanguageLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(listener);
        var parser = new RuleLanguageParser(new CommonTokenStream(lexer));
        parser.RemoveErrorListeners();
        parser.AddErrorListener(listener);
        return parser;
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
            var length = Math.Max(1, offendingSymbol?.Text?.Length ?? 1);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.SyntaxError, Severity.Error,
                new SourceLocation(path, line, charPositionInLine + 1, offendingSymbol?.Type == TokenConstants.EOF ? 1 : length), Describe(msg)));
        }

        public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
            diagnostics.Add(new Diagnostic(DiagnosticCodes.SyntaxError, Severity.Error, new SourceLocation(path, line, charPositionInLine + 1), Describe(msg)));

        /// <summary>ANTLR's messages name grammar tokens; say it in the rule writer's words, without long lists of alternatives.</summary>
        private static string Describe(string message) => System.Text.RegularExpressions.Regex.Replace(message, @" expecting \{[^}]*,[^}]*,[^}]*,[^}]*,[^}]*\}", "")
            .Replace("<EOF>", "end of file")
            .Replace("extraneous input", "unexpected")
            .Replace("mismatched input", "unexpected")
            .Replace("no viable alternative at input", "cannot understand")
            .Replace("token recognition error at:", "unexpected text");
    }
}
