package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// warmupMethods247 run the model on probe input (warm-up calls).
var warmupMethods247 = map[string]bool{"predict": true, "predict_proba": true, "generate": true, "run": true,
	"infer": true}

// exits247 end the process: an except body that calls one fails closed.
var exits247 = setOf([]string{"sys.exit", "os._exit", "os.abort", "builtins.exit", "builtins.quit"})

var AIML247 = &Rule{
	ID:         "AIML247",
	Title:      "Model warm-up vulnerabilities",
	Section:    "2.3.2",
	Severity:   Medium,
	References: []string{"CWE-636", "CWE-390"},
	Fix:        Unsafe,
	Message:    "Model load/warm-up errors are swallowed at startup; the server comes up healthy without a working model. Re-raise.",
	Doc: "A startup hook (`@app.on_event(\"startup\")`, `@app.before_first_request`, a `lifespan=` function, " +
		"`__init__` of a Ray Serve deployment or BentoML service, `load` of a KServe/MLServer model, `initialize` " +
		"of a TorchServe handler) loads or warms up the model inside a `try` whose `except` is bare or catches " +
		"`Exception`/`BaseException` and neither re-raises nor exits. The service reports healthy and serves with " +
		"no model, a partial model or a fallback: it fails open.",
	FixDoc: "Insert `raise` as the last statement of the except body, so a failed load stops the startup.",
	Example: `@app.on_event("startup")
def warm():
    global model
    try:
        model = joblib.load(MODEL_PATH)
        model.predict(WARMUP_ROWS)
    except Exception as exc:
        logger.warning("warm-up failed: %s", exc)`,
	SafeExample: `@app.on_event("startup")
def warm():
    global model
    try:
        model = joblib.load(MODEL_PATH)
        model.predict(WARMUP_ROWS)
    except Exception as exc:
        logger.warning("warm-up failed: %s", exc)
        raise`,
	Kinds: []Kind{KExcept},
	Check: func(p *Pass, n *Node) {
		try := n.Parent()
		if try == nil || try.Kind != KTry || !catchesAll247(p, n) {
			return
		}
		body := exceptBody247(n)
		if body == nil || leaves247(p, body) || marksNotReady247(body) {
			return
		}
		s := p.EnclosingFunc(n)
		if s == nil || !startupHook247(p, s) || retryLoop247(try, s) {
			return
		}
		if !loadsOrWarms247(p, try.Field("body")) {
			return
		}
		p.Report(n, fix247(p, n, body))
	},
}

// catchesAll247: a bare except, or one catching Exception/BaseException
// (alone or in a tuple).
func catchesAll247(p *Pass, exc *Node) bool {
	var typ *Node
	for _, c := range exc.NamedChildren() {
		if c.Kind == KBlock || c.Kind == KComment {
			continue
		}
		typ = c
		break
	}
	if typ == nil {
		return true // except:
	}
	if typ.Kind == KAsPattern {
		typ = typ.NamedChild(0)
	}
	typ = Unparen(typ)
	if typ == nil {
		return false
	}
	elems := []*Node{typ}
	if typ.Kind == KTuple {
		elems = typ.NamedChildren()
	}
	for _, e := range elems {
		switch p.Qualname(e) {
		case "builtins.Exception", "builtins.BaseException":
			return true
		}
	}
	return false
}

func exceptBody247(exc *Node) *Node {
	for _, c := range exc.NamedChildren() {
		if c.Kind == KBlock {
			return c
		}
	}
	return nil
}

// leaves247: the except body raises, or calls a process exit, anywhere
// outside nested functions.
func leaves247(p *Pass, body *Node) bool {
	found := false
	body.Walk(func(m *Node) bool {
		if found || m.Kind == KFunctionDefinition || m.Kind == KClassDefinition || m.Kind == KLambda {
			return false
		}
		switch m.Kind {
		case KRaise:
			found = true
		case KCall:
			if c, _ := p.AsCall(m); exits247[c.Callee()] || siteExit247(p, c) {
				found = true
			}
		}
		return !found
	})
	return found
}

