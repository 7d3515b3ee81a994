package rules

import (
	"slices"

	. "github.com/pyguard/pyguard/analyzer"
)

// pydanticBaseModels177 are the spellings of pydantic.BaseModel (v2, and the
// v1 API kept under pydantic.v1) that `construct` subclasses derive from.
var pydanticBaseModels177 = []string{"pydantic.BaseModel", "pydantic.main.BaseModel", "pydantic.v1.BaseModel",
	"pydantic.v1.main.BaseModel"}

// isPydanticModel177 reports whether the class named by n is defined in this
// module and (transitively, within the module) subclasses pydantic.BaseModel.
func isPydanticModel177(p *Pass, n *Node, seen map[string]bool) bool {
	n = Unparen(n)
	if n == nil || n.Kind != KIdentifier || seen[n.Text()] {
		return false
	}
	seen[n.Text()] = true
	class := p.LocalClass(n)
	if class == nil {
		return false
	}
	sup := class.Field("superclasses")
	if sup == nil {
		return false
	}
	for _, b := range sup.NamedChildren() {
		if b.Kind == KKeywordArgument {
			continue // metaclass=…, frozen=…
		}
		if q := p.Qualname(b); q != "" {
			if slices.Contains(pydanticBaseModels177, q) {
				return true
			}
			continue // another imported class: not followed outside the module
		}
		if isPydanticModel177(p, b, seen) {
			return true
		}
	}
	return false
}

// construct177 reports whether c is `C.model_construct(...)` (any receiver:
// the name is pydantic v2's) or `C.construct(...)` on a module pydantic model.
func construct177(p *Pass, c Call) bool {
	switch c.Method() {
	case "model_construct":
		return true
	case "construct":
		return isPydanticModel177(p, c.Receiver(), map[string]bool{})
	}
	return false
}

// fix177 replaces the callee `C.model_construct` / `C.construct` by `C` when
// the call passes no _fields_set (positional 0, a *splat that could fill
// it, or the keyword); otherwise guidance.
func fix177(p *Pass, c Call) *Fix {
	if c.Pos(0) != nil || c.HasArgsSplat() || c.Keyword("_fields_set") != nil {
		return GuidanceFix("Validate the payload instead of constructing the model unchecked: `Model(**data)` or " +
			"`Model.model_validate(data)`, and pass the validated fields rather than `_fields_set`.")
	}
	fn, recv := Unparen(c.Func), Unparen(c.Receiver())
	if fn == nil || recv == nil {
		return p.Guidance()
	}
	cls := codeText(recv, 40)
	return p.Edits(Unsafe, "Construct `"+cls+"(...)` instead of calling `"+c.Method()+"`, so pydantic validates these "+
		"request fields before they reach the model.", ReplaceNode(fn, recv.Text())).
		Changing("payloads that break `" + cls + "`'s field types or constraints now raise ValidationError; catch it and " +
			"return 422/400.")
}

var AIML177 = &Rule{
	ID:         "AIML177",
	Title:      "Missing feature validation",
	Section:    "2.1.2",
	Severity:   Medium,
	References: []string{"CWE-20", "CWE-1287", "OWASP ML01"},
	Fix:        Unsafe,
	Message:    "model_construct() skips pydantic validation on request data: unchecked feature values reach the model. Use Model(**data).",
	Doc: "The feature payload schema exists, but the code builds the model from request data with pydantic's " +
		"validation-skipping constructor (`model_construct()`, or v1's `construct()`). Pydantic documents it as " +
		"\"from trusted or pre-validated data … no validation is performed\": wrong types, out-of-range values, " +
		"missing fields and extra fields (if the model allows them) reach the model unchecked.",
	FixDoc: "Replace `C.model_construct(...)` / `C.construct(...)` with `C(...)`, keeping the arguments (calls " +
		"that pass `_fields_set` get guidance). Invalid payloads now raise `ValidationError`; return 422/400.",
	Example: `@app.post("/score")
def score(payload: dict):
    feats = TxnFeatures.model_construct(**payload)
    return {"p": model.predict([[feats.amount]]).tolist()}`,
	SafeExample: `@app.post("/score")
def score(payload: dict):
    feats = TxnFeatures(**payload)
    return {"p": model.predict([[feats.amount]]).tolist()}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Args == nil || !construct177(p, c) {
			return
		}
		for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
			v := a
			if a.Kind == KKeywordArgument {
				v = a.Field("value")
			} else if !a.Named() || a.Kind == KComment {
				continue
			}
			if p.Taint(v, nil)&WebTaint != 0 {
				p.ReportCall(c, fix177(p, c))
				return
			}
		}
	},
}

func init() { register(AIML177) }
