// The kith query language: an openCypher subset (DESIGN.md 2.1) plus the kith
// extensions (DESIGN.md 2.2). One combined grammar; the parse tree is turned
// into the AST by query/parser/ast_builder.cpp, which is where desugaring
// (chained comparisons, negative literals) and literal validation happen.
//
// Notes for the 4.7.2 tool (see TOOLCHAIN.md): keywords are case-insensitive
// through fragment letters; tokens that clash with C macros get a trailing '_';
// parser rule names avoid C++ keywords (return, delete, union...).
grammar Kith;

script : statement SEMI? EOF ;

// Prefixes are a loop, not recursion, so "EXPLAIN EXPLAIN ..." cannot grow the stack.
statement : statementPrefix* statementBody ;

statementPrefix
  : EXPLAIN
  | PROFILE
  | WHY
  | FOR PURPOSE symbolicName
  ;

statementBody
  : schemaCommand
  | defineQuestion
  | definePhrase
  | askQuestion
  | findPhrase
  | query
  ;

// ---------------------------------------------------------------- queries
query : singleQuery unionPart* ;

unionPart : UNION ALL? singleQuery ;

singleQuery : clause+ ;

clause
  : matchClause
  | unwindClause
  | withClause
  | returnClause
  | createClause
  | mergeClause
  | setClause
  | removeClause
  | deleteClause
  | callClause
  ;

matchClause : OPTIONAL? MATCH pattern whereClause? ;

whereClause : WHERE expression ;

unwindClause : UNWIND expression AS variable ;

withClause : WITH projectionBody whereClause? ;

returnClause : RETURN projectionBody ;

projectionBody : DISTINCT? projectionItems orderByClause? skipClause? limitClause? ;

projectionItems
  : STAR (COMMA projectionItem)*
  | projectionItem (COMMA projectionItem)*
  ;

projectionItem : expression (AS variable)? ;

orderByClause : ORDER BY sortItem (COMMA sortItem)* ;

sortItem : expression (ASC | ASCENDING | DESC | DESCENDING)? ;

skipClause : SKIP_ expression ;

limitClause : LIMIT expression ;

createClause : CREATE pattern ;

mergeClause : MERGE patternPart mergeAction* ;

mergeAction : ON (MATCH | CREATE) SET setItem (COMMA setItem)* ;

setClause : SET setItem (COMMA setItem)* ;

setItem
  : propertyExpression EQ expression      # setProperty
  | variable EQ expression                # setAllProperties
  | variable PLUS_EQ expression           # setMergeProperties
  | variable nodeLabels                   # setLabels
  ;

removeClause : REMOVE removeItem (COMMA removeItem)* ;

removeItem
  : variable nodeLabels                   # removeLabels
  | propertyExpression                    # removeProperty
  ;

deleteClause : DETACH? DELETE expression (COMMA expression)* ;

callClause
  : CALL procedureName (LPAREN (expression (COMMA expression)*)? RPAREN)?
    (YIELD (STAR | yieldItem (COMMA yieldItem)*) whereClause?)?
  ;

procedureName : symbolicName (DOT schemaName)* ;

yieldItem : (schemaName AS)? variable ;

propertyExpression : variable (DOT propertyKeyName)+ ;

// ---------------------------------------------------------------- schema
schemaCommand
  : CREATE INDEX symbolicName? (IF NOT EXISTS)? FOR nodePattern
      ON LPAREN propertyExpression (COMMA propertyExpression)* RPAREN          # createIndex
  | CREATE CONSTRAINT symbolicName? (IF NOT EXISTS)? FOR nodePattern
      REQUIRE propertyExpression IS (UNIQUE | NOT NULL_)                        # createConstraint
  | DROP (INDEX | CONSTRAINT) symbolicName (IF EXISTS)?                         # dropSchema
  ;

// ---------------------------------------------------------------- kith extensions
defineQuestion
  : DEFINE QUESTION symbolicName LPAREN (parameter (COMMA parameter)*)? RPAREN AS query ;

askQuestion
  : ASK symbolicName (LPAREN (expression (COMMA expression)*)? RPAREN)? ;

// DEFINE PHRASE <word or $slot>... AS <query>: a vocabulary entry (docs/language.md).
definePhrase : DEFINE PHRASE phraseHeadItem+ AS query ;

phraseHeadItem : phraseWord | parameter ;

// The phrase form is generic on purpose: the vocabulary that gives words their
// meaning is data in the database, so no noun or qualifier is a keyword here.
findPhrase : FIND phraseItem+ ;

phraseItem
  : timeWindow                            # phraseWindow
  | SINCE atom                            # phraseSince
  | phraseWord                            # phraseWordItem
  | StringLiteral                         # phraseString
  | MINUS? numberLiteral                  # phraseNumber
  | parameter                             # phraseParameter
  ;

