package rules

import . "github.com/pyguard/pyguard/analyzer"

// responses258 serialise their arguments into the response body.
var responses258 = []string{"flask.jsonify", "fastapi.responses.JSONResponse", "starlette.responses.JSONResponse",
	"fastapi.responses.ORJSONResponse"}

// reductionMethods258 / reductionCalls258 keep only labels or top-k of the
// logits they receive (spec list, plus torch.max / numpy.max, which reduce
// the same way, and torch losses).
var reductionMethods258 = map[string]bool{"argmax": true, "topk": true, "max": true}
var reductionCalls258 = setOf([]string{"torch.argmax", "torch.topk", "numpy.argmax", "torch.max", "numpy.max", "numpy.amax"},
	qualify("torch.nn.functional.", "cross_entropy", "nll_loss", "binary_cross_entropy", "binary_cross_entropy_with_logits",
		"mse_loss", "kl_div")) // a loss is one number, not the logit vector

// metadata258: reading these of the logits returns no logit values.
var metadata258 = map[string]bool{"shape": true, "dtype": true, "device": true, "ndim": true}
var metadataMethods258 = map[string]bool{"size": true, "dim": true, "numel": true}

var AIML258 = &Rule{
	ID:         "AIML258",
	Title:      "Knowledge distillation risks",
	Section:    "2.3.3",
	Severity:   Medium,
	References: []string{"CWE-200", "OWASP ML05", "MITRE ATLAS AML.T0024"},
	Fix:        Guidance,
	EditFix:    Unsafe,
	EditFixDoc: "When the returned `X.logits` (optionally indexed by one integer, e.g. `out.logits[0]`) is followed only " +
		"by `.tolist()`, `.cpu()`, `.detach()` or `.numpy()` and is itself a returned value (the return expression, a " +
		"dict value in it, or an argument of `jsonify`/`JSONResponse`), in a module that imports torch and not " +
		"TensorFlow/JAX, the edit inserts `.argmax(-1)` after the logits (`out.logits[0].argmax(-1).tolist()`): the " +
		"client gets the predicted class index instead of the logit vector. Other forms keep the guidance.",
	Message: "Endpoint returns raw logits; full soft labels make distillation/model stealing cheap. Return top-k labels instead.",
	Doc: "An inference endpoint returns raw logits (`out.logits`, or a softmax of them): the full soft-label vector " +
		"for every query. That is exactly the signal needed to distill a copy of the model cheaply, and with enough " +
		"queries to recover its final projection layer (Carlini et al. 2024).",
	FixDoc: "Return the label and a rounded top-1/top-k probability; keep logits server-side.",
	Example: `@app.post("/classify")
def classify(req: Text):
    out = model(**tok(req.text, return_tensors="pt"))
    return {"logits": out.logits[0].tolist()}`,
	SafeExample: `    return {"label": int(out.logits[0].argmax())}`,
	Kinds:       []Kind{KFunctionDefinition},
	Check: func(p *Pass, n *Node) {
		s := p.ScopeFor(n)
		fn := s.Func()
		if !fn.IsRoute() || handsToPostprocess258(p, fn) {
			return
		}
		seen := map[*Node]bool{}
		for _, e := range returnedExprs258(p, s) {
			logits, names := exposed258(p, e)
			for _, a := range logits {
				if !seen[a] {
					seen[a] = true
					p.Report(a.Field("attribute"), fix258(p, a))
				}
			}
			// One level through a local: `probs = softmax(out.logits); return {"p": probs.tolist()}`.
			for _, id := range names {
				if !s.Binds(id.Text()) {
					continue
				}
				d := s.DefAt(id.Text(), id.Start)
				if d == nil || d.Kind != DefAssign || d.Value == nil {
					continue
				}
				inner, _ := exposed258(p, d.Value)
				for _, a := range inner {
					if !seen[a] {
						seen[a] = true
						p.Report(a.Field("attribute"), p.Guidance())
					}
				}
			}
		}
	},
}

// handsToPostprocess258: preprocess/predict of a KServe/MLServer model (and
// preprocess/inference of a TorchServe handler) whose class defines
// postprocess return to postprocess, not to the client.
func handsToPostprocess258(p *Pass, fn *Func) bool {
	name := fn.Name()
	switch fn.Route {
	case RouteKServe:
		if name != "preprocess" && name != "predict" {
			return false
		}
	case RouteTorchServe:
		if name != "preprocess" && name != "inference" {
			return false
		}
	default:
		return false
	}
	class := fn.Scope.Class()
	if class == nil || class.Field("body") == nil {
		return false
	}
	for _, st := range class.Field("body").NamedChildren() {
		if st.Kind == KDecoratedDefinition {
			st = st.Field("definition")
		}
		if st != nil && st.Kind == KFunctionDefinition && st.Field("name").Is("postprocess") {
			return true
		}
	}
	return false
}

// returnedExprs258: the return expressions of SCOPE s and the arguments of
// response constructors called in it.
func returnedExprs258(p *Pass, s *Scope) []*Node {
	var out []*Node
	s.Walk(func(m *Node) {
		switch m.Kind {
		case KReturn:
			if v := m.NamedChild(0); v != nil {
				out = append(out, v)
			}
		case KCall:
			c, _ := p.AsCall(m)
			if c.Is(responses258...) && c.Args != nil {
				out = append(out, c.Args)
			}
		}
	})
	return out
}

