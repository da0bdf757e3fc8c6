// The RulesEngine rule language. See docs/rule-language.md for the reference.
// Only src/RulesEngine/Language/Syntax sees the generated parser; the AstBuilder turns the
// parse tree into the immutable model in Language/Model.
grammar RuleLanguage;

ruleFile : declaration* EOF ;

declaration
    : importDecl
    | lexiconDecl
    | recordDecl
    | outputDecl
    | phaseDecl
    | patternDecl
    | ruleDecl
    | exampleDecl
    | kindDecl
    ;

importDecl : IMPORT STRING ;

// ---- lexicons ---------------------------------------------------------------------------

lexiconDecl : LEXICON name '{' lexiconEntry* '}' ;
lexiconEntry : lexiconPhrase (',' lexiconPhrase)* ('=>' (literal | lexiconRecord))? ;
// An entry may stand for several values at once (`=> { name: "Derby", code: 831 }`), read as `value(c).code`.
lexiconRecord : '{' fieldName ':' literal (',' fieldName ':' literal)* ','? '}' ;
lexiconPhrase : STRING | name ;

// ---- output schema ----------------------------------------------------------------------

recordDecl : RECORD name '{' fieldDecls '}' ;
outputDecl : OUTPUT '{' fieldDecls '}' ;
fieldDecls : (fieldDecl (',' fieldDecl)* ','?)? ;
fieldDecl : fieldName ':' typeRef ;
typeRef : name (LBRACK RBRACK)? ;

// The fields only letters of one kind have (`kind "apa" { judgements, outcomes }`): the run
// summary expects them of that kind's letters alone; fields no kind names are expected of all.
kindDecl : KIND STRING '{' (fieldName (',' fieldName)* ','?)? '}' ;

// ---- phases and named patterns ----------------------------------------------------------

phaseDecl : PHASE name conflictMode? ;
conflictMode : LONGEST | FIRST | ALL ;

patternDecl : PATTERN name '=' pattern ;

// ---- rules ------------------------------------------------------------------------------

ruleDecl : RULE name ruleClause* ;

ruleClause
    : PHASE name                                   # phaseClause
    | PRIORITY INT                                 # priorityClause
    | WITHIN name (WHERE condition (AND condition)*)?  # withinClause
    | MATCH pattern                                # matchClause
    | EMIT targetPath ('=' expr | objectExpr)      # emitClause
    | ANNOTATE ID ('=' expr)?                      # annotateClause
    | WARN STRING                                  # warnClause
    ;

condition
    : HEADING MATCHES pattern    # headingCondition
    | STARTS WITH pattern        # startsCondition
    | COLUMN INT                 # columnCondition
    | AFTER pattern              # afterCondition
    ;

// ---- patterns over tokens ---------------------------------------------------------------

pattern : alternative ('|' alternative)* ;
alternative : element+ ;

element
    : lookaround                          # lookaroundElement
    | atom quantifier? ('->' name)?       # atomElement
    ;

lookaround : NOT? (FOLLOWED | PRECEDED) BY '(' pattern ')' ;

quantifier
    : '?'                                 # optionalQuantifier
    | '*'                                 # starQuantifier
    | '+'                                 # plusQuantifier
    | '{' min=INT (comma=',' max=INT?)? '}'    # boundedQuantifier
    ;

atom
    : EXACT? STRING                       # literalAtom
    | ID                                  # referenceAtom
    | '@' ID                              # annotationAtom
    | REGEX                               # regexAtom
    | '(' pattern ')'                     # groupAtom
    | '!' atom                            # negatedAtom
    | ELLIPSIS (UP TO INT)?               # gapAtom
    | '^'                                 # lineStartAtom
    | '$'                                 # lineEndAtom
    ;

// ---- actions ----------------------------------------------------------------------------

targetPath : targetStep ('.' targetStep)* ;
targetStep : fieldName (LBRACK RBRACK)? ;

