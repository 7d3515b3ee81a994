package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

var (
	dashboardTypes278  = map[string]bool{"explainerdashboard.ExplainerDashboard": true, "explainerdashboard.dashboards.ExplainerDashboard": true}
	visualizerTypes278 = map[string]bool{"captum.insights.AttributionVisualizer": true, "captum.insights.attr_vis.AttributionVisualizer": true,
		"captum.insights.attr_vis.app.AttributionVisualizer": true}
	// notebookModes278 serve the dashboard inside a notebook (or through
	// JupyterDash's own local server), not with app.run on all interfaces.
	notebookModes278 = []string{"inline", "jupyterlab", "external"}
)

const loopbackChange278 = "other hosts and containers can no longer reach the dashboard; open it through an SSH tunnel " +
	"or an authenticating reverse proxy."

var AIML278 = &Rule{
	ID:         "AIML278",
	Title:      "Explanation dashboard vulnerabilities",
	Section:    "2.4.2",
	Severity:   High,
	References: []string{"CWE-306", "CWE-1327", "MITRE ATLAS AML.T0024"},
	Fix:        Unsafe,
	Message:    "Explanation dashboard served on all interfaces without auth; anyone on the network can query the model and see its data.",
	Doc: "Explanation dashboards expose the model (what-if queries, per-row SHAP contributions) and the explainer's " +
		"dataset. `ExplainerDashboard.run()` binds `0.0.0.0` by default and has no authentication unless `logins=` is " +
		"given; Captum Insights `AttributionVisualizer.serve(bind_all=True)` exposes an unauthenticated Flask app on " +
		"all interfaces. Notebook modes (`inline`, `jupyterlab`, `external`), dashboards from `from_config(...)` and " +
		"`ExplainerHub` are not reported.",
	FixDoc: "ExplainerDashboard: pass `host=\"127.0.0.1\"` to `run` (or replace the host literal), or add `logins=`; " +
		"Captum Insights: `bind_all=False`. Reach the dashboard through an SSH tunnel or an authenticating proxy; " +
		"remote users lose direct access.",
	Example: `explainer = ClassifierExplainer(model, X_test, y_test)
db = ExplainerDashboard(explainer, title="Credit model", whatif=True)
db.run(port=8050)`,
	SafeExample: `db = ExplainerDashboard(explainer, title="Credit model", logins=[["risk", os.environ["DASH_PW"]]])
db.run(port=8050)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		switch c.Method() {
		case "run":
			check278Dashboard(p, c)
		case "serve":
			if !visualizerTypes278[c.ReceiverType()] {
				return
			}
			kw := c.Keyword("bind_all")
			if kw == nil || !IsTrue(kw.Field("value")) {
				return
			}
			p.Report(kw, p.Edits(Unsafe, "Set `bind_all=False` on this `"+codeText(c.Func, 40)+"`, so Captum Insights "+
				"listens on localhost only.", ReplaceNode(Unparen(kw.Field("value")), "False")).Changing(loopbackChange278))
		}
	},
}

// check278Dashboard handles form (a): ExplainerDashboard(...).run(...).
func check278Dashboard(p *Pass, c Call) {
	call := codeText(c.Func, 40)
	if strings.HasSuffix(call, "…") {
		call = "run"
	}
	if !dashboardTypes278[c.ReceiverType()] {
		return
	}
	ctor, ok := p.TypingCall(c.Receiver())
	if !ok || !ctor.Is("explainerdashboard.ExplainerDashboard", "explainerdashboard.dashboards.ExplainerDashboard") {
		return
	}
	if logins, known := ctor.LookupArg(-1, "logins"); !known || logins != nil && !isNoneXAI(logins) {
		return // authenticated, or **kwargs may carry logins
	}
	// run(..., mode=...) overrides the constructor's mode.
	mode, known := c.LookupArg(3, "mode")
	if !known {
		return
	}
	if mode == nil || isNoneXAI(mode) {
		if mode, known = ctor.LookupArg(-1, "mode"); !known {
			return
		}
	}
	if mode != nil && !isNoneXAI(mode) && (IsStrLiteral(mode, notebookModes278...) || !IsStrLiteral(mode, "dash")) {
		return // a notebook mode, or a mode we cannot know
	}
	host, known := c.LookupArg(1, "host")
	if !known {
		return
	}
	if host == nil {
		e, ok := SetKeyword(c, "host", `"`+LoopbackHost+`"`)
		if !ok {
			p.ReportCall(c, p.Guidance())
			return
		}
		p.ReportCall(c, p.Edits(Unsafe, "Pass `host=\""+LoopbackHost+"\"` to this `"+call+"` call, which "+
			"otherwise binds 0.0.0.0.", e).Changing(loopbackChange278))
		return
	}
	if !IsStrLiteral(host) || IsLoopbackLiteral(host) {
		return // loopback, or a host we cannot know
	}
	fx := p.Guidance()
	if e, ok := HostLiteralEdit(host); ok {
		fx = p.Edits(Unsafe, "Bind this `"+call+"` call to `"+LoopbackHost+"` instead of `"+
			codeText(Unparen(host), 20)+"`.", e).Changing(loopbackChange278)
	}
	if kw := c.Keyword("host"); kw != nil {
		p.Report(kw, fx)
		return
	}
	p.ReportCall(c, fx)
}

func init() { register(AIML278) }
