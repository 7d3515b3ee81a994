package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// paramMethods250 return a model's learned parameters or full configuration.
var paramMethods250 = map[string]bool{"get_params": true, "state_dict": true, "get_weights": true, "get_config": true,
	"named_parameters": true, "get_booster": true, "get_dump": true, "save_raw": true}

// paramAttrs250 are fitted scikit-learn attributes holding learned parameters.
var paramAttrs250 = map[string]bool{"coef_": true, "intercept_": true, "feature_importances_": true,
	"support_vectors_": true, "tree_": true, "estimators_": true}

// summaryAttrs250 describe an array or tree without its values.
var summaryAttrs250 = map[string]bool{"shape": true, "ndim": true, "size": true, "dtype": true, "nbytes": true,
	"node_count": true, "max_depth": true, "n_leaves": true, "n_features": true, "n_outputs": true, "keys": true}

// summaryCalls250 reduce their argument to a count, a type or a test.
var summaryCalls250 = setOf(qualify("builtins.", "len", "type", "bool", "isinstance", "hasattr", "id", "hash",
	"callable"))

// aggregates250 reduce a comprehension over parameters to one number.
var aggregates250 = setOf(qualify("builtins.", "sum", "len", "any", "all", "max", "min"))

var AIML250 = &Rule{
	ID:         "AIML250",
	Title:      "Model metadata leakage",
	Section:    "2.3.2",
	Severity:   Medium,
	References: []string{"CWE-200", "OWASP ML05", "MITRE ATLAS AML.T0024"},
	Fix:        Guidance,
	EditFix:    Unsafe,
	EditFixDoc: "When the parameters are one entry of a dict literal the handler returns, the entry is removed; " +
		"clients that read it from this endpoint no longer get it. Other forms keep the guidance.",
	Message: "Endpoint returns model parameters/config (weights, coefficients, importances), enabling model theft.",
	Doc: "A request handler returns the model's learned parameters or full configuration — `state_dict()`, " +
		"`get_weights()`, `get_params()`, `get_config()`, `named_parameters()`, `get_booster()`, `get_dump()`, " +
		"`save_raw()`, or the fitted attributes `coef_`, `intercept_`, `feature_importances_`, `support_vectors_`, " +
		"`tree_`, `estimators_`. Callers get the model itself, or enough of it to clone it without paying for the " +
		"queries a model-extraction attack would need.",
	FixDoc: "Return only predictions and a model version id; expose parameters through an authenticated, internal " +
		"registry instead.",
	Example: `@app.get("/model/info")
def info():
    return jsonify({"version": VERSION, "coef": clf.coef_.tolist()})`,
	SafeExample: `@app.get("/model/info")
def info():
    return jsonify({"version": VERSION, "type": type(clf).__name__})`,
	Kinds: []Kind{KCall, KAttribute},
	Check: func(p *Pass, n *Node) {
		var recv, what *Node
		switch n.Kind {
		case KCall:
			c, _ := p.AsCall(n)
			if !paramMethods250[c.Method()] {
				return
			}
			recv, what = c.Receiver(), c.MethodNode()
		case KAttribute:
			attr := n.Field("attribute")
			if attr == nil || !paramAttrs250[attr.Text()] {
				return
			}
			if par := n.Parent(); par != nil && par.Kind == KCall && par.Field("function") == n {
				return // clf.tree_(...) is not the fitted attribute
			}
			recv, what = n.Field("object"), attr
		}
		if recv == nil || moduleReceiverEndpoint2(p, recv) || summarized250(p, n) || !inResponseEndpoint2(p, n) {
			return
		}
		if fn := p.FuncOf(n); !fn.IsRoute() {
			return
		}
		fd := p.Report(n, fix250(p, n))
		fd.Message = "Endpoint returns the model's " + what.Text() + " (parameters/config), enabling model theft."
	},
}

// summarized250: the parameters are reduced before they are returned — a
// count, shape or type (`len(clf.estimators_)`, `clf.coef_.shape`,
// `state_dict().keys()`), or an aggregate over a comprehension of them
// (`sum(p.numel() for _, p in m.named_parameters())`).
func summarized250(p *Pass, n *Node) bool {
	if configKey250(p, n) {
		return true
	}
	child := n
	for par := n.Parent(); par != nil; child, par = par, par.Parent() {
		switch par.Kind {
		case KParenthesized:
			continue
		case KAttribute:
			if par.Field("object") == child && summaryAttrs250[par.Field("attribute").Text()] {
				return true
			}
			continue
		case KCall:
			c, _ := p.AsCall(par)
			if c.Args == child && summaryCalls250[c.Callee()] {
				return true
			}
			if c.Args != nil && c.Args.Kind == KArgumentList && child == c.Args || c.Func == child {
				continue
			}
			// f(x for x in ...): the generator is the argument list itself.
			if child.Kind == KGeneratorExpression && aggregates250[c.Callee()] {
				return true
			}
			continue
		case KArgumentList:
			continue
		case KForInClause:
			if par.Field("right") == child {
				comp := par.Parent()
				if comp != nil && comp.Parent() != nil && comp.Parent().Kind == KArgumentList {
					if c, ok := p.AsCall(comp.Parent().Parent()); ok && aggregates250[c.Callee()] {
						return true
					}
				}
				if comp != nil && comp.Parent() != nil && comp.Parent().Kind == KCall {
					if c, ok := p.AsCall(comp.Parent()); ok && aggregates250[c.Callee()] {
						return true
					}
				}
			}
			continue
		case KReturn, KBlock, KModule, KFunctionDefinition, KLambda, KExpressionStatement, KAssignment:
			return false
		}
	}
	return false
}

