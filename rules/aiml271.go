package rules

import . "github.com/pyguard/pyguard/analyzer"

// backgroundArg271 says where a shap explainer or masker class takes its
// background data: the positional index and the keyword names.
type backgroundArg271 struct {
	pos int
	kws []string
}

var (
	maskerArg271 = backgroundArg271{1, []string{"masker"}}
	linearArg271 = backgroundArg271{1, []string{"masker", "data"}}
	dataArg271   = backgroundArg271{1, []string{"data"}}
	tabular271   = backgroundArg271{0, []string{"data"}}

	// explainers271 are the explainer classes of shap, by the name
	// shap.explainers exports (long and legacy short forms).
	explainers271 = map[string]backgroundArg271{
		"Explainer": maskerArg271, "PermutationExplainer": maskerArg271, "Permutation": maskerArg271,
		"PartitionExplainer": maskerArg271, "Partition": maskerArg271, "ExactExplainer": maskerArg271, "Exact": maskerArg271,
		"LinearExplainer": linearArg271, "Linear": linearArg271,
		"KernelExplainer": dataArg271, "Kernel": dataArg271, "SamplingExplainer": dataArg271, "Sampling": dataArg271,
		"DeepExplainer": dataArg271, "Deep": dataArg271, "GradientExplainer": dataArg271, "Gradient": dataArg271,
		"TreeExplainer": dataArg271, "Tree": dataArg271,
	}
	// maskers271 are the tabular maskers of shap.maskers.
	maskers271 = map[string]backgroundArg271{"Independent": tabular271, "Partition": tabular271, "Impute": tabular271}
)

// shapBackground271 returns where the called shap class takes its
// background, or ok=false when c is not one of the classes of AIML271.
func shapBackground271(c Call) (backgroundArg271, bool) {
	pkg, name, ok := qualClassXAI(c.Callee())
	if !ok || !underXAI(pkg, "shap") {
		return backgroundArg271{}, false
	}
	switch {
	case underXAI(pkg, "shap.maskers"):
		a, ok := maskers271[name]
		return a, ok
	case pkg == "shap":
		if name == "Partition" || name == "Permutation" || name == "Exact" || name == "Linear" || name == "Kernel" ||
			name == "Sampling" || name == "Deep" || name == "Gradient" || name == "Tree" {
			return backgroundArg271{}, false // short forms live in shap.explainers only
		}
		a, ok := explainers271[name]
		return a, ok
	case underXAI(pkg, "shap.explainers"):
		a, ok := explainers271[name]
		return a, ok
	}
	return backgroundArg271{}, false
}

var AIML271 = &Rule{
	ID:         "AIML271",
	Title:      "SHAP value manipulation",
	Section:    "2.4.2",
	Severity:   Medium,
	References: []string{"CWE-807"},
	Fix:        Guidance,
	Message:    "SHAP background data comes from the request; callers can shape the attributions. Use a fixed server-side background sample.",
	Doc: "SHAP attributions are defined relative to the background (masker) data. When a request supplies the " +
		"background of `shap.KernelExplainer`, `shap.Explainer`, `shap.DeepExplainer`, `shap.maskers.Independent` and " +
		"the other explainers and tabular maskers, the caller chooses the baseline and can make any feature look " +
		"important or irrelevant, and the service returns attacker-shaped explanations as its explanation of record " +
		"(Baniecki & Biecek, AAAI 2022; Slack et al., AIES 2020). Explaining a request row (`explainer(x)`, " +
		"`explainer.shap_values(x)`) is normal use and is not reported.",
	FixDoc: "Build the background once at startup from a fixed, versioned training sample (`shap.sample(X_train, 100, " +
		"random_state=0)`, `shap.kmeans(X_train, 10)`) and reuse it for every request; let the request supply only the " +
		"rows to explain.",
	Example: `@app.post("/explain")
def explain():
    background = pd.DataFrame(request.json["background"])
    explainer = shap.KernelExplainer(model.predict_proba, background)
    values = explainer.shap_values(pd.DataFrame([request.json["row"]]))
    return {"shap": [v.tolist() for v in values]}`,
	SafeExample: `BACKGROUND = shap.sample(pd.read_parquet("train_sample.parquet"), 200, random_state=0)

@app.post("/explain")
def explain():
    explainer = shap.KernelExplainer(model.predict_proba, BACKGROUND)
    values = explainer.shap_values(pd.DataFrame([request.json["row"]]))
    return {"shap": [v.tolist() for v in values]}`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		where, ok := shapBackground271(c)
		if !ok {
			return
		}
		bg := c.Arg(where.pos, where.kws...)
		if bg == nil || web24(p, bg) == 0 {
			return
		}
		p.Report(bg, p.Guidance())
	},
}

func init() { register(AIML271) }
