package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// modelLoaders239 are the model-load callees of AIML239 (besides
// mlflow.<flavor>.load_model and any `.from_pretrained`).
var modelLoaders239 = setOf([]string{"joblib.load", "pickle.load", "torch.load", "torch.jit.load",
	"tensorflow.keras.models.load_model", "keras.models.load_model", "keras.saving.load_model",
	"onnxruntime.InferenceSession"})

// owners239 own a load call whose artifact the request chooses (§4 row 11).
var owners239 = []string{"AIML174", "AIML192", "AIML216", "AIML228", "AIML236", "AIML053"}

// appTypes239 are the apps whose `.state` holds shared objects.
var appTypes239 = map[string]bool{"fastapi.FastAPI": true, "starlette.applications.Starlette": true}

var AIML239 = &Rule{
	ID:         "AIML239",
	Title:      "Blue-green deployment gaps",
	Section:    "2.3.1",
	Severity:   High,
	References: []string{"CWE-306", "CWE-862", "OWASP ML06"},
	Fix:        Guidance,
	Message:    "Unauthenticated endpoint swaps the live model; anyone reaching the service can switch production traffic.",
	Doc: "An HTTP route without authentication loads a model and stores it where every request reads it (a " +
		"`global`, `app.state.<attr>`, or an entry of a module-level dict): the blue/green switch. Anyone who can " +
		"reach the service can roll production to another model. A load whose artifact the request chooses is " +
		"reported by the loader's own rule instead.",
	FixDoc: "Protect the switch route (e.g. `dependencies=[Depends(require_admin)]`) or move the switch to the " +
		"deployment layer.",
	Example: `@app.post("/admin/switch")
def switch(color: str):
    global MODEL
    MODEL = joblib.load(SLOTS[color])
    return {"active": color}`,
	SafeExample: `@app.post("/admin/switch", dependencies=[Depends(require_admin)])
def switch(color: str):
    global MODEL
    MODEL = joblib.load(SLOTS[color])
    return {"active": color}`,
	Kinds: []Kind{KAssignment},
	Check: func(p *Pass, n *Node) {
		if par := n.Parent(); par != nil && par.Kind == KAssignment {
			return // the outermost assignment of a chain reports
		}
		fn := p.FuncOf(n)
		if fn == nil || fn.Route != RouteWeb || fn.AuthMarker {
			return
		}
		targets, value := assignChain239(n)
		load, ok := modelLoad239(p, value)
		if !ok {
			return
		}
		shared := false
		for _, t := range targets {
			if sharedSlot239(p, fn, t) {
				shared = true
			}
		}
		if !shared {
			return
		}
		stmt := n
		if par := n.Parent(); par != nil && par.Kind == KExpressionStatement {
			stmt = par
		}
		fd := p.Report(stmt, p.Guidance())
		owned := []*Node{load.NameNode()}
		if load.Args != nil {
			for _, a := range load.Args.NamedChildren() {
				if a.Kind == KKeywordArgument {
					a = a.Field("value")
				}
				if a != nil && a.Kind != KComment {
					owned = append(owned, a)
				}
			}
		}
		fd.UnlessReportedBy(owners239, owned...)
	},
}

// assignChain239 returns the targets of `a = b = v` and its value v.
func assignChain239(n *Node) (targets []*Node, value *Node) {
	for n != nil && n.Kind == KAssignment {
		targets = append(targets, n.Field("left"))
		n = n.Field("right")
	}
	return targets, n
}

// modelLoad239 finds the model-load call that v is: the call itself, or the
// innermost receiver of methods chained on it (`.eval()`, `.to(device)`).
func modelLoad239(p *Pass, v *Node) (Call, bool) {
	for {
		c, ok := p.AsCall(v)
		if !ok {
			return Call{}, false
		}
		if isModelLoad(c) {
			return c, true
		}
		recv := c.Receiver()
		if recv == nil {
			return Call{}, false
		}
		v = recv
	}
}

func isModelLoad(c Call) bool {
	q := c.Callee()
	if modelLoaders239[q] {
		return true
	}
	if strings.HasPrefix(q, "mlflow.") && strings.HasSuffix(q, ".load_model") {
		return true
	}
	return c.Method() == "from_pretrained"
}

// sharedSlot239: target t is where every request reads the model: a name
// declared `global` in the handler, `<app>.state.<attr>` or
// `<request>.app.state.<attr>`, or an entry of a module-level dict.
func sharedSlot239(p *Pass, fn *Func, t *Node) bool {
	t = Unparen(t)
	if t == nil {
		return false
	}
	switch t.Kind {
	case KIdentifier:
		return declaredGlobal239(fn.Scope, t.Text())
	case KAttribute:
		state := Unparen(t.Field("object"))
		if state == nil || state.Kind != KAttribute || !state.Field("attribute").Is("state") {
			return false
		}
		holder := Unparen(state.Field("object"))
		switch holder.Kind {
		case KIdentifier:
			if p.ScopeOf(holder).Binds(holder.Text()) && p.ScopeOf(holder) != p.Module {
				return false // a local or parameter named like the app
			}
			typ := p.TypeOf(holder)
			return appTypes239[typ] || typ == "" && p.Module.Binds(holder.Text())
		case KAttribute:
			// request.app.state.<attr>
			return holder.Field("attribute").Is("app") && requestObjectServing2(p, holder.Field("object"))
		}
	case KSubscript:
		d := Unparen(t.Field("value"))
		return d != nil && d.Kind == KIdentifier && moduleDict239(p, fn, d)
	}
	return false
}

// declaredGlobal239: the function body has `global name`.
func declaredGlobal239(s *Scope, name string) bool {
	found := false
	s.Walk(func(m *Node) {
		if m.Kind == KGlobal {
			for _, id := range m.NamedChildren() {
				if id.Kind == KIdentifier && id.Is(name) {
					found = true
				}
			}
		}
	})
	return found
}

// moduleDict239: name is not bound in the handler and is bound once at
// module level to a dict (literal, comprehension, dict()/defaultdict()/
// OrderedDict()).
func moduleDict239(p *Pass, fn *Func, name *Node) bool {
	if fn.Scope.Binds(name.Text()) {
		return false
	}
	defs := p.Module.Defs(name.Text())
	if len(defs) != 1 || defs[0].Kind != DefAssign || defs[0].Unpacked {
		return false
	}
	v := Unparen(defs[0].Value)
	if v == nil {
		return false
	}
	switch v.Kind {
	case KDict, KDictComprehension:
		return true
	}
	c, ok := p.AsCall(v)
	return ok && c.Is("builtins.dict", "collections.defaultdict", "collections.OrderedDict")
}

func init() { register(AIML239) }
