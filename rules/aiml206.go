package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

var AIML206 = &Rule{
	ID:         "AIML206",
	Title:      "GPU memory leakage",
	Section:    "2.2.2",
	Severity:   Medium,
	References: []string{"CWE-908", "CWE-226", "CWE-488", "CVE-2023-4969"},
	Fix:        Safe,
	Message:    "Uninitialised empty() buffer is returned to the client; it can hold memory left by earlier requests. Allocate with zeros().",
	Doc: "A request handler returns (or serialises into its response) a buffer from `torch.empty`, `torch.empty_like`, " +
		"`<tensor>.new_empty`, `numpy.empty`/`empty_like` or `cupy.empty`/`empty_like` that it never writes. " +
		"`empty` does not clear memory, and caching allocators hand out blocks freed by earlier work, so the response " +
		"can carry activations or embeddings computed for other users' requests (the host-side analogue of " +
		"LeftoverLocals, CVE-2023-4969).",
	FixDoc: "Allocate with the zero-filling twin and the same arguments: `empty` -> `zeros`, `empty_like` -> `zeros_like`, " +
		"`new_empty` -> `new_zeros`.",
	Example: `@app.post("/embed")
def embed():
    texts = request.get_json()["texts"]
    if not texts:
        placeholder = torch.empty(1, EMBED_DIM, device="cuda")
        return jsonify(placeholder.cpu().tolist())
    return jsonify(encoder(texts).cpu().tolist())`,
	SafeExample: `@app.post("/embed")
def embed():
    texts = request.get_json()["texts"]
    if not texts:
        placeholder = torch.zeros(1, EMBED_DIM, device="cuda")
        return jsonify(placeholder.cpu().tolist())
    return jsonify(encoder(texts).cpu().tolist())`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		zeroName, ok := emptyAlloc206(p, c)
		if !ok {
			return
		}
		fn := p.FuncOf(n)
		if fn == nil || !fn.IsRoute() || p.EnclosingFunc(n) != p.ScopeOf(n) {
			return
		}
		if zeroSized206(c) || objectArray206(c) {
			return
		}
		if !returnedUnwritten206(p, fn.Scope, n) {
			return
		}
		p.ReportCall(c, fix206(p, c, zeroName))
	},
}

// emptyAllocs206 are the allocators whose memory is not initialised, with
// the zero-filling twin's name.
var emptyAllocs206 = map[string]string{
	"torch.empty": "zeros", "torch.empty_like": "zeros_like",
	"numpy.empty": "zeros", "numpy.empty_like": "zeros_like",
	"cupy.empty": "zeros", "cupy.empty_like": "zeros_like",
}

// emptyAlloc206 reports whether c allocates uninitialised memory, and the
// name of the zero-filling replacement.
func emptyAlloc206(p *Pass, c Call) (string, bool) {
	if z, ok := emptyAllocs206[c.Callee()]; ok {
		return z, true
	}
	if c.Method() == "new_empty" && c.Callee() == "" && c.Receiver() != nil {
		return "new_zeros", true
	}
	return "", false
}

// zeroSized206: a literal 0 among the dimensions allocates no elements, so
// nothing can leak (`torch.empty(0, dim)`, `np.empty((0, 3))`).
func zeroSized206(c Call) bool {
	var dims []*Node
	switch c.Callee() {
	case "numpy.empty", "cupy.empty":
		dims = []*Node{c.Arg(0, "shape")}
	case "torch.empty", "":
		dims = append(c.Positional(), c.Kwarg("size"))
	default:
		return false // *_like: the size is the prototype's
	}
	for _, d := range dims {
		l := LiteralValue(d)
		switch l.Kind {
		case LitInt:
			if l.Num == 0 {
				return true
			}
		case LitTuple, LitList:
			for _, e := range l.Elems {
				if e.Kind == LitInt && e.Num == 0 {
					return true
				}
			}
		}
	}
	return false
}

// objectArray206: numpy fills object arrays with None.
func objectArray206(c Call) bool {
	if !strings.HasPrefix(c.Callee(), "numpy.") {
		return false
	}
	dt := c.Kwarg("dtype")
	if dt == nil && c.Callee() == "numpy.empty" {
		dt = c.Pos(1)
	}
	if dt == nil && c.Callee() == "numpy.empty_like" {
		dt = c.Pos(1)
	}
	dt = Unparen(dt)
	if dt == nil {
		return false
	}
	return IsStrLiteral(dt, "object", "O") || dt.Kind == KIdentifier && dt.Is("object")
}

// readOnlyMethods206 are methods that read a buffer without writing it.
var readOnlyMethods206 = map[string]bool{"tolist": true, "tobytes": true, "numpy": true, "cpu": true, "detach": true,
	"clone": true, "to": true, "view": true, "reshape": true, "flatten": true, "float": true, "half": true,
	"astype": true, "copy": true, "item": true}

// metadataAttrs206 are attribute reads that do not touch the contents.
var metadataAttrs206 = map[string]bool{"shape": true, "dtype": true, "device": true, "ndim": true, "nbytes": true,
	"itemsize": true, "is_cuda": true, "requires_grad": true, "layout": true}

// flow206 is what happens to the buffer at one use.
type flow206 uint8

const (
	flowNone206    flow206 = iota // read without reaching the response
	flowReturn206                 // reaches a return value or a response call
	flowWritten206                // may be written (or escapes where we cannot follow)
)