phraseWord : schemaName ;

timeWindow : WITHIN (integerLiteral | parameter) timeUnit ;

timeUnit : MINUTE | MINUTES | HOUR | HOURS | DAY | DAYS | WEEK | WEEKS | MONTH | MONTHS ;

// ---------------------------------------------------------------- patterns
pattern : patternPart (COMMA patternPart)* ;

patternPart : (variable EQ)? patternElementTop ;

patternElementTop
  : WARMEST (integerLiteral | parameter) patternElement                  # warmestPattern
  | (SHORTESTPATH | ALLSHORTESTPATHS) LPAREN patternElement RPAREN       # shortestPattern
  | patternElement                                                       # plainPattern
  ;

patternElement : nodePattern patternChain* ;

patternChain : relationshipPattern nodePattern ;

nodePattern : LPAREN variable? nodeLabels? properties? RPAREN ;

// ':A:B' requires both labels; ':A|B' accepts either.
nodeLabels : labelGroup+ ;

labelGroup : COLON schemaName (PIPE COLON? schemaName)* ;

relationshipPattern
  : LT? MINUS relationshipDetail? MINUS GT?
  ;

relationshipDetail : LBRACKET variable? relationshipTypes? rangeLiteral? properties? RBRACKET ;

relationshipTypes : COLON schemaName (PIPE COLON? schemaName)* ;

rangeLiteral : STAR integerLiteral? (DOTDOT integerLiteral?)? ;

properties : mapLiteral | parameter ;

// A pattern as an expression needs at least one relationship, which is what
// tells it apart from a parenthesised expression.
relationshipsPattern : nodePattern patternChain+ ;

// ---------------------------------------------------------------- expressions
// One left-recursive rule: ANTLR turns it into precedence climbing, so an
// atom costs two parse-tree levels instead of one per precedence level (less
// memory and stack per token). Alternatives go from the tightest binding to
// the loosest: postfix operators, unary sign, ^, * / %, + -, the string,
// list and null predicates, comparison, NOT, AND, XOR, OR, as in the
// openCypher 9 grammar: "-1 IN xs" is "(-1) IN xs", "a + b IS NULL" is
// "(a + b) IS NULL", "x IN xs + ys" is "x IN (xs + ys)", and "x IN xs AND y"
// is "(x IN xs) AND y". The null tests come after the other predicates, so
// that "x IN xs IS NULL" is "(x IN xs) IS NULL", left to right. Prefix operators repeat in a
// loop so that "NOT NOT NOT ..." and "- - - ..." do not recurse.
expression
  : atom                                                  # atomExpression
  | expression postfixOperator                            # postfixExpression
  | (PLUS | MINUS)+ expression                            # unaryExpression
  | expression CARET expression                           # powerExpression
  | expression (STAR | SLASH | PERCENT) expression        # multiplicativeExpression
  | expression (PLUS | MINUS) expression                  # additiveExpression
  | expression (STARTS WITH | ENDS WITH | CONTAINS | IN | REGEX_MATCH) expression  # predicateExpression
  | expression IS NOT? NULL_                              # nullPredicateExpression
  | expression comparisonOperator expression              # comparisonExpression
  | NOT+ expression                                       # notExpression
  | expression AND expression                             # andExpression
  | expression XOR expression                             # xorExpression
  | expression OR expression                              # orExpression
  ;

comparisonOperator : EQ | NEQ | NEQ2 | LT | GT | LE | GE ;

postfixOperator
  : DOT propertyKeyName                                   # propertyLookup
  | LBRACKET expression RBRACKET                          # indexLookup
  | LBRACKET from=expression? DOTDOT to=expression? RBRACKET  # sliceLookup
  | nodeLabels                                            # labelPredicate
  | timeWindow                                            # withinWindow
  | SINCE accessorExpression                              # sinceOp
  ;

// The right-hand side of SINCE: an atom with lookups, so that
// "a SINCE b AND c" is "(a SINCE b) AND c".
accessorExpression : MINUS? atom accessor* ;

accessor
  : DOT propertyKeyName                                   # accessorProperty
  | LBRACKET expression RBRACKET                          # accessorIndex
  | LBRACKET from=expression? DOTDOT to=expression? RBRACKET  # accessorSlice
  ;

