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
	FixDoc: "When the call is the whole right-hand side of `NAME = float(...)`, insert after that statement " +
		"`if not math.isfinite(NAME):` with `raise ValueError(\"non-finite NAME\")` on the next line (and `import math` " +
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
		if checkedFinite164(p, c) || numericTyped164(p, args[0]) {
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
	c, _ := p.AsCall(call)
	v := resultOf164(c)
	var uses []*Node
	for _, d := range p.BindingsOf(v) {
		if s := p.ScopeOf(d.Target); s != nil {
			uses = append(uses, s.Uses(d)...)
		}
	}
	return uses
}

// checkedFinite164 reports whether the enclosing function (the module at
// top level) checks the value of this conversion for finiteness: a
// finiteness call whose argument is the conversion itself, its argument,
// the variable it is bound to, or a variable built from one of those (an
// array of several values). A check of another value does not count, so a
// fix for one conversion never silences another.
func checkedFinite164(p *Pass, c Call) bool {
	scope := p.EnclosingFunc(c.Node)
	if scope == nil {
		scope = p.Module
	}
	values := []*Node{c.Node, c.Positional()[0]}
	var names []string
	for _, d := range p.BindingsOf(resultOf164(c)) {
		names = append(names, d.Name)
	}
	covers := func(arg *Node) bool {
		arg = Unparen(arg)
		for _, v := range values {
			if SameExpression(arg, v) {
				return true
			}
		}
		if arg.Kind != KIdentifier {
			return false
		}
		for _, nm := range names {
			if arg.Is(nm) {
				return true
			}
		}
		// One step back: x = np.array([[lat, lon]]); np.isfinite(x).
		for _, d := range p.ScopeOf(arg).Defs(arg.Text()) {
			if d.Value != nil && readsAny164(d.Value, names) {
				return true
			}
		}
		return false
	}
	return p.ScopeHasCall(scope, func(k Call) bool {
		if !k.Is(finitenessChecks164...) {
			return false
		}
		a := k.Arg(0, "x")
		return a != nil && covers(a)
	})
}

// numericTypes164: a value isinstance-checked against these is already a
// number, not request text that float() could turn into NaN.
var numericTypes164 = setOf([]string{"builtins.float", "builtins.int", "numpy.floating", "numpy.integer", "numpy.number",
	"numpy.float64", "numpy.float32", "numbers.Number", "numbers.Real"})

// numericTyped164 reports whether the conversion's argument, a name, sits
// in the body of `if isinstance(name, <numeric types>):` (or its elif),
// as in a response serializer's `elif isinstance(obj, np.floating):
// return float(obj)`.
func numericTyped164(p *Pass, arg *Node) bool {
	arg = Unparen(arg)
	if arg.Kind != KIdentifier {
		return false
	}
	for n := arg; n.Parent() != nil; n = n.Parent() {
		par := n.Parent()
		if (par.Kind != KIf && par.Kind != KElif) || par.Field("consequence") != n {
			continue
		}
		c, ok := p.AsCall(Unparen(par.Field("condition")))
		if !ok || !c.Is("builtins.isinstance") || len(c.Positional()) != 2 || !SameExpression(c.Positional()[0], arg) {
			continue
		}
		types := Unparen(c.Positional()[1])
		list := []*Node{types}
		if types.Kind == KTuple {
			list = types.NamedChildren()
		}
		all := len(list) > 0
		for _, t := range list {
			all = all && numericTypes164[p.Qualname(t)]
		}
		if all {
			return true
		}
	}
	return false
}

// resultOf164 is the expression whose value is the conversion's result:
// the call, or the arithmetic around it (`float(v) * 2`).
func resultOf164(c Call) *Node {
	v := c.Node
	for {
		par := v.Parent()
		if par == nil || !(par.Kind == KParenthesized || par.Kind == KBinaryOperator || par.Kind == KUnaryOperator) {
			return v
		}
		v = par
	}
}

// readsAny164 reports whether expression e reads one of the names.
func readsAny164(e *Node, names []string) bool {
	found := false
	e.Walk(func(m *Node) bool {
		if m.Kind == KIdentifier {
			for _, nm := range names {
				if m.Is(nm) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// fix164: for `NAME = float(...)` as a statement of its own line, insert a
// check that raises on a non-finite NAME right after it (plus `import
// math` when the module lacks it); otherwise guidance.
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
	// inserted lines at its indentation follow it in the same block.
	if _, col := p.Tree.Position(stmt.Start); col-1 != len(Indent(stmt)) {
		return GuidanceFix(guidance164)
	}
	v := name.Text()
	b := p.NewFix(Unsafe, "Raise ValueError right after the conversion when `"+v+"` is NaN or infinite.", stmt).
		Changing("a request that sends \"nan\" or \"inf\" for `" + v + "` now gets an error instead of a prediction.")
	isfinite := b.Attr("math", "isfinite")
	b.Add(InsertBlockAfter(stmt, "if not "+isfinite+"("+v+"):\n    raise ValueError(\"non-finite "+v+"\")"))
	return b.Build(GuidanceFix(guidance164))
}

func init() { register(AIML164) }