// returnedUnwritten206: the allocation (directly, or through the one local
// variable it is assigned to) reaches the response and is never written.
func returnedUnwritten206(p *Pass, fn *Scope, alloc *Node) bool {
	at := alloc
	for at.Parent() != nil && at.Parent().Kind == KParenthesized {
		at = at.Parent()
	}
	asg := at.Parent()
	if asg == nil || asg.Kind != KAssignment || asg.Field("right") != at {
		return climb206(p, alloc) == flowReturn206 // used in place
	}
	// v = <alloc>
	if st := asg.Parent(); st == nil || st.Kind != KExpressionStatement {
		return false // chained assignment: several names
	}
	target := Unparen(asg.Field("left"))
	if target == nil || target.Kind != KIdentifier {
		return false
	}
	var def *Def
	for _, d := range fn.Defs(target.Text()) {
		if d.Target == target {
			def = d
		}
	}
	if def == nil {
		return false
	}
	// A read in a nested function or lambda may write it: stay silent.
	nested := false
	fn.Node.Walk(func(m *Node) bool {
		if m.Kind == KIdentifier && m.Is(def.Name) && p.ScopeOf(m) != fn && IsNameRead(m) {
			nested = true
		}
		return !nested
	})
	if nested {
		return false
	}
	returned := false
	for _, u := range fn.Uses(def) {
		switch climb206(p, u) {
		case flowWritten206:
			return false
		case flowReturn206:
			returned = true
		}
	}
	return returned
}

// climb206 follows the value of expression n upwards: through read-only
// method chains, subscripts and container literals to a return statement
// or a response call (flowReturn206); to anything that may write it or
// alias it (flowWritten206); or to a plain read (flowNone206).
func climb206(p *Pass, n *Node) flow206 {
	cur := n
	for {
		par := cur.Parent()
		if par == nil {
			return flowNone206
		}
		switch par.Kind {
		case KParenthesized, KList, KTuple, KSet, KExpressionList:
			cur = par
		case KPair:
			if par.Field("value") != cur {
				return flowNone206
			}
			cur = par.Parent() // the dict
		case KAttribute:
			if par.Field("object") != cur {
				return flowNone206
			}
			attr := par.Field("attribute").Text()
			call := par.Parent()
			if call != nil && call.Kind == KCall && call.Field("function") == par {
				if !readOnlyMethods206[attr] {
					return flowWritten206 // copy_, fill_, normal_, ...
				}
				cur = call
				continue
			}
			if metadataAttrs206[attr] {
				return flowNone206
			}
			return flowWritten206 // .data, .T, ...: cannot follow
		case KSubscript:
			if par.Field("value") != cur {
				return flowNone206 // used as an index
			}
			if isAssignTarget206(par) {
				return flowWritten206
			}
			cur = par
		case KKeywordArgument:
			if name := par.Field("name"); name != nil && name.Is("out") {
				return flowWritten206
			}
			call := par.Parent().Parent()
			if c, ok := p.AsCall(call); ok && isResponseCallGPU(c) {
				return flowReturn206
			}
			return flowWritten206
		case KArgumentList:
			c, ok := p.AsCall(par.Parent())
			if ok && isResponseCallGPU(c) {
				return flowReturn206
			}
			return flowWritten206 // passed to a kernel or function
		case KConditionalExpression:
			if parts := par.NamedChildren(); len(parts) == 3 && parts[1] == cur {
				return flowNone206 // the test
			}
			cur = par
		case KReturn:
			return flowReturn206
		case KAugmentedAssignment:
			return flowWritten206
		case KAssignment:
			if par.Field("right") == cur {
				return flowWritten206 // aliased: cannot follow
			}
			return flowWritten206
		case KFor, KWithItem, KListSplat, KDictSplat, KNamedExpression, KYield, KLambda:
			return flowWritten206
		case KForInClause:
			return flowWritten206
		default:
			return flowNone206 // arithmetic, comparisons, tests: a read
		}
	}
}

// isAssignTarget206: subscript s is (part of) the left side of an
// assignment or augmented assignment, or deleted.
func isAssignTarget206(s *Node) bool {
	for cur := s; cur != nil; cur = cur.Parent() {
		par := cur.Parent()
		if par == nil {
			return false
		}
		switch par.Kind {
		case KAssignment, KAugmentedAssignment:
			return par.Field("left") == cur
		case KPatternList, KTuplePattern, KListPattern, KTuple, KList, KParenthesized:
			continue
		case KDelete:
			return true
		default:
			return false
		}
	}
	return false
}

// fix206 renames the allocator to its zero-filling twin.
func fix206(p *Pass, c Call, zero string) *Fix {
	old := codeText(c.Func, 40)
	if c.Callee() == "torch.empty" && c.Keyword("memory_format") != nil {
		return GuidanceFix("`torch.zeros` takes no `memory_format`: allocate with `torch.zeros(...)` and convert with " +
			"`.contiguous(memory_format=...)`, or write the whole buffer before it is returned.")
	}
	if c.HasKwargsSplat() {
		return p.Guidance() // **kwargs may pass memory_format
	}
	fn := Unparen(c.Func)
	desc := func(newCallee string) string {
		return "Allocate with `" + newCallee + "` instead of `" + old + "`, so the buffer starts as zeros rather than " +
			"leftover memory."
	}
	if fn.Kind == KAttribute {
		attr := fn.Field("attribute")
		newCallee := codeText(fn.Field("object"), 30) + "." + zero
		return p.Edits(Safe, desc(newCallee), ReplaceNode(attr, zero))
	}
	// A from-imported name: write the module's zeros as the file binds it.
	q := c.Callee()
	mod := q[:strings.LastIndexByte(q, '.')]
	b := p.NewFix(Safe, "", c.Node)
	spell := b.Name(mod, zero)
	b.Add(ReplaceNode(fn, spell))
	fx := b.Build(p.Guidance())
	if fx.Applicability == Safe {
		fx.Description = desc(spell)
	}
	return fx
}

func init() { register(AIML206) }
