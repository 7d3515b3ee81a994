package rules

import (
	"sort"
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// attentionKeywords275 are the Hugging Face forward/generate keywords that
// carry attention internals.
var attentionKeywords275 = []string{"head_mask", "decoder_head_mask", "cross_attn_head_mask", "past_key_values"}

var AIML275 = &Rule{
	ID:         "AIML275",
	Title:      "Attention weight manipulation",
	Section:    "2.4.2",
	Severity:   High,
	References: []string{"CWE-807", "CWE-20", "OWASP LLM01", "MITRE ATLAS AML.T0015"},
	Fix:        Unsafe,
	Message:    "Client controls attention internals (head_mask/past_key_values); heads can be disabled or state injected. Never pass them from requests.",
	Doc: "Hugging Face models accept `head_mask` (and `decoder_head_mask`, `cross_attn_head_mask`), which multiply " +
		"each head's attention probabilities, and `past_key_values`, pre-computed attention keys and values. Passing " +
		"them from the request lets a client switch off attention heads or inject arbitrary attention state: ablate " +
		"the heads a moderation classifier relies on, or plant hidden context in a generation. Tainted `input_ids` " +
		"and `attention_mask` (the client's own input) are not reported.",
	FixDoc: "Remove the keyword argument, so the model runs with all heads and no client-supplied cache; build masks " +
		"or caches server-side if the application needs them (`past_key_values=self.cache[session_id]`).",
	Example: `@app.post("/moderate")
def moderate():
    enc = tok(request.json["text"], return_tensors="pt")
    out = clf(**enc, head_mask=torch.tensor(request.json["head_mask"]))
    return {"toxic": float(out.logits.softmax(-1)[0, 1])}`,
	SafeExample: `@app.post("/moderate")
def moderate():
    enc = tok(request.json["text"], return_tensors="pt")
    out = clf(**enc)
    return {"toxic": float(out.logits.softmax(-1)[0, 1])}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Args == nil || !p.Imports("transformers") {
			return
		}
		var tainted []*Node
		var names []string
		for _, name := range attentionKeywords275 {
			if kw := c.Keyword(name); kw != nil && web24(p, kw.Field("value")) != 0 {
				tainted = append(tainted, kw)
				names = append(names, name)
			}
		}
		if len(tainted) == 0 {
			return
		}
		sort.SliceStable(tainted, func(i, j int) bool { return tainted[i].Start < tainted[j].Start })
		for _, kw := range tainted {
			p.Report(kw, fix275(p, c, tainted, names))
		}
	},
}

// fix275 removes every request-set attention keyword of the call at once,
// so fixing one finding does not leave its neighbour in the suggestion.
func fix275(p *Pass, c Call, kws []*Node, names []string) *Fix {
	edits, ok := removeKeywordsXAI(c, kws)
	if !ok {
		return p.Guidance()
	}
	var shown []string
	for _, kw := range kws {
		shown = append(shown, "`"+codeText(kw, 50)+"`")
	}
	behaviour := "the model runs with every attention head enabled; clients that sent a head mask get unmasked outputs."
	for _, name := range names {
		if name == "past_key_values" {
			behaviour = "each call recomputes attention from the inputs alone and all heads stay enabled; clients that " +
				"resumed a generation by sending its cache must send the full context instead."
		}
	}
	return p.Edits(Unsafe, "Remove "+strings.Join(shown, " and ")+" from this `"+codeText(c.Func, 30)+"` call, so the "+
		"request cannot set the model's attention internals.", edits...).Changing(behaviour)
}

func init() { register(AIML275) }
