package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// taint188: STRING-SANITIZERS (a number or date parsed from the request is
// not Python source).
var taint188 = &TaintSpec{Sanitizers: Set(StringSanitizers)}

// Code-evaluation callees of AIML188 and the keyword naming their
// expression argument (positional 0 otherwise).
var (
	builtinEvals188 = map[string]string{"builtins.eval": "", "builtins.exec": "", "builtins.compile": "source"}
	sympyParsers188 = map[string]string{
		"sympy.sympify": "a", "sympy.core.sympify": "a", "sympy.core.sympify.sympify": "a",
		"sympy.parse_expr": "s", "sympy.parsing.parse_expr": "s", "sympy.parsing.sympy_parser.parse_expr": "s",
	}
	// The builtins count only in modules doing data work.
	dataModules188 = []string{"pandas", "numpy", "sklearn", "torch", "feast"}
)

// formula188 returns the expression argument of a code-evaluation call
// AIML188 covers, or nil.
func formula188(p *Pass, c Call) *Node {
	q := c.Callee()
	if kw, ok := builtinEvals188[q]; ok {
		if !p.ImportsAny(dataModules188...) {
			return nil
		}
		if kw == "" {
			return c.Pos(0)
		}
		return c.Arg(0, kw)
	}
	if kw, ok := sympyParsers188[q]; ok {
		return c.Arg(0, kw)
	}
	// numexpr sanitizes expressions by default since 2.8.5 (CVE-2023-39631).
	if q == "numexpr.evaluate" {
		if s := LiteralValue(c.Kwarg("sanitize")); s.Kind == LitBool && !s.Bool {
			return c.Arg(0, "ex")
		}
	}
	return nil
}

var AIML188 = &Rule{
	ID:         "AIML188",
	Title:      "Feature engineering code injection",
	Section:    "2.1.2",
	Severity:   Critical,
	References: []string{"CWE-94", "CWE-95", "CVE-2023-39631", "GHSA-f73w-4m7g-ch9x"},
	Fix:        Guidance,
	EditFix:    Unsafe,
	EditFixDoc: "For `numexpr.evaluate(..., sanitize=False)`, the edit sets `sanitize=True`: numexpr (2.8.5 or later, " +
		"which the `sanitize` keyword already requires) then validates the expression before its internal `eval` and " +
		"rejects `;`, `:`, `[`, `__` and attribute access; an explicit `True` also overrides `NUMEXPR_SANITIZE=0`. " +
		"Formulas that use those constructs now raise ValueError instead of being evaluated. `eval`/`exec`/`compile` " +
		"and SymPy parsing keep the guidance: no drop-in call evaluates a formula safely (`ast.literal_eval` rejects " +
		"every formula that uses a name or an operator).",
	Message: "Request data evaluated as a feature formula (eval/sympify/numexpr): the caller can execute arbitrary Python on the server.",
	Doc: "A request value becomes a derived-feature formula that is executed as Python: `eval`/`exec`/`compile`, " +
		"SymPy's `sympify`/`parse_expr` (which use `eval` and are documented as unsafe on untrusted input), or " +
		"`numexpr.evaluate(..., sanitize=False)`. Any caller gets code execution on the feature service.",
	FixDoc: "Parse the formula with a restricted grammar (e.g. an allow-listed `ast` walk over names, numbers and " +
		"arithmetic operators), or let clients pick from server-defined formulas by name.",
	Example: `@app.post("/features/custom")
def custom_feature():
    df = pd.read_parquet("features/base.parquet")
    df["custom"] = eval(request.json["formula"], {"np": np}, {"df": df})
    return {"columns": list(df.columns)}`,
	SafeExample: `FORMULAS = {"spend_per_visit": lambda df: df["spend"] / df["visits"]}

@app.post("/features/custom")
def custom_feature():
    name = request.json["name"]
    if name not in FORMULAS:
        abort(400)
    df = pd.read_parquet("features/base.parquet")
    df[name] = FORMULAS[name](df)
    return {"columns": list(df.columns)}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		expr := formula188(p, c)
		if expr == nil || p.Taint(expr, taint188)&WebTaint == 0 {
			return
		}
		// compile() alone runs nothing: a bare `compile(code, ...)`
		// statement is a syntax check whose code object is thrown away.
		if c.Is("builtins.compile") && discardedCall(c.Node) {
			return
		}
		p.ReportCall(c, fix188(p, c, expr))
	},
}

// fix188 turns numexpr's sanitizer back on (`sanitize=False` -> `True`);
// the other evaluators keep the guidance.
func fix188(p *Pass, c Call, expr *Node) *Fix {
	kw := c.Keyword("sanitize")
	if c.Callee() != "numexpr.evaluate" || kw == nil || kw.Field("value") == nil {
		return p.Guidance()
	}
	what := "the expression"
	if t := expr.Text(); len(t) <= 60 && !strings.Contains(t, "\n") {
		what = "`" + t + "`"
	}
	return p.Edits(Unsafe, "Set `sanitize=True` on this `"+c.Func.Text()+"(...)` call so numexpr validates "+what+
		" before evaluating it.", ReplaceNode(kw.Field("value"), "True")).
		Changing("a formula that uses attribute access, `__`, `;`, `:` or `[` is now rejected with ValueError " +
			"instead of being evaluated.")
}

func init() { register(AIML188) }
