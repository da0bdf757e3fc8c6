namespace RulesEngine.Diagnostics;

/// <summary>
/// Every diagnostic the compiler can give, in bands: RE1xxx syntax, RE2xxx names and imports,
/// RE3xxx checks on patterns, schema and actions. docs/diagnostics.md lists them with examples.
/// </summary>
public static class DiagnosticCodes
{
    public const string SyntaxError = "RE1001";
    public const string UnexpectedCharacter = "RE1002";
    public const string BadString = "RE1003";
    public const string NestedTooDeep = "RE1004";

    public const string UnknownName = "RE2001";
    public const string DuplicateName = "RE2002";
    public const string UnknownAnnotation = "RE2003";
    public const string AnnotationNotYetMade = "RE2004";
    public const string UnboundCapture = "RE2005";
    public const string UnknownPhase = "RE2006";
    public const string UnknownScope = "RE2007";
    public const string ImportOutsideFolder = "RE2008";
    public const string ImportNotFound = "RE2009";
    public const string UnknownFunction = "RE2010";
    public const string UnknownRuleInExample = "RE2011";
    public const string RecursivePattern = "RE2012";
    public const string UnknownType = "RE2013";

    public const string UnknownField = "RE3001";
    public const string WrongType = "RE3002";
    public const string MatchesEmpty = "RE3003";
    public const string UnboundedLookaround = "RE3004";
    public const string BadRegex = "RE3005";
    public const string BadRepetition = "RE3006";
    public const string RuleWithoutPattern = "RE3007";
    public const string RuleWithoutAction = "RE3008";
    public const string BadArguments = "RE3009";
    public const string PatternTooLarge = "RE3010";
    public const string CaptureInLookaround = "RE3011";
    public const string PossibleTie = "RE3101";
    public const string UnusedLexicon = "RE3102";
    public const string RuleWithoutExample = "RE3103";
    public const string FileNotLoaded = "RE3104";

    public const string CannotReadRules = "RE4001";
}