expr
    : literal                             # literalExpr
    | objectExpr                          # objectValueExpr
    | LBRACK (expr (',' expr)*)? RBRACK   # listExpr
    | name '(' (expr (',' expr)*)? ')' ('.' fieldName)*   # callExpr
    | name                                # captureExpr
    ;

objectExpr : '{' (fieldValue (',' fieldValue)* ','?)? '}' ;
fieldValue : fieldName ':' expr ;

literal : STRING | INT | DECIMAL | TRUE | FALSE ;

// ---- examples ---------------------------------------------------------------------------

exampleDecl : TODO? EXAMPLE name STRING expectation* ;
expectation
    : EXPECT NONE                         # expectNone
    | EXPECT valuePath '=' expr           # expectValue
    | EXPECT '@' ID '=' expr              # expectAnnotation
    ;
valuePath : valueStep ('.' valueStep)* ;
valueStep : fieldName (LBRACK INT RBRACK)? ;

// Keywords that are also ordinary words may still name fields, lexicons and rules.
name
    : ID | FIRST | ALL | LONGEST | NONE | UP | TO | BY | WITH | AFTER | HEADING | COLUMN | STARTS
    | MATCHES | EXACT | TODO | PRIORITY | RECORD | OUTPUT | PATTERN | FOLLOWED | PRECEDED | KIND | WARN
    ;

// Any word may name a field of the output, keywords included (`rule`, `match`, ...).
fieldName
    : name | IMPORT | LEXICON | PHASE | RULE | WITHIN | WHERE | AND | MATCH | EMIT | ANNOTATE
    | EXAMPLE | EXPECT | NOT | TRUE | FALSE
    ;

// ---- lexer ------------------------------------------------------------------------------

IMPORT : 'import' ;
LEXICON : 'lexicon' ;
RECORD : 'record' ;
OUTPUT : 'output' ;
KIND : 'kind' ;
PHASE : 'phase' ;
PATTERN : 'pattern' ;
RULE : 'rule' ;
PRIORITY : 'priority' ;
WITHIN : 'within' ;
WHERE : 'where' ;
AND : 'and' ;
HEADING : 'heading' ;
MATCHES : 'matches' ;
STARTS : 'starts' ;
WITH : 'with' ;
AFTER : 'after' ;
COLUMN : 'column' ;
MATCH : 'match' ;
EMIT : 'emit' ;
ANNOTATE : 'annotate' ;
WARN : 'warn' ;
EXAMPLE : 'example' ;
TODO : 'todo' ;
EXPECT : 'expect' ;
NONE : 'none' ;
LONGEST : 'longest' ;
FIRST : 'first' ;
ALL : 'all' ;
EXACT : 'exact' ;
UP : 'up' ;
TO : 'to' ;
NOT : 'not' ;
FOLLOWED : 'followed' ;
PRECEDED : 'preceded' ;
BY : 'by' ;
TRUE : 'true' ;
FALSE : 'false' ;

ELLIPSIS : '...' ;
LBRACK : '[' ;
RBRACK : ']' ;

ID : [a-zA-Z_] [a-zA-Z0-9_]* ;
DECIMAL : '-'? [0-9]+ '.' [0-9]+ ;
INT : '-'? [0-9]+ ;

STRING
    : '"""' .*? '"""'
    | '"' ( '\\' . | ~["\\\r\n] )* '"'
    ;

// A string with no closing quote: the parser sees it as a string closed at the line's end (or,
// for a triple-quoted text, the file's end) and one diagnostic is reported at its opening quote,
// so that nothing after it is misread as code. Always shorter than STRING when that matches.
UNTERMINATED_STRING
    : '"""' ( ~'"' | '"' ~'"' | '""' ~'"' )*
    | '"' ( '\\' . | ~["\\\r\n] )*
    ;

REGEX : '/' ( '\\' . | ~[/\\\r\n] )+ '/' 'i'? ;

LINE_COMMENT : '#' ~[\r\n]* -> skip ;
WS : [ \t\r\n\f]+ -> skip ;

// Anything else is reported by the compiler as an unexpected character, never silently dropped.
UNKNOWN_CHAR : . ;
