package analyzer

import (
	sitter "github.com/smacker/go-tree-sitter"
	"github.com/smacker/go-tree-sitter/python"
)

var pythonLang = python.GetLanguage()

func init() {
	n := int(pythonLang.SymbolCount())
	symbolKind = make([]Kind, n)
	for i := 0; i < n; i++ {
		symbolKind[i] = internKind(pythonLang.SymbolName(sitter.Symbol(i)))
	}
	internKind("ERROR")
	fieldNames = []string{""}
	for i := 1; ; i++ {
		name := pythonLang.FieldName(i)
		if name == "" {
			break
		}
		fieldNames = append(fieldNames, name)
		fieldIDs[name] = uint16(i)
	}
	initKinds()
	fieldFunction, fieldArguments = fieldIDs["function"], fieldIDs["arguments"]
	fieldAttribute, fieldObject = fieldIDs["attribute"], fieldIDs["object"]
}

// Node kinds the engine and rules use. Resolved from the grammar at init so
// a grammar upgrade that renames a kind fails loudly.
var (
	KModule, KComment, KIdentifier, KAttribute, KCall, KArgumentList,
	KKeywordArgument, KString, KStringContent, KInterpolation, KConcatenatedString,
	KInteger, KFloat, KTrue, KFalse, KNone, KList, KTuple, KDict, KSet, KPair,
	KListSplat, KDictSplat, KParenthesized, KBinaryOperator, KBooleanOperator,
	KComparisonOperator, KNotOperator, KUnaryOperator, KConditionalExpression,
	KSubscript, KSlice, KAwait, KLambda, KNamedExpression,
	KListComprehension, KSetComprehension, KDictComprehension, KGeneratorExpression,
	KForInClause, KIfClause,
	KExpressionStatement, KAssignment, KAugmentedAssignment, KPatternList,
	KTuplePattern, KListPattern, KReturn, KRaise, KPass, KIf, KElif, KElse, KFor, KWhile,
	KTry, KExcept, KWith, KWithClause, KWithItem, KAsPattern, KAsPatternTarget,
	KFunctionDefinition, KClassDefinition, KDecoratedDefinition, KDecorator,
	KParameters, KTypedParameter, KDefaultParameter, KTypedDefaultParameter,
	KListSplatPattern, KDictSplatPattern, KType, KBlock,
	KImportStatement, KImportFromStatement, KFutureImport, KAliasedImport,
	KDottedName, KRelativeImport, KWildcardImport, KGlobal, KNonlocal,
	KDelete, KYield, KExpressionList, KImportPrefix, KEllipsis, KError Kind
)

func initKinds() {
	for p, name := range map[*Kind]string{
		&KModule: "module", &KComment: "comment", &KIdentifier: "identifier",
		&KAttribute: "attribute", &KCall: "call", &KArgumentList: "argument_list",
		&KKeywordArgument: "keyword_argument", &KString: "string",
		&KStringContent: "string_content", &KInterpolation: "interpolation",
		&KConcatenatedString: "concatenated_string", &KInteger: "integer",
		&KFloat: "float", &KTrue: "true", &KFalse: "false", &KNone: "none",
		&KList: "list", &KTuple: "tuple", &KDict: "dictionary", &KSet: "set",
		&KPair: "pair", &KListSplat: "list_splat", &KDictSplat: "dictionary_splat",
		&KParenthesized: "parenthesized_expression", &KBinaryOperator: "binary_operator",
		&KBooleanOperator: "boolean_operator", &KComparisonOperator: "comparison_operator",
		&KNotOperator: "not_operator", &KUnaryOperator: "unary_operator",
		&KConditionalExpression: "conditional_expression", &KSubscript: "subscript",
		&KSlice: "slice", &KAwait: "await", &KLambda: "lambda",
		&KNamedExpression: "named_expression", &KListComprehension: "list_comprehension",
		&KSetComprehension: "set_comprehension", &KDictComprehension: "dictionary_comprehension",
		&KGeneratorExpression: "generator_expression", &KForInClause: "for_in_clause",
		&KIfClause: "if_clause", &KExpressionStatement: "expression_statement",
		&KAssignment: "assignment", &KAugmentedAssignment: "augmented_assignment",
		&KPatternList: "pattern_list", &KTuplePattern: "tuple_pattern",
		&KListPattern: "list_pattern", &KReturn: "return_statement",
		&KRaise: "raise_statement", &KPass: "pass_statement", &KIf: "if_statement",
		&KElif: "elif_clause", &KElse: "else_clause", &KFor: "for_statement",
		&KWhile: "while_statement", &KTry: "try_statement", &KExcept: "except_clause",
		&KWith: "with_statement", &KWithClause: "with_clause", &KWithItem: "with_item",
		&KAsPattern: "as_pattern", &KAsPatternTarget: "as_pattern_target",
		&KFunctionDefinition: "function_definition", &KClassDefinition: "class_definition",
		&KDecoratedDefinition: "decorated_definition", &KDecorator: "decorator",
		&KParameters: "parameters", &KTypedParameter: "typed_parameter",
		&KDefaultParameter: "default_parameter", &KTypedDefaultParameter: "typed_default_parameter",
		&KListSplatPattern: "list_splat_pattern", &KDictSplatPattern: "dictionary_splat_pattern",
		&KType: "type", &KBlock: "block", &KImportStatement: "import_statement",
		&KImportFromStatement: "import_from_statement", &KFutureImport: "future_import_statement",
		&KAliasedImport: "aliased_import", &KDottedName: "dotted_name",
		&KRelativeImport: "relative_import", &KWildcardImport: "wildcard_import",
		&KGlobal: "global_statement", &KNonlocal: "nonlocal_statement",
		&KDelete: "delete_statement", &KYield: "yield", &KExpressionList: "expression_list",
		&KImportPrefix: "import_prefix", &KEllipsis: "ellipsis", &KError: "ERROR",
	} {
		*p = KindOf(name)
	}
}