// marksNotReady247: the except body records the failure where the
// readiness probe reads it (`self.ready = False`, `app.state.healthy =
// False`, `model_ready = False`): the service reports itself not ready, so
// it does not fail open.
func marksNotReady247(body *Node) bool {
	found := false
	body.Walk(func(m *Node) bool {
		if found || m.Kind == KFunctionDefinition || m.Kind == KClassDefinition || m.Kind == KLambda {
			return false
		}
		if m.Kind == KAssignment {
			v := Unparen(m.Field("right"))
			if v != nil && v.Kind == KFalse {
				name := strings.ToLower(lastName247(m.Field("left")))
				if strings.Contains(name, "ready") || strings.Contains(name, "health") {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// lastName247 is the name an assignment target ends in (`ready` in
// `self.ready`), or "".
func lastName247(t *Node) string {
	t = Unparen(t)
	switch {
	case t == nil:
	case t.Kind == KIdentifier:
		return t.Text()
	case t.Kind == KAttribute:
		return t.Field("attribute").Text()
	case t.Kind == KSubscript:
		if k := LiteralValue(t.Field("subscript")); k.Kind == LitStr {
			return k.Str
		}
	}
	return ""
}

// siteExit247: `exit(...)`/`quit(...)`, the site builtins, unshadowed.
func siteExit247(p *Pass, c Call) bool {
	f := Unparen(c.Func)
	if f == nil || f.Kind != KIdentifier || !f.Is("exit") && !f.Is("quit") {
		return false
	}
	for s := p.ScopeOf(f); s != nil; s = s.Parent {
		if len(s.Defs(f.Text())) > 0 {
			return false
		}
	}
	return true
}

// startupHook247 is README's startup hook: the engine's (on_event
// "startup", before_first_request, Ray Serve/BentoML __init__,
// KServe/MLServer load, TorchServe initialize) or a function passed as
// `lifespan=` to a FastAPI/Starlette app constructed in the module.
func startupHook247(p *Pass, s *Scope) bool {
	if fn := s.Func(); fn != nil && fn.StartupHook {
		return true
	}
	if s.Parent != p.Module {
		return false
	}
	name := s.Name()
	for _, a := range p.AppFacts().Apps {
		if a.Kind != AppFastAPI && a.Kind != AppStarlette {
			continue
		}
		v := Unparen(a.Kwarg("lifespan"))
		if v == nil || v.Kind != KIdentifier || !v.Is(name) {
			continue
		}
		if defs := p.Module.Defs(name); len(defs) == 1 && defs[0].Kind == DefFunc && defs[0].Stmt == s.Node {
			return true
		}
	}
	return false
}

// retryLoop247: the try sits in a loop of the hook that retries the load
// (a while loop, or a for loop whose try body breaks out on success); the
// code after the loop decides what a final failure does.
func retryLoop247(try *Node, s *Scope) bool {
	for par := try.Parent(); par != nil && par != s.Node; par = par.Parent() {
		switch par.Kind {
		case KWhile:
			return true
		case KFor:
			if hasBreak247(try.Field("body")) {
				return true
			}
		}
	}
	return false
}

func hasBreak247(n *Node) bool {
	found := false
	if n == nil {
		return false
	}
	n.Walk(func(m *Node) bool {
		if found || m.Kind == KFunctionDefinition || m.Kind == KFor || m.Kind == KWhile {
			return false
		}
		if m.Type() == "break_statement" {
			found = true
		}
		return !found
	})
	return found
}

// loadsOrWarms247: the try body calls a model loader (AIML239's list) or a
// warm-up method (`.predict`, `.predict_proba`, `.generate`, `.run`,
// `.infer` on a value, not a module function such as `subprocess.run`).
func loadsOrWarms247(p *Pass, body *Node) bool {
	if body == nil {
		return false
	}
	found := false
	body.Walk(func(m *Node) bool {
		if found || m.Kind == KFunctionDefinition || m.Kind == KClassDefinition || m.Kind == KLambda {
			return false
		}
		if m.Kind == KCall {
			c, _ := p.AsCall(m)
			if isModelLoad(c) || warmupMethods247[c.Method()] && !moduleReceiverEndpoint2(p, c.Receiver()) {
				found = true
			}
		}
		return !found
	})
	return found
}

// fix247 inserts `raise` as the last statement of the except body; a
// trailing `pass` or bare `return` becomes the `raise`. Guidance for a body
// on the except line, or ending in a `return` with a value.
func fix247(p *Pass, exc, body *Node) *Fix {
	stmts := []*Node{}
	for _, c := range body.NamedChildren() {
		if c.Kind != KComment {
			stmts = append(stmts, c)
		}
	}
	if len(stmts) == 0 {
		return p.Guidance()
	}
	last := stmts[len(stmts)-1]
	desc := "Re-raise at the end of this `" + exceptHeader247(exc) + "` block, so a model that fails to load or warm " +
		"up stops the startup."
	changing := "the service no longer starts when the model fails to load or warm up; a deployment that relied on " +
		"starting without it now fails its startup."
	if last.Line() == exc.Line() {
		if len(stmts) == 1 && last.Kind == KPass {
			return p.Edits(Unsafe, desc, ReplaceNode(last, "raise")).Changing(changing)
		}
		return p.Guidance()
	}
	switch last.Kind {
	case KPass:
		return p.Edits(Unsafe, desc, ReplaceNode(last, "raise")).Changing(changing)
	case KReturn:
		if v := last.NamedChild(0); v != nil && Unparen(v).Kind != KNone {
			return p.Guidance()
		}
		return p.Edits(Unsafe, desc, ReplaceNode(last, "raise")).Changing(changing)
	}
	return p.Edits(Unsafe, desc, InsertLineAfter(last, "raise")).Changing(changing)
}

// exceptHeader247 is the `except ...:` line of the clause, for text.
func exceptHeader247(exc *Node) string {
	for _, c := range exc.NamedChildren() {
		if c.Kind != KBlock && c.Kind != KComment {
			return "except " + codeText(c, 40) + ":"
		}
	}
	return "except:"
}

func init() { register(AIML247) }
