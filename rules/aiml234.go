package rules

import . "github.com/pyguard/pyguard/analyzer"

// cap234 is the batch size the fix caps request values at.
const cap234 = "64"

var AIML234 = &Rule{
	ID:         "AIML234",
	Title:      "Model batching attacks",
	Section:    "2.3.1",
	Severity:   Medium,
	References: []string{"CWE-770", "CWE-400", "OWASP LLM10"},
	Fix:        Unsafe,
	Message:    "Inference batch size comes from the request; cap it to stop one caller exhausting accelerator memory.",
	Doc: "Inside a request handler (or a function it passes request data to), a call takes its `batch_size=` from the request (a body field, query parameter or " +
		"header) without an upper bound. A single caller can ask for a huge batch and exhaust GPU/CPU memory for " +
		"every tenant of the server. Values wrapped in `min(...)`, checked against a limit before the call, or " +
		"declared with `le=`/`lt=` (FastAPI `Query`, pydantic `Field`, `conint`) are bounded.",
	FixDoc: "Wrap the value: `batch_size=min(int(<expr>), 64)`. Requests that ask for more than 64 get batches of 64, " +
		"and a non-integer value raises.",
	Example: `@app.post("/embed")
def embed(req: EmbedRequest):
    vecs = encoder.encode(req.texts, batch_size=req.batch_size)
    return {"vectors": vecs.tolist()}`,
	SafeExample: `@app.post("/embed")
def embed(req: EmbedRequest):
    vecs = encoder.encode(req.texts, batch_size=min(req.batch_size, 64))
    return {"vectors": vecs.tolist()}`,
	Kinds: []Kind{KKeywordArgument},
	Check: func(p *Pass, n *Node) {
		name := n.Field("name")
		if name == nil || !name.Is("batch_size") {
			return
		}
		args := n.Parent()
		if args == nil || args.Kind != KArgumentList || args.Parent() == nil || args.Parent().Kind != KCall {
			return
		}
		v := n.Field("value")
		if v == nil || p.Taint(v, nil)&WebTaint == 0 {
			return
		}
		// Request data reaches a call outside a ROUTE HANDLER only through a
		// request object or a local function the handler passes it to; both
		// are the handler's request.
		if p.IsBounded(v) {
			return
		}
		p.Report(n, fix234(p, v))
	},
}

// fix234 wraps the value in min(int(...), 64); a value that already is an
// int(...) call is not converted twice.
func fix234(p *Pass, v *Node) *Fix {
	if !builtinsFreeServing2(p, v, "min", "int") {
		return p.Guidance()
	}
	inner := "int(" + v.Text() + ")"
	if c, ok := p.AsCall(v); ok && c.Is("builtins.int") {
		inner = v.Text()
	}
	text := "min(" + inner + ", " + cap234 + ")"
	return p.Edits(Unsafe, "Cap this batch size at "+cap234+": pass `batch_size="+codeText(v, 40)+"` through `min(int(...), "+
		cap234+")`.", ReplaceNode(v, text)).
		Changing("a request asking for a batch size above " + cap234 + " is now processed in batches of " + cap234 +
			", and a value that is not an integer now raises instead of reaching the call.")
}

func init() { register(AIML234) }
