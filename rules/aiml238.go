package rules

import (
	"regexp"

	. "github.com/pyguard/pyguard/analyzer"
)

// routingKey238 matches the names of client routing hints.
var routingKey238 = regexp.MustCompile(`(?i)(canary|variant|experiment|cohort|treatment|beta|preview|ab[-_]?test)`)

// predictFamily238 are the model calls that make a handler a serving one.
var predictFamily238 = map[string]bool{"predict": true, "predict_proba": true, "predict_log_proba": true,
	"decision_function": true, "score_samples": true}

// hintAttrs238 are the request attributes a routing hint is read from.
var hintAttrs238 = []string{"headers", "cookies", "args", "query_params", "GET", "COOKIES"}

// hintParams238 are the FastAPI parameter declarations of client hints.
var hintParams238 = setOf(qualify("fastapi.", "Header", "Cookie", "Query"),
	qualify("fastapi.params.", "Header", "Cookie", "Query"), qualify("fastapi.param_functions.", "Header", "Cookie", "Query"))

var AIML238 = &Rule{
	ID:         "AIML238",
	Title:      "Canary deployment risks",
	Section:    "2.3.1",
	Severity:   Medium,
	References: []string{"CWE-807", "CWE-639"},
	Fix:        Guidance,
	Message:    "Client-controlled header/cookie selects the canary/variant model; callers can force their way into unreviewed models.",
	Doc: "A serving handler routes to the canary, preview or variant model based on a header, cookie or query " +
		"parameter the client sends (`X-Canary`, `variant`, `experiment`, `cohort`, …). Callers opt themselves into " +
		"an unreviewed model, or out of the one they are supposed to get.",
	FixDoc: "Decide canary membership server-side (a configured weight plus a sticky hash of an authenticated id); " +
		"ignore client routing hints.",
	Example: `@app.route("/predict", methods=["POST"])
def predict():
    use_canary = request.headers.get("X-Canary") == "1"
    model = canary_model if use_canary else stable_model
    return jsonify(model.predict([request.json["features"]]).tolist())`,
	SafeExample: `@app.route("/predict", methods=["POST"])
def predict():
    model = canary_model if in_canary(g.user_id) else stable_model
    return jsonify(model.predict([request.json["features"]]).tolist())`,
	Kinds: []Kind{KCall, KSubscript, KFunctionDefinition},
	Check: func(p *Pass, n *Node) {
		if n.Kind == KFunctionDefinition {
			checkHintParams238(p, n)
			return
		}
		if !hintRead238(p, n) || !servingHandler238(p, n) {
			return
		}
		if routes238(p, n) {
			p.Report(n, p.Guidance())
		}
	},
}

// hintRead238: n is `<request>.<attr>.get(K)` or `<request>.<attr>[K]`
// with K a routing-hint key literal.
func hintRead238(p *Pass, n *Node) bool {
	var obj, key *Node
	switch n.Kind {
	case KCall:
		c, _ := p.AsCall(n)
		if c.Method() != "get" {
			return false
		}
		obj, key = c.Receiver(), c.Pos(0)
	case KSubscript:
		obj, key = n.Field("value"), n.Field("subscript")
	}
	l := LiteralValue(key)
	return l.Kind == LitStr && routingKey238.MatchString(l.Str) && requestAttrServing2(p, obj, hintAttrs238...)
}

// servingHandler238: n is in a request handler that calls a predict-family method.
func servingHandler238(p *Pass, n *Node) bool {
	fn := p.FuncOf(n)
	if !fn.IsRoute() {
		return false
	}
	return p.ScopeHasCall(fn.Scope, func(c Call) bool { return predictFamily238[c.Method()] })
}

// decides238: e is used in an if/elif/conditional-expression test or as
// a subscript key.
func decides238(e *Node) bool {
	for e.Parent() != nil && e.Parent().Kind == KParenthesized {
		e = e.Parent()
	}
	return subscriptKeyServing2(e) || inBranchTest238(e)
}

// inBranchTest238: e lies in the test of an if/elif or a conditional
// expression, within the same statement.
func inBranchTest238(e *Node) bool {
	child := e
	for par := e.Parent(); par != nil; child, par = par, par.Parent() {
		switch par.Kind {
		case KIf, KElif:
			return par.Field("condition") == child
		case KConditionalExpression:
			if parts := par.NamedChildren(); len(parts) == 3 && parts[1] == child {
				return true
			}
		case KBlock, KModule, KFunctionDefinition, KClassDefinition, KLambda, KDict, KList, KTuple, KSet, KPair,
			KInterpolation:
			return false
		}
	}
	return false
}

// routes238: the read decides a branch directly, or is part of the value
// assigned to a local name (not inside a container or f-string) whose
// reads decide one.
func routes238(p *Pass, read *Node) bool {
	if decides238(read) {
		return true
	}
	asg := assignedWithin238(read)
	if asg == nil {
		return false
	}
	for _, d := range p.BindingsOf(asg.Field("right")) {
		if d.Unpacked {
			continue
		}
		for _, use := range p.ScopeOf(d.Target).Uses(d) {
			if decides238(use) {
				return true
			}
		}
	}
	return false
}

// assignedWithin238 is the assignment whose right-hand side contains e
// through expressions that pass its value on (comparisons, boolean
// operators, calls and attribute reads, not containers or f-strings), or nil.
func assignedWithin238(e *Node) *Node {
	child := e
	for par := e.Parent(); par != nil; child, par = par, par.Parent() {
		switch par.Kind {
		case KAssignment:
			if par.Field("right") == child {
				return par
			}
			return nil
		case KParenthesized, KComparisonOperator, KBooleanOperator, KNotOperator, KCall, KArgumentList, KAttribute,
			KConditionalExpression:
		default:
			return nil
		}
	}
	return nil
}

// checkHintParams238 reports FastAPI route parameters declared
// `= Header(...)/Cookie(...)/Query(...)` (or `Annotated[..., Header()]`)
// whose name is a routing hint and whose value decides a branch.
func checkHintParams238(p *Pass, def *Node) {
	s := p.ScopeFor(def)
	if s == nil {
		return
	}
	fn := s.Func()
	if fn == nil || fn.Route != RouteWeb || !servingHandlerScope238(p, fn) {
		return
	}
	for _, prm := range s.Params {
		if !routingKey238.MatchString(prm.Name) || !hintDeclared238(p, prm) {
			continue
		}
		for _, d := range s.Defs(prm.Name) {
			if d.Kind != DefParam {
				continue
			}
			if paramRoutes238(p, s, d) {
				p.Report(prm.Node, p.Guidance())
			}
		}
	}
}

func servingHandlerScope238(p *Pass, fn *Func) bool {
	return p.ScopeHasCall(fn.Scope, func(c Call) bool { return predictFamily238[c.Method()] })
}

// hintDeclared238: the parameter's default, or an Annotated[...] metadata
// element of its annotation, is a Header/Cookie/Query call.
func hintDeclared238(p *Pass, prm *Param) bool {
	if c, ok := p.AsCall(prm.Default); ok && hintParams238[c.Callee()] {
		return true
	}
	found := false
	if prm.Annotation != nil {
		prm.Annotation.Walk(func(m *Node) bool {
			if m.Kind == KCall {
				if c, _ := p.AsCall(m); hintParams238[c.Callee()] {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// paramRoutes238: a read of the parameter decides a branch, directly or
// through one local variable.
func paramRoutes238(p *Pass, s *Scope, d *Def) bool {
	for _, use := range s.Uses(d) {
		if routes238(p, use) {
			return true
		}
	}
	return false
}

func init() { register(AIML238) }
