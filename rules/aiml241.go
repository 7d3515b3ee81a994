package rules

import . "github.com/pyguard/pyguard/analyzer"

var AIML241 = &Rule{
	ID:         "AIML241",
	Title:      "Missing authentication on inference API",
	Section:    "2.3.2",
	Severity:   High,
	References: []string{"CWE-306", "OWASP ML05", "MITRE ATLAS AML.T0040"},
	Fix:        Unsafe,
	Message:    "Gradio share=True publishes the model API on a public URL without auth; add auth= or disable share.",
	Doc: "`launch(share=True)` on a Gradio `Interface`, `Blocks`, `ChatInterface` or `TabbedInterface` opens a public " +
		"`*.gradio.live` tunnel to the app. Without `auth=` anyone who learns the link can use the model UI and its " +
		"programmatic `/api` endpoints (and the queue, file routes and any tool the app wraps).",
	FixDoc: "Replace `share=True` with `share=False` and publish the app behind your own authenticated server, or keep " +
		"the share link and pass `auth=` (a `(user, password)` pair from the environment or a check function).",
	Example: `import gradio as gr

demo = gr.Interface(fn=classify, inputs="image", outputs="label")
demo.launch(share=True)`,
	SafeExample: `demo.launch(share=True, auth=("ops", os.environ["DEMO_PASSWORD"]))`,
	Kinds:       []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if c.Method() != "launch" || c.Args == nil || !gradioAppEndpoint(p, c.Receiver()) {
			return
		}
		kw := c.Keyword("share")
		if kw == nil || !IsTrue(kw.Field("value")) {
			return
		}
		// auth= could be passed positionally or through **kwargs.
		if len(c.Positional()) > 0 || c.HasArgsSplat() || c.HasKwargsSplat() {
			return
		}
		if a := Unparen(c.Kwarg("auth")); a != nil && a.Kind != KNone {
			return
		}
		p.Report(kw, p.Edits(Unsafe, "Set `share=False` on this `"+codeText(c.Func, 40)+"`: no public gradio.live "+
			"link is created for an app without `auth=`.", ReplaceNode(Unparen(kw.Field("value")), "False")).
			Changing("the app is no longer reachable through a public *.gradio.live link; remote users must reach "+
				"the server directly or through your authenticated proxy."))
	},
}

func init() { register(AIML241) }
