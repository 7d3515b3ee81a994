package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML213 = &Rule{
	ID:         "AIML213",
	Title:      "CUDA graph poisoning",
	Section:    "2.2.2",
	Severity:   Medium,
	References: []string{"CWE-488", "CWE-362"},
	Fix:        Safe,
	Message:    "Returns the CUDA graph's static output buffer; the next replay overwrites it, leaking results across requests. Return .clone().",
	Doc: "A captured CUDA graph writes into the same static output tensor on every `replay()`. A function that " +
		"replays the graph and returns that tensor itself (or a view of it) hands the caller memory that the next " +
		"replay — possibly for another user's request — overwrites, so results mix across requests.",
	FixDoc: "Return a copy: append `.clone()` to the returned expression.",
	Example: `class GraphedEncoder:
    def __init__(self, model, example):
        self.static_in = example.clone()
        self.graph = torch.cuda.CUDAGraph()
        with torch.cuda.graph(self.graph):
            self.static_out = model(self.static_in)

    def __call__(self, x):
        self.static_in.copy_(x)
        self.graph.replay()
        return self.static_out`,
	SafeExample: `    def __call__(self, x):
        self.static_in.copy_(x)
        self.graph.replay()
        return self.static_out.clone()`,
	Kinds: []Kind{KReturn, KYield},
	Check: func(p *Pass, n *Node) {
		val := n.NamedChild(0)
		if val == nil {
			return
		}
		fn := p.EnclosingFunc(n)
		if fn == nil || p.ScopeOf(n) != fn {
			return
		}
		elems := []*Node{val}
		if u := Unparen(val); u.Kind == KExpressionList || u.Kind == KTuple {
			elems = u.NamedChildren()
		}
		for _, e := range elems {
			e = Unparen(e)
			base := viewBase213(p, e)
			if base == nil || !capturedOutput213(p, fn, base, n) || !replaysBefore213(p, fn, n) {
				continue
			}
			p.Report(e, p.Edits(Safe, "Return a copy, `"+codeText(e, 40)+".clone()`, instead of the graph's static "+
				"buffer itself.", Edit{Start: e.End, End: e.End, NewText: ".clone()"}))
		}
	},
}

// viewMethods213 produce views that share the static buffer's memory.
var viewMethods213 = map[string]bool{"view": true, "reshape": true, "detach": true, "squeeze": true,
	"unsqueeze": true, "transpose": true, "permute": true}

// viewBase213 strips subscripts and view-producing method calls from e and
// returns the underlying name or `self.<attr>`, or nil.
func viewBase213(p *Pass, e *Node) *Node {
	e = Unparen(e)
	for e != nil {
		switch e.Kind {
		case KIdentifier:
			return e
		case KAttribute:
			if obj := Unparen(e.Field("object")); obj != nil && obj.Kind == KIdentifier && obj.Is("self") {
				return e
			}
			return nil
		case KSubscript:
			e = Unparen(e.Field("value"))
		case KCall:
			c, _ := p.AsCall(e)
			if !viewMethods213[c.Method()] || c.Callee() != "" {
				return nil
			}
			e = Unparen(c.Receiver())
		default:
			return nil
		}
	}
	return nil
}

// graphBlocks213 are the bodies of `with torch.cuda.graph(...)` statements
// under root (not descending into nested classes).
func graphBlocks213(p *Pass, root *Node) []*Node {
	var out []*Node
	root.Walk(func(m *Node) bool {
		if m != root && m.Kind == KClassDefinition {
			return false
		}
		if m.Kind != KWith {
			return true
		}
		for _, item := range withItems213(m) {
			v := item.Field("value")
			if v != nil && v.Kind == KAsPattern {
				v = v.NamedChild(0)
			}
			if c, ok := p.AsCall(v); ok && c.Is("torch.cuda.graph", "torch.cuda.graphs.graph") {
				if b := m.Field("body"); b != nil {
					out = append(out, b)
				}
			}
		}
		return true
	})
	return out
}

func withItems213(w *Node) []*Node {
	var out []*Node
	for c := w.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind == KWithClause {
			for _, it := range c.NamedChildren() {
				if it.Kind == KWithItem {
					out = append(out, it)
				}
			}
		}
	}
	return out
}

// assignedIn213 reports whether block assigns a target textually equal to
// base (a name or self.<attr>), returning the assignment's target node.
func assignedIn213(block, base *Node) *Node {
	var found *Node
	block.Walk(func(m *Node) bool {
		if found != nil || m.Kind == KFunctionDefinition || m.Kind == KClassDefinition || m.Kind == KLambda {
			return false
		}
		if m.Kind == KAssignment || m.Kind == KAugmentedAssignment {
			ForTargets(m.Field("left"), func(t *Node) {
				if found == nil && SameExpression(t, base) {
					found = t
				}
			})
		}
		return true
	})
	return found
}

// capturedOutput213: base was assigned inside a graph capture — in the same
// function for a name (and that binding is the one visible at the return),
// in any method of the class for self.<attr>.
func capturedOutput213(p *Pass, fn *Scope, base, ret *Node) bool {
	if base.Kind == KIdentifier {
		d := fn.DefAt(base.Text(), ret.Start)
		if d == nil {
			return false
		}
		for _, b := range graphBlocks213(p, fn.Node) {
			if t := assignedIn213(b, base); t != nil && b.Contains(d.Target) && p.EnclosingFunc(b) == fn {
				return true
			}
		}
		return false
	}
	class := fn.Class()
	if class == nil {
		return false
	}
	for _, b := range graphBlocks213(p, class) {
		if assignedIn213(b, base) != nil {
			return true
		}
	}
	return false
}

// replaysBefore213: fn calls `.replay()` on a torch.cuda.CUDAGraph value
// before the return.
func replaysBefore213(p *Pass, fn *Scope, ret *Node) bool {
	found := false
	fn.Walk(func(m *Node) {
		if found || m.Kind != KCall || m.Start >= ret.Start {
			return
		}
		c, _ := p.AsCall(m)
		if c.Method() != "replay" {
			return
		}
		switch p.TypeOf(c.Receiver()) {
		case "torch.cuda.CUDAGraph", "torch.cuda.graphs.CUDAGraph":
			found = true
		}
	})
	return found
}

func init() { register(AIML213) }
