package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

var AIML244 = &Rule{
	ID:         "AIML244",
	Title:      "Streaming inference attacks",
	Section:    "2.3.2",
	Severity:   Medium,
	References: []string{"CWE-770", "CWE-400", "OWASP LLM10"},
	Fix:        Unsafe,
	Message:    "Unbounded generation/stream size from the client lets one caller monopolise GPUs or memory; clamp it.",
	Doc: "A streamed generation (a `streamer=`, `stream=True`, a handler that yields or returns a " +
		"`StreamingResponse`/`EventSourceResponse`, a websocket route) takes its length or beam/sequence count " +
		"(`max_new_tokens`, `max_length`, `max_tokens`, `num_beams`, `num_return_sequences`, vLLM `n`/`best_of`) " +
		"from the request with no upper bound, or a `websockets` server disables its frame-size limit " +
		"(`max_size=None`). One client can hold a GPU for an arbitrarily long stream or send frames that exhaust " +
		"memory. Non-streaming generation is covered by AIML215.",
	FixDoc: "Clamp the value: `min(int(<value>), 512)` for token lengths and `min(int(<value>), 8)` for beam and " +
		"sequence counts (replace the literal with a named limit), or declare the field with `le=`; for " +
		"`websockets.serve`, replace `max_size=None` with `2**20` (the library's 1 MiB default) or your own limit.",
	Example: `@app.post("/chat/stream")
def chat(req: ChatRequest):
    out = lm.generate(**tok(req.prompt, return_tensors="pt"), max_new_tokens=req.max_new_tokens)
    return StreamingResponse(iter(tok.batch_decode(out, skip_special_tokens=True)), media_type="text/plain")`,
	SafeExample: `    out = lm.generate(**tok(req.prompt, return_tensors="pt"), max_new_tokens=min(req.max_new_tokens, 512))`,
	Kinds:       []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Is(wsServe244...) {
			kw := c.Keyword("max_size")
			if kw != nil && Unparen(kw.Field("value")).Kind == KNone {
				fd := p.Report(kw, p.Edits(Unsafe, "Limit WebSocket frames of this `"+codeText(c.Func, 30)+
					"` to 1 MiB (`max_size=2**20`, the library default) instead of no limit.",
					ReplaceNode(Unparen(kw.Field("value")), "2**20")).
					Changing("clients that send messages larger than 1 MiB are disconnected (close code 1009); "+
						"raise the limit if your protocol needs bigger frames."))
				fd.Message = "WebSocket server accepts messages of any size (max_size=None); one client can exhaust memory. Set a limit."
			}
			return
		}
		kws := generationKeywords(p, c, generateKeywords244, samplingKeywords244)
		if kws == nil || !streamingGeneration(p, c) {
			return // non-streaming generation: owned by AIML215 (README §4 row 20)
		}
		var hits []*Node
		for _, kw := range c.Args.NamedChildren() {
			if kw.Kind != KKeywordArgument {
				continue
			}
			_, ok := kws[kw.Field("name").Text()]
			if v := kw.Field("value"); ok && v != nil && sizeTaint(p, n, v, taint244)&WebTaint != 0 {
				hits = append(hits, kw)
			}
		}
		fix := fix244(p, hits, kws)
		for _, kw := range hits {
			fd := p.Report(kw, fix)
			fd.Message = "Client sets " + kw.Field("name").Text() + "= of a streamed generation with no bound; one " +
				"caller can monopolise GPUs. Clamp it."
		}
	},
}

var wsServe244 = []string{"websockets.serve", "websockets.server.serve", "websockets.asyncio.server.serve",
	"websockets.sync.server.serve", "websockets.legacy.server.serve"}

// Limits of the fix: token lengths (the spec's 512) and beam/sequence counts.
const (
	tokenLimit244 = "512"
	countLimit244 = "8"
)

var generateKeywords244 = generationLimits(generateKeywordKinds, tokenLimit244, countLimit244)

var samplingKeywords244 = generationLimits(samplingKeywordKinds, tokenLimit244, countLimit244)

// taint244 lets max() pass taint: max(v, 1) still has no upper bound.
var taint244 = &TaintSpec{Propagators: map[string]bool{"builtins.max": true}}

// fix244 clamps each keyword's value with min(int(value), limit); guidance
// when min or int is shadowed.
func fix244(p *Pass, hits []*Node, limits map[string]string) *Fix {
	if len(hits) == 0 {
		return p.Guidance()
	}
	var edits []Edit
	var parts, changes []string
	for _, kw := range hits {
		v := Unparen(kw.Field("value"))
		s := p.ScopeOf(v)
		if s == nil || shadowed(s, "min") || shadowed(s, "int") {
			return p.Guidance()
		}
		name := kw.Field("name").Text()
		limit := limits[name]
		inner := v.Text()
		if c, ok := p.AsCall(v); ok && c.Is("builtins.int") {
			inner = argText244(c)
		}
		edits = append(edits, ReplaceNode(v, "min(int("+inner+"), "+limit+")"))
		parts = append(parts, "`"+name+"=` to "+limit)
		changes = append(changes, "more than "+limit+" "+generationUnits[name])
	}
	desc := "Clamp " + strings.Join(parts, " and ") + " with `min(int(...), <limit>)`; replace the literal with your named limit."
	if len(hits) == 1 {
		name := hits[0].Field("name").Text()
		desc = "Clamp `" + name + "=` with `min(int(" + codeText(Unparen(hits[0].Field("value")), 30) + "), " +
			limits[name] + ")`; replace " + limits[name] + " with your named limit."
	}
	return p.Edits(Unsafe, desc, edits...).
		Changing("streams that ask for " + strings.Join(changes, " or ") + " are capped at the limit; a missing " +
			"(None) or non-numeric value now raises instead of reaching the model.")
}

// argText244 is the text of int(x)'s single argument, or the whole call.
func argText244(c Call) string {
	if len(c.Positional()) == 1 && len(c.Args.NamedChildren()) == 1 {
		return c.Pos(0).Text()
	}
	return c.Node.Text()
}

func init() { register(AIML244) }
