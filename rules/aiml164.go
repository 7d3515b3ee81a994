package rules

import . "github.com/pyguard/pyguard/analyzer"

// floatConversions164 are the conversions that accept "nan"/"inf".
var floatConversions164 = []string{"builtins.float", "numpy.float64", "numpy.float32", "numpy.double"}

// finitenessChecks164: any of these in the enclosing function silences 164.
var finitenessChecks164 = []string{"math.isfinite", "math.isnan", "math.isinf", "numpy.isfinite", "numpy.isnan",
	"numpy.isinf", "numpy.nan_to_num", "pandas.isna", "pandas.isnull", "pandas.notna", "pandas.notnull"}

// mlModules164: the module must import one of these for 164 to apply.
var mlModules164 = []string{"numpy", "pandas", "sklearn", "torch", "tensorflow", "xgboost", "lightgbm", "catboost", "joblib"}

// owners164 report the request value itself when the float(...) result is
// their sink argument (§4 row 22).
var owners164 = []string{"AIML168", "AIML193", "AIML222", "AIML264", "AIML266"}

const guidance164 = "Reject non-finite input right after the conversion: `if not math.isfinite(value): raise ValueError(...)` " +
	"(or validate with a schema that forbids NaN/inf) before any range check or model call."

var AIML164 = &Rule{
	ID:         "AIML164",
	Title:      "Missing value injection",
	Section:    "2.1.1",
	Severity:   Medium,
	References: []string{"CWE-20", "CWE-1287", "OWASP ML01"},
	Fix:        Unsafe,
	Message:    "float() on request input accepts 'nan'/'inf': NaN slips past range checks and picks tree models' missing branch. Check isfinite.",
	Doc: "`float()` accepts `\"nan\"`, `\"inf\"` and `\"-inf\"`. A client-supplied NaN passes every `<`/`>` range check, " +
		"because all NaN comparisons are False. Gradient-boosted trees send it down the learned \"missing\" branch, " +
		"so clients choose the branch. An infinite value breaks scaling and aggregates.",
	FixDoc: "When the call is the whole right-hand side of `NAME = float(...)`, insert " +
		"`if not math.isfinite(NAME): raise ValueError(\"non-finite input\")` after that statement (and `import math` " +
		"if the module lacks it). Non-finite input then raises instead of reaching range checks and the model.",
	Example: `@app.post("/quote")
def quote():
    amount = float(request.form["amount"])
    if amount > 10_000:
        return jsonify(error="manual review"), 403
    return jsonify(risk=model.predict(np.array([[amount]])).tolist())`,
	SafeExample: `@app.post("/quote")
def quote():
    amount = float(request.form["amount"])
    if not math.isfinite(amount) or amount > 10_000:
        return jsonify(error="manual review"), 403
    return jsonify(risk=model.predict(np.array([[amount]])).tolist())`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is(floatConversions164...) || c.Args == nil || c.HasArgsSplat() || c.HasKwargsSplat() {
			return
		}
		args := c.Positional()
		if len(args) != 1 || p.Taint(args[0], nil)&WebTaint == 0 {
			return
		}
		if !p.ImportsAny(mlModules164...) {
			return
		}
		scope := p.EnclosingFunc(n)
		if scope == nil {
			scope = p.Module
		}
		if p.ScopeCallsAny(scope, finitenessChecks164...) {
			return
		}
		fd := p.ReportCall(c, fix164(p, c))
		fd.UnlessReportedBy(owners164, append([]*Node{n}, localUses164(p, n)...)...)
	},
}

// localUses164 are the reads of the local variable the float(...) result
// is bound to (directly, or as an operand of arithmetic on the right-hand
// side): "through one local variable" of §4 row 22.
func localUses164(p *Pass, call *Node) []*Node {
	v := call
	for {
		par := v.Parent()
		if par == nil || !(par.Kind == KParenthesized || par.Kind == KBinaryOperator || par.Kind == KUnaryOperator) {
			break
		}
		v = par
	}
	var uses []*Node
	for _, d := range p.BindingsOf(v) {
		if s := p.ScopeOf(d.Target); s != nil {
			uses = append(uses, s.Uses(d)...)
		}
	}
	return uses
}

// fix164: for `NAME = float(...)` as a statement of its own line, insert the
// isfinite check after it (plus `import math`); otherwise guidance.
func fix164(p *Pass, c Call) *Fix {
	asg := c.Node.Parent()
	for asg != nil && asg.Kind == KParenthesized {
		asg = asg.Parent()
	}
	if asg == nil || asg.Kind != KAssignment || Unparen(asg.Field("right")) != c.Node {
		return GuidanceFix(guidance164)
	}
	name := Unparen(asg.Field("left"))
	stmt := Statement(asg)
	if name == nil || name.Kind != KIdentifier || stmt == nil || stmt.Kind != KExpressionStatement || Unparen(stmt.NamedChild(0)) != asg {
		return GuidanceFix(guidance164)
	}
	// The statement must start its line (not `if c: x = float(v)`), so the
	// inserted line at its indentation follows it in the same block.
	if _, col := p.Tree.Position(stmt.Start); col-1 != len(Indent(stmt)) {
		return GuidanceFix(guidance164)
	}
	var edits []Edit
	if imp, ok := p.AddImport("math"); ok {
		edits = append(edits, imp)
	}
	edits = append(edits, InsertLineAfter(stmt, "if not math.isfinite("+name.Text()+`): raise ValueError("non-finite input")`))
	return p.Edits(Unsafe, edits...)
}

func init() { register(AIML164) }
