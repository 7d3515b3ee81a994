package rules

import . "github.com/pyguard/pyguard/analyzer"

// armMethods237 are the model calls an arm is used for.
var armMethods237 = map[string]bool{"predict": true, "predict_proba": true, "generate": true, "infer": true, "run": true}

var AIML237 = &Rule{
	ID:         "AIML237",
	Title:      "A/B testing manipulation",
	Section:    "2.3.1",
	Severity:   Medium,
	References: []string{"CWE-799", "CWE-841"},
	Fix:        Guidance,
	Message:    "Model arm chosen at random per request; callers can retry until they get the weaker model. Use sticky assignment.",
	Doc: "A request handler picks the model arm at random on every request (`random.choice([a, b])`, or " +
		"`a if random.random() < p else b`) and then runs it. A caller can simply retry until the request lands on " +
		"the weaker arm, for example the more lenient fraud or moderation model.",
	FixDoc: "Assign arms deterministically from an authenticated subject id (e.g. " +
		"`int(hashlib.sha256(uid.encode()).hexdigest(), 16) % 100`) so retries land on the same arm.",
	Example: `@app.post("/moderate")
def moderate(req: Post):
    model = random.choice([strict_model, lenient_model])
    return {"flagged": bool(model.predict([req.text])[0])}`,
	SafeExample: `@app.post("/moderate")
def moderate(req: Post, user=Depends(current_user)):
    arm = int(hashlib.sha256(user.id.encode()).hexdigest(), 16) % 2
    model = (strict_model, lenient_model)[arm]
    return {"flagged": bool(model.predict([req.text])[0])}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		choice := c.Is("random.choice", "random.choices", "numpy.random.choice")
		draw := c.Is("random.random", "random.uniform", "numpy.random.rand", "numpy.random.random")
		if !choice && !draw {
			return
		}
		if fn := p.FuncOf(n); !fn.IsRoute() {
			return
		}
		if choice && armChoice237(p, c) || draw && randomArm237(p, n) {
			p.ReportCall(c, p.Guidance())
		}
	},
}

// armChoice237: the call picks from a list/tuple literal of two or more
// elements and its result (directly, via [0], or via one local variable)
// is run as a model.
func armChoice237(p *Pass, c Call) bool {
	l := Unparen(c.Pos(0))
	if l == nil || (l.Kind != KList && l.Kind != KTuple) || len(l.NamedChildren()) < 2 {
		return false
	}
	return usedAsArm237(p, c.Node)
}

// randomArm237: the draw is in the test of a conditional expression whose
// value is run as a model, or of an `if` whose branches run models on
// different receivers.
func randomArm237(p *Pass, n *Node) bool {
	child := n
	for par := n.Parent(); par != nil; child, par = par, par.Parent() {
		switch par.Kind {
		case KConditionalExpression:
			if parts := par.NamedChildren(); len(parts) == 3 && parts[1] == child {
				return usedAsArm237(p, par)
			}
		case KIf:
			if par.Field("condition") == child {
				return branchesRunDifferentArms237(p, par)
			}
			return false
		case KBlock, KModule, KFunctionDefinition, KClassDefinition, KLambda:
			return false
		}
	}
	return false
}

// outerExpr237 climbs from e through parentheses and a `[0]` subscript.
func outerExpr237(e *Node) *Node {
	for {
		par := e.Parent()
		switch {
		case par == nil:
			return e
		case par.Kind == KParenthesized:
			e = par
		case par.Kind == KSubscript && par.Field("value") == e && LiteralValue(par.Field("subscript")).Kind == LitInt &&
			LiteralValue(par.Field("subscript")).Num == 0:
			e = par
		default:
			return e
		}
	}
}

// runsAsArm237: e is the receiver of an arm method call, or is called.
func runsAsArm237(e *Node) bool {
	e = outerExpr237(e)
	par := e.Parent()
	if par == nil {
		return false
	}
	switch par.Kind {
	case KCall:
		return par.Field("function") == e
	case KAttribute:
		call := par.Parent()
		return par.Field("object") == e && armMethods237[par.Field("attribute").Text()] &&
			call != nil && call.Kind == KCall && call.Field("function") == par
	}
	return false
}

// usedAsArm237: e runs as an arm directly, or e is the whole value of an
// assignment to a local name that is then run as an arm.
func usedAsArm237(p *Pass, e *Node) bool {
	if runsAsArm237(e) {
		return true
	}
	top := outerExpr237(e)
	asg := top.Parent()
	if asg == nil || asg.Kind != KAssignment || asg.Field("right") != top {
		return false
	}
	for _, d := range p.BindingsOf(top) {
		if d.Unpacked {
			continue
		}
		for _, use := range p.ScopeOf(d.Target).Uses(d) {
			if runsAsArm237(use) {
				return true
			}
		}
	}
	return false
}

// branchesRunDifferentArms237: the if's body and its first else/elif
// branch each call an arm method, on receivers that differ.
func branchesRunDifferentArms237(p *Pass, ifNode *Node) bool {
	cons := ifNode.Field("consequence")
	alt := ifNode.Field("alternative")
	if cons == nil || alt == nil {
		return false
	}
	altBody := alt.Field("body")
	if alt.Kind == KElif {
		altBody = alt.Field("consequence")
	}
	if altBody == nil {
		return false
	}
	a, b := armReceivers237(cons), armReceivers237(altBody)
	for _, x := range a {
		for _, y := range b {
			if !SameExpression(x, y) {
				return true
			}
		}
	}
	return false
}

// armReceivers237 are the receivers of arm method calls in block (not in
// nested functions or classes).
func armReceivers237(block *Node) []*Node {
	var out []*Node
	block.Walk(func(m *Node) bool {
		if m.Kind == KFunctionDefinition || m.Kind == KClassDefinition || m.Kind == KLambda {
			return false
		}
		if m.Kind == KCall {
			if f := Unparen(m.Field("function")); f != nil && f.Kind == KAttribute && armMethods237[f.Field("attribute").Text()] {
				out = append(out, f.Field("object"))
			}
		}
		return true
	})
	return out
}

func init() { register(AIML237) }
