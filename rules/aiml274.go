package rules

import . "github.com/pyguard/pyguard/analyzer"

// baselinePos274 is, for each captum.attr class, the position of the
// `baselines` parameter of its `attribute` method (-1: keyword only, the
// position holding another parameter).
var baselinePos274 = map[string]int{
	"IntegratedGradients": 1, "LayerIntegratedGradients": 1, "DeepLift": 1, "LayerDeepLift": 1,
	"DeepLiftShap": 1, "LayerDeepLiftShap": 1, "GradientShap": 1, "LayerGradientShap": 1,
	"FeatureAblation": 1, "ShapleyValueSampling": 1, "ShapleyValues": 1, "KernelShap": 1, "Lime": 1,
	"NeuronIntegratedGradients": 2,
	"Occlusion":                 -1, "NoiseTunnel": -1,
}

// captumClass274 is the captum.attr class name of the receiver's type, or "".
func captumClass274(p *Pass, c Call) string {
	pkg, name, ok := qualClassXAI(c.ReceiverType())
	if !ok || !underXAI(pkg, "captum.attr") {
		return ""
	}
	if _, ok := baselinePos274[name]; !ok {
		return ""
	}
	return name
}

var AIML274 = &Rule{
	ID:         "AIML274",
	Title:      "Saliency map tampering",
	Section:    "2.4.2",
	Severity:   Medium,
	References: []string{"CWE-807", "MITRE ATLAS AML.T0031"},
	Fix:        Unsafe,
	Message:    "Attribution baseline comes from the request; the caller controls the saliency map. Use a fixed server-side baseline.",
	Doc: "Integrated Gradients, DeepLift, GradientShap, Occlusion, feature ablation, KernelShap, Lime and the Shapley " +
		"samplers of Captum attribute relative to a baseline (attributions sum to f(x) − f(baseline)). When " +
		"`baselines` of `.attribute(...)` comes from the request, the caller fully controls the saliency map: a " +
		"baseline equal to the input gives an all-zero map, a crafted one highlights any region. Tainted `inputs` or " +
		"`target` (explaining the caller's own input or chosen class) are normal use.",
	FixDoc: "Replace the baseline with `torch.zeros_like(<inputs>)` when the first argument of `attribute` is a single " +
		"tensor expression and the module imports torch; otherwise compute the baseline server-side (zeros, a blurred " +
		"input, a stored reference image) and ignore any baseline the request sends. Clients that relied on sending " +
		"their own baseline get attributions against zeros.",
	Example: `@app.post("/saliency")
def saliency(payload: dict):
    x = torch.tensor(payload["image"]).unsqueeze(0)
    ig = IntegratedGradients(model)
    attr = ig.attribute(x, baselines=torch.tensor(payload["baseline"]).unsqueeze(0), target=payload["label"])
    return {"attr": attr.squeeze(0).tolist()}`,
	SafeExample: `    attr = ig.attribute(x, baselines=torch.zeros_like(x), target=payload["label"])`,
	Kinds:       []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Method() != "attribute" {
			return
		}
		class := captumClass274(p, c)
		if class == "" {
			return
		}
		base := c.Arg(baselinePos274[class], "baselines")
		if base == nil || web24(p, base) == 0 {
			return
		}
		p.Report(base, fix274(p, c, base))
	},
}

// simpleExpr274: a name, or attribute/subscript reads of one with literal
// or name subscripts: repeating it in zeros_like(...) evaluates nothing new.
func simpleExpr274(n *Node) bool {
	n = Unparen(n)
	if n == nil {
		return false
	}
	switch n.Kind {
	case KIdentifier:
		return true
	case KAttribute:
		return simpleExpr274(n.Field("object"))
	case KSubscript:
		for _, s := range n.NamedChildren()[1:] {
			if s.Kind == KComment {
				continue
			}
			if l := LiteralValue(s); l.Kind != LitInt && l.Kind != LitStr && Unparen(s).Kind != KIdentifier {
				return false
			}
		}
		return simpleExpr274(n.Field("value"))
	}
	return false
}

// tupleName274: inputs is a name bound in its SCOPE to a tuple or list
// (several input tensors), which zeros_like cannot take.
func tupleName274(p *Pass, inputs *Node) bool {
	inputs = Unparen(inputs)
	if inputs.Kind != KIdentifier {
		return false
	}
	s := p.ScopeOf(inputs)
	for _, d := range s.Defs(inputs.Text()) {
		if v := Unparen(d.Value); d.Unpacked || v == nil || v.Kind == KTuple || v.Kind == KList || v.Kind == KExpressionList {
			if d.Kind != DefParam {
				return true
			}
		}
	}
	return false
}

// fix274 replaces the baseline with torch.zeros_like(<inputs>).
func fix274(p *Pass, c Call, base *Node) *Fix {
	inputs := c.Arg(0, "inputs")
	guidance := GuidanceFix("Compute this baseline server-side (`torch.zeros_like(...)` of each input, a blurred input " +
		"or a stored reference image) and ignore any baseline the request sends.")
	if inputs == nil || !simpleExpr274(inputs) || tupleName274(p, inputs) || !p.Imports("torch") {
		return guidance
	}
	b := p.NewFix(Unsafe, "", base)
	zeros := b.Attr("torch", "zeros_like") + "(" + Unparen(inputs).Text() + ")"
	fx := b.Add(ReplaceNode(base, zeros)).
		Changing("attributions are computed against an all-zero baseline; baselines clients sent are ignored.").
		Build(guidance)
	if fx.Applicability == Guidance || len(fx.Edits) != 1 {
		return guidance // torch is not bound where the call runs
	}
	fx.Description = "Use `" + zeros + "` as the baseline of this `" + codeText(c.Func, 30) + "` instead of the " +
		"request's `" + codeText(base, 32) + "`."
	return fx
}

func init() { register(AIML274) }