// Comprehensions come before list literals: "[x IN xs]" is a comprehension,
// as in openCypher (an ambiguity goes to the first alternative).
atom
  : listComprehension                                     # listComprehensionAtom
  | patternComprehension                                  # patternComprehensionAtom
  | literal                                               # literalAtom
  | parameter                                             # parameterAtom
  | caseExpression                                        # caseAtom
  | COUNT LPAREN STAR RPAREN                              # countStarAtom
  | (ALL | ANY | NONE | SINGLE) LPAREN filterExpression RPAREN  # quantifierAtom
  | REDUCE LPAREN accumulator=variable EQ init=expression COMMA
      element=variable IN list=expression PIPE body=expression RPAREN   # reduceAtom
  | EXISTS LBRACE existsBody RBRACE                       # existsAtom
  | (SHORTESTPATH | ALLSHORTESTPATHS) LPAREN patternElement RPAREN     # shortestPathAtom
  | relationshipsPattern                                  # patternAtom
  | LPAREN expression RPAREN                              # parenthesizedAtom
  | functionInvocation                                    # functionAtom
  | variable                                              # variableAtom
  ;

existsBody
  : query
  | pattern whereClause?
  ;

filterExpression : variable IN expression (WHERE expression)? ;

listComprehension
  : LBRACKET filterExpression (PIPE expression)? RBRACKET ;

patternComprehension
  : LBRACKET (variable EQ)? relationshipsPattern (WHERE expression)? PIPE expression RBRACKET ;

caseExpression
  : CASE subject=expression? caseAlternative+ (ELSE elseExpr=expression)? END ;

caseAlternative : WHEN expression THEN expression ;

functionInvocation
  : functionName LPAREN DISTINCT? (expression (COMMA expression)*)? RPAREN ;

functionName : (symbolicName DOT)* (symbolicName | EXISTS) ;

literal
  : numberLiteral
  | StringLiteral
  | TRUE_
  | FALSE_
  | NULL_
  | listLiteral
  | mapLiteral
  ;

numberLiteral : integerLiteral | FloatLiteral ;

integerLiteral : DecimalInteger | HexInteger | OctalInteger ;

listLiteral : LBRACKET (expression (COMMA expression)*)? RBRACKET ;

mapLiteral : LBRACE (mapEntry (COMMA mapEntry)*)? RBRACE ;

mapEntry : propertyKeyName COLON expression ;

parameter : DOLLAR (schemaName | DecimalInteger) ;  // $limit, $skip are fine names

variable : symbolicName ;

propertyKeyName : schemaName ;

// Names of labels, types and property keys may be any word, keywords included
// (n.count, n.type, :Order), as openCypher allows.
schemaName : symbolicName | reservedWord ;

// Variables and function names: identifiers plus the keywords that cannot be
// confused with syntax where a variable may appear.
symbolicName
  : UnescapedSymbolicName
  | EscapedSymbolicName
  | COUNT | ANY | NONE | SINGLE | REDUCE | INDEX | CONSTRAINT | REQUIRE | UNIQUE
  | DROP | YIELD | EXPLAIN | PROFILE | WARMEST | PURPOSE | WHY | DEFINE
  | QUESTION | PHRASE | ASK | FIND | SHORTESTPATH | ALLSHORTESTPATHS
  | MINUTE | MINUTES | HOUR | HOURS | DAY | DAYS | WEEK | WEEKS | MONTH | MONTHS
  | ASCENDING | DESCENDING | WITHIN | SINCE
  ;

reservedWord
  : MATCH | OPTIONAL | WHERE | WITH | RETURN | DISTINCT | ORDER | BY | SKIP_
  | LIMIT | ASC | DESC | UNWIND | AS | UNION | ALL | CREATE | MERGE | ON | SET
  | REMOVE | DELETE | DETACH | CALL | FOR | IF | EXISTS | OR | XOR | AND | NOT
  | IN | STARTS | ENDS | CONTAINS | IS | NULL_ | TRUE_ | FALSE_ | CASE | WHEN
  | THEN | ELSE | END | WITHIN | SINCE
  ;

