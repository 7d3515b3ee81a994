package rules

import . "github.com/pyguard/pyguard/analyzer"

// cardTemplates277 are the from_template class methods of huggingface_hub's
// cards (which render with an unsandboxed jinja2.Template).
var cardTemplates277 = func() []string {
	var out []string
	for _, mod := range []string{"huggingface_hub.", "huggingface_hub.repocard."} {
		for _, cls := range []string{"ModelCard", "DatasetCard", "RepoCard", "SpaceCard"} {
			out = append(out, mod+cls+".from_template")
		}
	}
	return out
}()

var AIML277 = &Rule{
	ID:         "AIML277",
	Title:      "Model card injection",
	Section:    "2.4.2",
	Severity:   Critical,
	References: []string{"CWE-1336", "CWE-94", "OWASP ML06"},
	Fix:        Guidance,
	EditFix:    Unsafe,
	EditFixDoc: "When the untrusted template is passed as the `template_str=` or `template_path=` keyword, the edit removes " +
		"that keyword, so `from_template` renders huggingface_hub's default card template for the card type with the " +
		"same variables. Cards then follow the default layout instead of the caller's template; positional template " +
		"arguments keep the guidance.",
	Message: "Model card template comes from untrusted input; from_template renders it with unsandboxed Jinja2 (SSTI, code execution).",
	Doc: "`ModelCard.from_template` (also `DatasetCard`, `RepoCard`, `SpaceCard`) renders its template with a " +
		"non-sandboxed `jinja2.Template`. When the template text (`template_str`) or path (`template_path`) comes from " +
		"the request or a network response, Jinja2 template injection executes arbitrary Python in the publishing " +
		"process, which typically holds a Hub write token. Request values passed as template variables " +
		"(`model_description=...`) are rendered as data and are not reported; nor is a `template_str` that a literal " +
		"`template_path` makes huggingface_hub ignore.",
	FixDoc: "Keep templates server-side and pass user text only as template variables; if user templates are a " +
		"feature, render them with `jinja2.sandbox.SandboxedEnvironment` and build the card with `ModelCard(content)`.",
	Example: `@app.post("/publish-card")
def publish_card():
    data = ModelCardData(license="mit", library_name="sklearn")
    card = ModelCard.from_template(data, template_str=request.form["template"], model_id=request.form["repo"])
    card.push_to_hub(request.form["repo"])
    return "ok"`,
	SafeExample: `    card = ModelCard.from_template(data, template_path="templates/card.md", model_description=request.form["description"])`,
	Kinds:       []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is(cardTemplates277...) {
			return
		}
		path := c.Arg(1, "template_path")
		if path != nil {
			if l := remote24(p, path); l != 0 {
				p.Report(path, fix277(p, c, "template_path", path)).Message = message277(l)
			}
		}
		str := c.Arg(2, "template_str")
		if str == nil {
			return
		}
		l := remote24(p, str)
		if l == 0 {
			return
		}
		if path != nil && (IsStrLiteral(path) || LiteralPrefixed277(path)) {
			return // a template_path is given, so huggingface_hub ignores template_str
		}
		p.Report(str, fix277(p, c, "template_str", str)).Message = message277(l)
	},
}

// message277 names the source of the template.
func message277(l Label) string {
	return "Model card template comes from " + SourceName(l) + "; from_template renders it with unsandboxed Jinja2 (SSTI, code execution)."
}

// LiteralPrefixed277: an f-string, which is never None.
func LiteralPrefixed277(n *Node) bool {
	n = Unparen(n)
	return n != nil && n.Kind == KString
}

// fix277 removes the keyword that passes the untrusted template, when it
// is passed as that keyword.
func fix277(p *Pass, c Call, name string, arg *Node) *Fix {
	kw := c.Keyword(name)
	if kw == nil || Unparen(kw.Field("value")) != Unparen(arg) {
		return p.Guidance()
	}
	edits, ok := removeKeywordsXAI(c, []*Node{kw})
	if !ok {
		return p.Guidance()
	}
	return p.Edits(Unsafe, "Remove `"+codeText(kw, 50)+"` from this `"+codeText(c.Func, 40)+"`, so the card is rendered "+
		"from huggingface_hub's default template and never from the caller's.", edits...).
		Changing("published cards follow the default card layout; custom templates callers sent are no longer applied.")
}

func init() { register(AIML277) }