// configKey250: one named setting read from a configuration
// (`clf.get_params()["n_estimators"]`, `m.get_config().get("name")`), not
// the full configuration.
func configKey250(p *Pass, n *Node) bool {
	c, ok := p.AsCall(n)
	if !ok || c.Method() != "get_params" && c.Method() != "get_config" {
		return false
	}
	at := n
	for at.Parent() != nil && at.Parent().Kind == KParenthesized {
		at = at.Parent()
	}
	par := at.Parent()
	switch {
	case par == nil:
		return false
	case par.Kind == KSubscript && par.Field("value") == at:
		return LiteralValue(par.Field("subscript")).Kind == LitStr
	case par.Kind == KAttribute && par.Field("object") == at && par.Field("attribute").Is("get"):
		g, ok := p.AsCall(par.Parent())
		return ok && g.Func == par && LiteralValue(g.Pos(0)).Kind == LitStr
	}
	return false
}

// fix250 removes the response entry that carries the parameters when it is
// one pair of a dict literal that is the returned value (or the only
// argument of jsonify/JSONResponse in the return); guidance otherwise.
func fix250(p *Pass, n *Node) *Fix {
	pair := n
	for pair != nil && pair.Kind != KPair {
		if pair.Kind == KBlock || pair.Kind == KFunctionDefinition || pair.Kind == KLambda ||
			pair.Kind == KListComprehension || pair.Kind == KDictComprehension || pair.Kind == KGeneratorExpression ||
			pair.Kind == KSetComprehension {
			return p.Guidance()
		}
		pair = pair.Parent()
	}
	if pair == nil || !pair.Field("value").Contains(n) {
		return p.Guidance()
	}
	dict := pair.Parent()
	if dict == nil || dict.Kind != KDict || len(dict.NamedChildren()) < 2 || !returnedDict250(p, dict) {
		return p.Guidance()
	}
	key := pair.Field("key")
	if LiteralValue(key).Kind != LitStr {
		return p.Guidance()
	}
	for _, e := range dict.NamedChildren() {
		if e.Kind == KComment {
			return p.Guidance()
		}
	}
	return p.Edits(Unsafe, "Drop the "+codeText(key, 30)+" entry from this response, so callers no longer receive "+
		"`"+codeText(n, 40)+"`.", removePair250(pair)).
		Changing("clients that read " + codeText(key, 30) + " from this endpoint no longer get it.")
}

// removePair250 deletes a dict entry with its comma: the whole line when
// the entry stands alone on its lines (with any trailing comment, which
// describes it), else the entry and one separating comma.
func removePair250(pair *Node) Edit {
	t := pair.Tree()
	src := t.Src
	first, last := pair.Line(), 0
	last, _ = t.Position(pair.End)
	ls := t.LineStart(first)
	if strings.TrimSpace(string(src[ls:pair.Start])) == "" {
		rest := strings.TrimSpace(string(src[pair.End:t.LineEnd(last)]))
		rest = strings.TrimSpace(strings.TrimPrefix(rest, ","))
		if rest == "" || strings.HasPrefix(rest, "#") {
			end := t.LineEnd(last)
			if int(end) < len(src) {
				end++
			}
			return Edit{Start: ls, End: end}
		}
	}
	return RemoveKeyword(pair)
}

// returnedDict250: dict is the return expression, or the only positional
// argument of a response constructor that is the return expression.
func returnedDict250(p *Pass, dict *Node) bool {
	at := dict
	for at.Parent() != nil && at.Parent().Kind == KParenthesized {
		at = at.Parent()
	}
	par := at.Parent()
	if par == nil {
		return false
	}
	if par.Kind == KReturn {
		return true
	}
	if par.Kind != KArgumentList {
		return false
	}
	c, ok := p.AsCall(par.Parent())
	if !ok || !responseCalleesEndpoint2[c.Callee()] || c.Pos(0) != at {
		return false
	}
	ret := c.Node
	for ret.Parent() != nil && ret.Parent().Kind == KParenthesized {
		ret = ret.Parent()
	}
	return ret.Parent() != nil && ret.Parent().Kind == KReturn
}

func init() { register(AIML250) }
