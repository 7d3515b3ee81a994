package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

var AIML215 = &Rule{
	ID:         "AIML215",
	Title:      "GPU memory exhaustion attacks",
	Section:    "2.2.2",
	Severity:   High,
	References: []string{"CWE-400", "CWE-770", "OWASP LLM10", "MITRE ATLAS AML.T0029"},
	Fix:        Unsafe,
	Message:    "Request controls generation length/beam count/allocation size with no upper bound; one call can exhaust GPU memory.",
	Doc: "A request sets the generation length (`max_new_tokens`, `max_length`, `min_new_tokens`, `min_length`, " +
		"`max_tokens`), the beam or sequence count (`num_beams`, `num_return_sequences`, vLLM `n`/`best_of`) of a " +
		"non-streaming generation, or the size of a torch allocation (`torch.empty/zeros/ones/rand/randn/full/" +
		"randint/arange`), with no upper bound: no `min(...)` clamp, no bound check that rejects the request, no " +
		"`le=`/`lt=` on the declared field. One request can exhaust GPU memory and take the worker down for every " +
		"user. Streaming generation is covered by AIML244.",
	FixDoc: "Clamp the value: `min(<value>, 1024)` for token lengths, `min(<value>, 8)` for beams, sequences, `n` and " +
		"`best_of` (replace the literal with a named limit); for allocation sizes, reject sizes above a fixed limit " +
		"before allocating, or declare the field with `le=`.",
	Example: `@app.post("/generate")
def generate(req: GenerateRequest):
    inputs = tokenizer(req.prompt, return_tensors="pt").to("cuda")
    out = model.generate(**inputs, max_new_tokens=req.max_new_tokens)
    return {"text": tokenizer.decode(out[0], skip_special_tokens=True)}`,
	SafeExample: `class GenerateRequest(BaseModel):
    prompt: str
    max_new_tokens: int = Field(256, ge=1, le=1024)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if kws := generationKeywords(p, c, generateKeywords215, samplingKeywords215); kws != nil {
			if streamingGeneration(p, c) {
				return // STREAMING generation: owned by AIML244 (§4 row 20)
			}
			var hits []*Node // the unbounded keyword arguments of this call
			for _, kw := range c.Args.NamedChildren() {
				if kw.Kind != KKeywordArgument {
					continue
				}
				_, ok := kws[kw.Field("name").Text()]
				if v := kw.Field("value"); ok && v != nil && unbounded215(p, n, v) {
					hits = append(hits, kw)
				}
			}
			// Every finding's fix clamps all of them, so one click clears the
			// call (several findings can share a line).
			fix := fix215(p, hits, kws)
			for _, kw := range hits {
				fd := p.Report(kw, fix)
				fd.Message = "Request controls " + kw.Field("name").Text() + "= with no upper bound; one call can exhaust GPU memory."
			}
			return
		}
		if !c.Is(allocators215...) {
			return
		}
		for _, a := range sizeArgs215(c) {
			if unbounded215(p, n, a) {
				fd := p.ReportCall(c, p.Guidance())
				fd.Message = "Request controls the size of this " + codeText(c.Func, 24) +
					" allocation with no upper bound; one call can exhaust GPU memory."
				return
			}
		}
	},
}

// Limits of the fix by keyword: token lengths and beam/sequence counts.
const (
	tokenLimit215 = "1024"
	countLimit215 = "8"
)

var generateKeywords215 = generationLimits(generateKeywordKinds, tokenLimit215, countLimit215)

var samplingKeywords215 = generationLimits(samplingKeywordKinds, tokenLimit215, countLimit215)

var allocators215 = qualify("torch.", "empty", "zeros", "ones", "rand", "randn", "full", "randint", "arange")

// sizeArgs215 are the size arguments of a torch allocation (tuple/list
// arguments element-wise).
func sizeArgs215(c Call) []*Node {
	var args []*Node
	switch c.Callee() {
	case "torch.full":
		args = []*Node{c.Arg(0, "size")}
	case "torch.randint":
		// randint(high, size) / randint(low, high, size): the size is last.
		if s := c.Kwarg("size"); s != nil {
			args = []*Node{s}
		} else if pos := c.Positional(); len(pos) >= 2 {
			args = []*Node{pos[len(pos)-1]}
		}
	case "torch.arange":
		args = append(c.Positional(), c.Kwarg("end"))
	default:
		args = append(c.Positional(), c.Kwarg("size"))
	}
	var out []*Node
	for _, a := range args {
		if u := Unparen(a); u != nil && (u.Kind == KTuple || u.Kind == KList) {
			out = append(out, u.NamedChildren()...)
			continue
		}
		if a != nil {
			out = append(out, a)
		}
	}
	return out
}

// taint215 lets max() pass taint: max(v, 1) still has no upper bound, while
// max(lo, min(v, N)) is clean through min().
var taint215 = &TaintSpec{Propagators: map[string]bool{"builtins.max": true}}

// unbounded215: WEB-TAINT reaches v and v is not BOUNDED. Sizes of data
// the request actually sent (`len(texts)`, `ids.shape[1]`) are bounded by
// the request itself, like len() (§3.6).
func unbounded215(p *Pass, sink, v *Node) bool {
	return sizeTaint(p, sink, v, taint215)&WebTaint != 0
}

// fix215 clamps each keyword's value with min(value, limit).
func fix215(p *Pass, hits []*Node, limits map[string]string) *Fix {
	var edits []Edit
	var parts, changes []string
	for _, kw := range hits {
		name, v := kw.Field("name").Text(), kw.Field("value")
		limit := limits[name]
		e, ok := minBoundFixGPU(p, v, limit)
		if !ok {
			return p.Guidance()
		}
		edits = append(edits, e)
		parts = append(parts, "`"+name+"=` to "+limit)
		changes = append(changes, "more than "+limit+" "+generationUnits[name])
	}
	if len(edits) == 0 {
		return p.Guidance()
	}
	desc := "Clamp " + strings.Join(parts, " and ") + " with `min(..., <limit>)`; replace the literal with your named limit."
	if len(hits) == 1 {
		v := hits[0].Field("value")
		name := hits[0].Field("name").Text()
		desc = "Clamp `" + name + "=` with `min(" + codeText(Unparen(v), 30) + ", " + limits[name] + ")`; replace " +
			limits[name] + " with your named limit."
	}
	return p.Edits(Unsafe, desc, edits...).
		Changing("requests that ask for " + strings.Join(changes, " or ") + " are capped at the limit; a None value " +
			"would now raise TypeError.")
}

func init() { register(AIML215) }