// ---------------------------------------------------------------- lexer
// Keywords first, time units contiguous and last among them: syntax_errors.cpp
// tells keywords and units apart by token number.
MATCH : M A T C H ;
OPTIONAL : O P T I O N A L ;
WHERE : W H E R E ;
WITH : W I T H ;
RETURN : R E T U R N ;
DISTINCT : D I S T I N C T ;
ORDER : O R D E R ;
BY : B Y ;
SKIP_ : S K I P ;
LIMIT : L I M I T ;
ASC : A S C ;
ASCENDING : A S C E N D I N G ;
DESC : D E S C ;
DESCENDING : D E S C E N D I N G ;
UNWIND : U N W I N D ;
AS : A S ;
UNION : U N I O N ;
ALL : A L L ;
CREATE : C R E A T E ;
MERGE : M E R G E ;
ON : O N ;
SET : S E T ;
REMOVE : R E M O V E ;
DELETE : D E L E T E ;
DETACH : D E T A C H ;
CALL : C A L L ;
YIELD : Y I E L D ;
EXPLAIN : E X P L A I N ;
PROFILE : P R O F I L E ;
INDEX : I N D E X ;
CONSTRAINT : C O N S T R A I N T ;
FOR : F O R ;
REQUIRE : R E Q U I R E ;
UNIQUE : U N I Q U E ;
DROP : D R O P ;
IF : I F ;
EXISTS : E X I S T S ;
OR : O R ;
XOR : X O R ;
AND : A N D ;
NOT : N O T ;
IN : I N ;
STARTS : S T A R T S ;
ENDS : E N D S ;
CONTAINS : C O N T A I N S ;
IS : I S ;
NULL_ : N U L L ;
TRUE_ : T R U E ;
FALSE_ : F A L S E ;
CASE : C A S E ;
WHEN : W H E N ;
THEN : T H E N ;
ELSE : E L S E ;
END : E N D ;
COUNT : C O U N T ;
ANY : A N Y ;
NONE : N O N E ;
SINGLE : S I N G L E ;
REDUCE : R E D U C E ;
SHORTESTPATH : S H O R T E S T P A T H ;
ALLSHORTESTPATHS : A L L S H O R T E S T P A T H S ;
WARMEST : W A R M E S T ;
WITHIN : W I T H I N ;
SINCE : S I N C E ;
PURPOSE : P U R P O S E ;
WHY : W H Y ;
DEFINE : D E F I N E ;
QUESTION : Q U E S T I O N ;
PHRASE : P H R A S E ;
ASK : A S K ;
FIND : F I N D ;
MINUTE : M I N U T E ;
MINUTES : M I N U T E S ;
HOUR : H O U R ;
HOURS : H O U R S ;
DAY : D A Y ;
DAYS : D A Y S ;
WEEK : W E E K ;
WEEKS : W E E K S ;
MONTH : M O N T H ;
MONTHS : M O N T H S ;

HexInteger : '0' [xX] [0-9a-fA-F]+ ;
OctalInteger : '0' [oO] [0-7]+ ;
DecimalInteger : '0' | [1-9] [0-9]* ;
FloatLiteral
  : [0-9]+ '.' [0-9]+ Exponent?
  | '.' [0-9]+ Exponent?
  | [0-9]+ Exponent
  ;
fragment Exponent : [eE] [+-]? [0-9]+ ;

// Escapes are checked (and decoded) by the AST builder, which can point at
// the bad one; the lexer only finds where a string ends.
StringLiteral
  : '"' (~["\\] | '\\' .)* '"'
  | '\'' (~['\\] | '\\' .)* '\''
  ;

// Before the identifier rules, which would otherwise claim the non-ASCII spaces.
WS : [ \t\r\n\u000B\u000C\u00A0\u2028\u2029\uFEFF]+ -> skip ;

EscapedSymbolicName : ('`' ~'`'* '`')+ ;
UnescapedSymbolicName : IdentifierStart (IdentifierStart | [0-9])* ;
fragment IdentifierStart : [a-zA-Z_] | NonAsciiLetter ;
fragment NonAsciiLetter : [\u00C0-\uFFFE] ;

SEMI : ';' ;
COMMA : ',' ;
DOTDOT : '..' ;
DOT : '.' ;
COLON : ':' ;
PIPE : '|' ;
DOLLAR : '$' ;
LPAREN : '(' ;
RPAREN : ')' ;
LBRACKET : '[' ;
RBRACKET : ']' ;
LBRACE : '{' ;
RBRACE : '}' ;
PLUS_EQ : '+=' ;
REGEX_MATCH : '=~' ;
NEQ : '<>' ;
NEQ2 : '!=' ;
LE : '<=' ;
GE : '>=' ;
EQ : '=' ;
LT : '<' ;
GT : '>' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
CARET : '^' ;

LINE_COMMENT : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;

// Error tokens: they never appear in a valid parse, but let the parser name
// the problem ("unterminated string") at the place it starts.
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF ;
UNTERMINATED_STRING
  : '"' (~["\\] | '\\' .)* '\\'? EOF
  | '\'' (~['\\] | '\\' .)* '\\'? EOF
  ;
UNTERMINATED_NAME : '`' ~'`'* EOF ;
INVALID_NUMBER : [0-9] [0-9a-zA-Z_]* ;
UNKNOWN_CHAR : . ;

fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ;
fragment E : [eE] ; fragment F : [fF] ; fragment G : [gG] ; fragment H : [hH] ;
fragment I : [iI] ; fragment J : [jJ] ; fragment K : [kK] ; fragment L : [lL] ;
fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ; fragment P : [pP] ;
fragment Q : [qQ] ; fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ;
fragment U : [uU] ; fragment V : [vV] ; fragment W : [wW] ; fragment X : [xX] ;
fragment Y : [yY] ; fragment Z : [zZ] ;