// passThrough258 are calls whose result still carries the values of their
// arguments (softmax of the logits is the soft-label vector); the arguments
// of any other function call are opaque (`Output.from_result(o.logits)`
// may return only a label), while a method call's receiver stays visible
// (`o.logits.softmax(-1).tolist()`).
var passThrough258 = setOf(responses258, []string{
	"torch.softmax", "torch.log_softmax", "torch.sigmoid", "torch.exp", "torch.round",
	"torch.nn.functional.softmax", "torch.nn.functional.log_softmax", "torch.nn.functional.sigmoid",
	"torch.special.softmax", "torch.special.expit", "scipy.special.softmax", "scipy.special.expit",
	"numpy.exp", "numpy.array", "numpy.asarray", "numpy.round", "numpy.around",
	"builtins.list", "builtins.tuple", "builtins.dict", "builtins.float", "builtins.round", "builtins.str",
	"builtins.sorted", "builtins.zip", "builtins.enumerate", "builtins.map",
})

// exposed258 walks the parts of e whose values reach the result: not the
// arguments of reductions or opaque calls, not metadata reads, not nested
// functions. It returns the `.logits` reads and the names read there.
func exposed258(p *Pass, e *Node) (logits, names []*Node) {
	var walk func(m *Node)
	walk = func(m *Node) {
		switch m.Kind {
		case KLambda, KFunctionDefinition, KComment:
			return
		case KCall:
			if reduces258(p, m) {
				return
			}
			c, _ := p.AsCall(m)
			walk(c.Func)
			if q := c.Callee(); (q != "" && passThrough258[q]) && c.Args != nil {
				walk(c.Args)
			}
			return
		case KAttribute:
			if metadataOnly258(m) {
				return
			}
			if m.Field("attribute").Is("logits") {
				logits = append(logits, m)
			}
			walk(m.Field("object"))
			return
		case KIdentifier:
			if IsNameRead(m) {
				names = append(names, m)
			}
			return
		case KKeywordArgument:
			if v := m.Field("value"); v != nil {
				walk(v)
			}
			return
		}
		for ch := m.FirstChild(); ch != nil; ch = ch.NextSibling() {
			walk(ch)
		}
	}
	walk(e)
	return logits, names
}

// reduces258: a reduction call (`.argmax(`, `.topk(`, `.max(`,
// `torch.argmax(`, …), `len(...)`, or a conversion to one number
// (`float(probs[0, 1])`, `.item()`): a single score, not the vector.
func reduces258(p *Pass, call *Node) bool {
	c, _ := p.AsCall(call)
	switch q := c.Callee(); {
	case q == "":
	case reductionCalls258[q], q == "builtins.len", q == "builtins.float", q == "builtins.int":
		return true
	}
	m := c.Method()
	return reductionMethods258[m] || metadataMethods258[m] || m == "item"
}

// metadataOnly258: `x.shape`, `x.dtype`, … or the receiver of `.size()`.
func metadataOnly258(a *Node) bool {
	par := a.Parent()
	if par == nil || par.Kind != KAttribute || par.Field("object") != a {
		return false
	}
	attr := par.Field("attribute").Text()
	if metadata258[attr] {
		return true
	}
	if gp := par.Parent(); gp != nil && gp.Kind == KCall && metadataMethods258[attr] {
		return true
	}
	return false
}

// conversions258 may follow the logits in the edit's form.
var conversions258 = map[string]bool{"tolist": true, "cpu": true, "detach": true, "numpy": true}

// fix258: `X.logits[<int>]?(.tolist()|.cpu()|…)*` returned directly ->
// insert `.argmax(-1)` after the logits (and the index).
func fix258(p *Pass, a *Node) *Fix {
	if !p.Imports("torch") || p.ImportsAny("tensorflow", "keras", "jax", "flax") {
		return p.Guidance()
	}
	at := a // where .argmax(-1) goes after
	cur := a
	if par := cur.Parent(); par != nil && par.Kind == KSubscript && par.Field("value") == cur {
		idx := par.FieldAll("subscript")
		if len(idx) != 1 || LiteralValue(idx[0]).Kind != LitInt {
			return p.Guidance()
		}
		at, cur = par, par
	}
	for {
		par := cur.Parent()
		if par == nil || par.Kind != KAttribute || par.Field("object") != cur || !conversions258[par.Field("attribute").Text()] {
			break
		}
		call := par.Parent()
		if call == nil || call.Kind != KCall {
			return p.Guidance()
		}
		if c, _ := p.AsCall(call); c.Args == nil || len(c.Args.NamedChildren()) != 0 {
			return p.Guidance()
		}
		cur = call
	}
	if !directlyReturned258(p, cur) {
		return p.Guidance()
	}
	return p.Edits(Unsafe, "Return `"+codeText(at, 40)+".argmax(-1)` — the predicted class index — instead of the "+
		"logit vector.", Edit{Start: at.End, End: at.End, NewText: ".argmax(-1)"}).
		Changing("clients receive the predicted class index under the same key instead of the raw logits; callers " +
			"that read scores or probabilities from it break.")
}

// directlyReturned258: e is the return expression, a dict value of the
// returned dict literal, or an argument of a response constructor.
func directlyReturned258(p *Pass, e *Node) bool {
	par := e.Parent()
	for par != nil && par.Kind == KParenthesized {
		e, par = par, par.Parent()
	}
	switch {
	case par == nil:
		return false
	case par.Kind == KReturn:
		return true
	case par.Kind == KPair && par.Field("value") == e:
		d := par.Parent()
		if d == nil || d.Kind != KDict {
			return false
		}
		return directlyReturned258(p, d)
	case par.Kind == KKeywordArgument && par.Field("value") == e:
		return responseArgs258(p, par.Parent())
	case par.Kind == KArgumentList:
		return responseArgs258(p, par)
	}
	return false
}

func responseArgs258(p *Pass, args *Node) bool {
	if args == nil || args.Kind != KArgumentList {
		return false
	}
	c, ok := p.AsCall(args.Parent())
	return ok && c.Is(responses258...)
}

func init() { register(AIML258) }
