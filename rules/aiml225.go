package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// secretSuffixes225 and secretPrefixes225 define SECRET-NAME (§3.8).
var (
	secretSuffixes225 = []string{"password", "passwd", "secret", "secret_key", "api_key", "apikey", "access_key",
		"private_key", "credential", "credentials"}
	secretPrefixes225 = []string{"auth", "access", "api", "hf", "hub", "wandb", "bearer", "refresh", "github", "gh",
		"openai", "comet", "neptune"}
)

// isSecretName225 reports whether a key or option name is a SECRET-NAME
// (case-insensitive, `-` read as `_`).
func isSecretName225(name string) bool {
	n := strings.ToLower(strings.ReplaceAll(name, "-", "_"))
	if n == "token" {
		return true
	}
	for _, s := range secretSuffixes225 {
		if strings.HasSuffix(n, s) {
			return true
		}
	}
	for _, p := range secretPrefixes225 {
		if n == p+"_token" {
			return true
		}
	}
	return false
}

const guidance225 = "Log an explicit allow-list of non-secret settings (learning rate, batch size, model name) instead " +
	"of this value, and rotate any secret already logged: the tracking project keeps it."

var AIML225 = &Rule{
	ID:         "AIML225",
	Title:      "Hyperparameter logging risks",
	Section:    "2.2.3",
	Severity:   High,
	References: []string{"CWE-532", "CWE-200", "OWASP LLM02", "MITRE ATLAS AML.T0055"},
	Fix:        Unsafe,
	Message:    "Secret logged as a hyperparameter (environment, token or password); anyone with access to the tracking project can read it.",
	Doc: "Secrets are logged as hyperparameters or config (`mlflow.log_params`/`log_dict`/`log_param`, " +
		"`wandb.init(config=...)`, `wandb.config.update`, Comet `log_parameters`/`log_parameter`, TensorBoard " +
		"`add_hparams`, `Accelerator.init_trackers`, a Neptune run field): the whole process environment, a " +
		"secret-named key (`hf_token`, `api_key`, `password`, …), or an argparse namespace whose parser has a " +
		"secret-named option. Everyone with access to the tracking project can read them.",
	FixDoc: "For an argparse namespace passed directly, replace it with " +
		"`{k: v for k, v in vars(args).items() if k not in (\"hf_token\",)}` listing the secret-named options. For " +
		"the environment or a secret-named key: log an explicit allow-list of non-secret settings. Rotate any secret " +
		"already logged.",
	Example: `parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=3e-4)
parser.add_argument("--hf_token", type=str, required=True)
args = parser.parse_args()
wandb.init(project="sft", config=vars(args))`,
	SafeExample: `parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=3e-4)
parser.add_argument("--pad_token", type=str, default="<pad>")
args = parser.parse_args()
wandb.init(project="sft", config=vars(args))`,
	Kinds: []Kind{KCall, KAssignment},
	Check: func(p *Pass, n *Node) {
		if n.Kind == KAssignment {
			// run["parameters"] = ... on a Neptune run.
			t := Unparen(n.Field("left"))
			if t == nil || t.Kind != KSubscript || trackerKindTracking(p, t.Field("value")) != "neptune-run" {
				return
			}
			if v := n.Field("right"); v != nil && v.Kind != KAssignment {
				check225(p, n, v, nil)
			}
			return
		}
		c, _ := p.AsCall(n)
		if key, val := secretParamKey225(p, c); key != nil {
			if !plainLiteral225(val) {
				p.Report(key, GuidanceFix(guidance225))
			}
			return
		}
		if arg := sinkArg225(p, c); arg != nil {
			check225(p, n, arg, &c)
		}
	},
}

// sinkArg225 is the value a PARAM-SINK call logs, or nil.
func sinkArg225(p *Pass, c Call) *Node {
	switch {
	case c.Is("mlflow.log_params"):
		return c.Arg(0, "params")
	case c.Is("mlflow.log_dict"):
		return c.Arg(0, "dictionary")
	case c.Is("wandb.init"):
		return c.Kwarg("config")
	case c.Is("wandb.config.update"):
		return c.Arg(0, "d")
	}
	switch c.Method() {
	case "update":
		r := Unparen(c.Receiver())
		if r != nil && r.Kind == KAttribute && r.Field("attribute").Is("config") && trackerKindTracking(p, r.Field("object")) == "wandb-run" {
			return c.Arg(0, "d")
		}
	case "log_parameters":
		if trackerKindTracking(p, c.Receiver()) == "comet-exp" {
			return c.Arg(0, "parameters")
		}
	case "add_hparams":
		if trackerKindTracking(p, c.Receiver()) == "tb-writer" {
			return c.Arg(0, "hparam_dict")
		}
	case "init_trackers":
		if trackerKindTracking(p, c.Receiver()) == "accelerator" {
			return c.Arg(1, "config")
		}
	}
	return nil
}

// secretParamKey225 is (b'): the SECRET-NAME literal key of
// mlflow.log_param / <comet Experiment>.log_parameter, and its value.
func secretParamKey225(p *Pass, c Call) (key, value *Node) {
	switch {
	case c.Is("mlflow.log_param"):
		key, value = c.Arg(0, "key"), c.Arg(1, "value")
	case c.Method() == "log_parameter" && trackerKindTracking(p, c.Receiver()) == "comet-exp":
		key, value = c.Arg(0, "name"), c.Arg(1, "value")
	default:
		return nil, nil
	}
	if l := LiteralValue(key); l.Kind == LitStr && Unparen(key).Kind == KString && isSecretName225(l.Str) {
		return Unparen(key), value
	}
	return nil, nil
}

// plainLiteral225: a bool, None or number literal (not a secret value).
func plainLiteral225(v *Node) bool {
	switch LiteralValue(v).Kind {
	case LitBool, LitNone, LitInt, LitFloat:
		return true
	}
	return false
}

// check225 classifies the logged value arg of sink (a call, or a Neptune
// assignment when call is nil) and reports it.
func check225(p *Pass, sink, arg *Node, call *Call) {
	report := func(fix *Fix) {
		if call != nil {
			p.ReportCall(*call, fix)
		} else {
			p.Report(sink, fix)
		}
	}
	value, local := localValue225(p, arg)
	switch {
	case isEnviron225(p, value):
		report(GuidanceFix("Log an explicit allow-list of settings instead of the whole process environment, " +
			"which holds tokens and passwords; rotate any secret already logged."))
		return
	case secretKeys225(p, value, local) != nil:
		if local != nil && !firstSinkUse225(p, local, arg) {
			return // reported at the first sink that logs this dict
		}
		for _, k := range secretKeys225(p, value, local) {
			p.Report(k, GuidanceFix(guidance225))
		}
		return
	}
	ns, dests := namespace225(p, value)
	if ns == nil {
		return
	}
	if local != nil {
		dests = without225(dests, removedKeys225(p, local))
	}
	if len(dests) == 0 {
		return
	}
	report(fix225(p, arg, ns, dests, local == nil && call != nil))
}

// localValue225 follows a local variable to the value it was assigned in
// the same SCOPE (one step), returning that value and the binding.
func localValue225(p *Pass, e *Node) (*Node, *Def) {
	e = Unparen(e)
	if e == nil || e.Kind != KIdentifier {
		return e, nil
	}
	d := p.ScopeOf(e).DefAt(e.Text(), e.Start)
	if d == nil || d.Kind != DefAssign || d.Unpacked || d.Value == nil {
		return e, nil
	}
	v := Unparen(d.Value)
	// Only a value the rule classifies; an argparse namespace name is
	// itself the value (args = parser.parse_args()).
	if c, ok := p.AsCall(v); ok && (c.Method() == "parse_args" || c.Method() == "parse_known_args") {
		return e, nil
	}
	return v, d
}

// isEnviron225 is (a): os.environ, dict(os.environ), os.environ.copy(),
// {**os.environ} or dict(**os.environ).
func isEnviron225(p *Pass, e *Node) bool {
	e = Unparen(e)
	if e == nil {
		return false
	}
	isEnv := func(n *Node) bool { return p.Qualname(Unparen(n)) == "os.environ" }
	switch e.Kind {
	case KAttribute, KIdentifier:
		return isEnv(e)
	case KDict:
		for _, el := range e.NamedChildren() {
			if el.Kind == KDictSplat && isEnv(el.NamedChild(0)) {
				return true
			}
		}
	case KCall:
		c, _ := p.AsCall(e)
		if c.Method() == "copy" && isEnv(c.Receiver()) {
			return true
		}
		if c.Is("builtins.dict") && c.Args != nil {
			for _, a := range c.Args.NamedChildren() {
				if a.Kind == KDictSplat && isEnv(a.NamedChild(0)) || a.Kind != KDictSplat && a.Kind != KKeywordArgument && isEnv(a) {
					return true
				}
			}
		}
	}
	return false
}

// secretKeys225 is (b): the SECRET-NAME keys of a dict literal (nested
// dict literals included) or of dict(k=v, ...) whose value is not a
// bool/None/number literal, minus keys the SCOPE removes from the
// variable it is bound to.
func secretKeys225(p *Pass, e *Node, local *Def) []*Node {
	var removed map[string]bool
	if local != nil {
		removed = removedKeys225(p, local)
	}
	var out []*Node
	var walk func(e *Node, depth int)
	walk = func(e *Node, depth int) {
		e = Unparen(e)
		if e == nil || depth > 3 {
			return
		}
		switch e.Kind {
		case KDict:
			for _, pair := range e.NamedChildren() {
				if pair.Kind != KPair {
					continue
				}
				k, v := Unparen(pair.Field("key")), pair.Field("value")
				if l := LiteralValue(k); l.Kind == LitStr && k.Kind == KString && isSecretName225(l.Str) && !plainLiteral225(v) &&
					!(depth == 0 && removed[l.Str]) {
					out = append(out, k)
					continue
				}
				walk(v, depth+1)
			}
		case KCall:
			c, _ := p.AsCall(e)
			if !c.Is("builtins.dict") || c.Args == nil {
				return
			}
			for _, a := range c.Args.NamedChildren() {
				if a.Kind != KKeywordArgument {
					continue
				}
				name := a.Field("name")
				if name != nil && isSecretName225(name.Text()) && !plainLiteral225(a.Field("value")) && !(depth == 0 && removed[name.Text()]) {
					out = append(out, name)
					continue
				}
				walk(a.Field("value"), depth+1)
			}
		}
	}
	walk(e, 0)
	return out
}

// firstSinkUse225 reports whether arg is the first read of binding d that
// a PARAM-SINK logs (so a dict logged twice is reported once).
func firstSinkUse225(p *Pass, d *Def, arg *Node) bool {
	s := p.ScopeOf(d.Target)
	for _, u := range s.Uses(d) {
		call := enclosingCallOfArg225(u)
		if call == nil {
			continue
		}
		c, _ := p.AsCall(call)
		if a := sinkArg225(p, c); a != nil && Unparen(a) == u {
			return u == Unparen(arg)
		}
	}
	return true
}

// enclosingCallOfArg225 is the call that u is an argument of, or nil.
func enclosingCallOfArg225(u *Node) *Node {
	a := u.Parent()
	if a != nil && a.Kind == KKeywordArgument {
		a = a.Parent()
	}
	if a == nil || a.Kind != KArgumentList {
		return nil
	}
	return a.Parent()
}

// removedKeys225 are the keys/attributes the SCOPE of binding d removes or
// overwrites on its variable: `v.pop("k")`, `del v["k"]`, `v["k"] = ...`,
// `v.k = ...`, `del v.k`.
func removedKeys225(p *Pass, d *Def) map[string]bool {
	out := map[string]bool{}
	s := p.ScopeOf(d.Target)
	name := d.Name
	isVar := func(n *Node) bool { n = Unparen(n); return n != nil && n.Kind == KIdentifier && n.Is(name) }
	target := func(t *Node) {
		t = Unparen(t)
		if t == nil {
			return
		}
		switch t.Kind {
		case KSubscript:
			if isVar(t.Field("value")) {
				if l := LiteralValue(t.Field("subscript")); l.Kind == LitStr {
					out[l.Str] = true
				}
			}
		case KAttribute:
			if isVar(t.Field("object")) {
				out[t.Field("attribute").Text()] = true
			}
		}
	}
	s.Walk(func(m *Node) {
		switch m.Kind {
		case KCall:
			if c, _ := p.AsCall(m); c.Method() == "pop" && isVar(c.Receiver()) {
				if l := LiteralValue(c.Pos(0)); l.Kind == LitStr {
					out[l.Str] = true
				}
			}
		case KAssignment:
			ForTargets(m.Field("left"), target)
		case KDelete:
			for _, t := range m.NamedChildren() {
				if t.Kind == KExpressionList {
					for _, e := range t.NamedChildren() {
						ForTargets(e, target)
					}
					continue
				}
				ForTargets(t, target)
			}
		}
	})
	return out
}

// namespace225 is (c): vars(args), args.__dict__ or args itself, where args
// is the result of <argparse.ArgumentParser>.parse_args(), possibly copied
// (dict(...), .copy(), copy.copy/deepcopy, {**...}). It returns the args
// name and the dests of the module's secret-named options that the SCOPE
// does not remove from args first.
func namespace225(p *Pass, e *Node) (*Node, []string) {
	e = unwrapCopy225(p, e)
	if e == nil {
		return nil, nil
	}
	var ns *Node
	switch e.Kind {
	case KCall:
		if c, _ := p.AsCall(e); c.Is("builtins.vars") && len(c.Positional()) == 1 && c.Keyword("object") == nil {
			ns = Unparen(c.Pos(0))
		}
	case KAttribute:
		if e.Field("attribute").Is("__dict__") {
			ns = Unparen(e.Field("object"))
		}
	case KIdentifier:
		ns = e
	}
	if ns == nil || ns.Kind != KIdentifier {
		return nil, nil
	}
	d := parseArgsDef225(p, ns)
	if d == nil {
		return nil, nil
	}
	dests := without225(secretDests225(p), removedKeys225(p, d))
	if len(dests) == 0 {
		return nil, nil
	}
	return ns, dests
}

// unwrapCopy225 strips shallow copies: dict(x), x.copy(), copy.copy(x),
// copy.deepcopy(x), {**x}.
func unwrapCopy225(p *Pass, e *Node) *Node {
	for i := 0; i < 4; i++ {
		e = Unparen(e)
		if e == nil {
			return nil
		}
		switch e.Kind {
		case KCall:
			c, _ := p.AsCall(e)
			switch {
			case c.Is("builtins.dict", "copy.copy", "copy.deepcopy") && len(c.Positional()) == 1 && c.Args != nil &&
				len(c.Args.NamedChildren()) == 1:
				e = c.Pos(0)
				continue
			case c.Method() == "copy" && c.Args != nil && len(c.Args.NamedChildren()) == 0 && c.Callee() == "":
				e = c.Receiver()
				continue
			}
		case KDict:
			if els := e.NamedChildren(); len(els) == 1 && els[0].Kind == KDictSplat {
				e = els[0].NamedChild(0)
				continue
			}
		}
		return e
	}
	return e
}

// parseArgsDef225 is the binding of name ns to <ArgumentParser>.parse_args()
// (or element 0 of parse_known_args()) visible where ns is read: in its
// SCOPE, or the module's single binding when the SCOPE does not bind it.
func parseArgsDef225(p *Pass, ns *Node) *Def {
	s := p.ScopeOf(ns)
	d := s.DefAt(ns.Text(), ns.Start)
	if d == nil && !s.Binds(ns.Text()) {
		if defs := p.Module.Defs(ns.Text()); len(defs) == 1 {
			d = defs[0]
		}
	}
	if d == nil || d.Kind != DefAssign || d.Value == nil {
		return nil
	}
	c, ok := p.AsCall(d.Value)
	if !ok || p.TypeOf(c.Receiver()) != "argparse.ArgumentParser" {
		return nil
	}
	switch c.Method() {
	case "parse_args":
		if !d.Unpacked {
			return d
		}
	case "parse_known_args":
		if d.Unpacked && UnpackIndex(d) == 0 {
			return d
		}
	}
	return nil
}

// nonSecretActions225: options whose value is a flag or a count, never a
// secret string.
var nonSecretActions225 = map[string]bool{"store_true": true, "store_false": true, "store_const": true,
	"count": true, "help": true, "version": true}

// secretDests225 are the dests of the module's add_argument calls whose
// option string or dest is a SECRET-NAME, in source order. Flags
// (store_true, …) and options typed int/float/bool hold no secret.
func secretDests225(p *Pass) []string {
	var out []string
	seen := map[string]bool{}
	p.Tree.Root().Walk(func(m *Node) bool {
		if m.Kind != KCall {
			return true
		}
		c, _ := p.AsCall(m)
		if c.Method() != "add_argument" || c.Args == nil {
			return true
		}
		if a := LiteralValue(c.Kwarg("action")); a.Kind == LitStr && nonSecretActions225[a.Str] {
			return true
		}
		if t := c.Kwarg("type"); t != nil && p.Qualname(t) != "" && (p.Qualname(t) == "builtins.int" ||
			p.Qualname(t) == "builtins.float" || p.Qualname(t) == "builtins.bool") {
			return true
		}
		var opts []string
		for _, a := range c.Positional() {
			if l := LiteralValue(a); l.Kind == LitStr {
				opts = append(opts, l.Str)
			}
		}
		dest := ""
		if l := LiteralValue(c.Kwarg("dest")); l.Kind == LitStr {
			dest = l.Str
		}
		secret := dest != "" && isSecretName225(dest)
		for _, o := range opts {
			if isSecretName225(strings.TrimLeft(o, "-")) {
				secret = true
			}
		}
		if !secret {
			return true
		}
		if dest == "" {
			for _, o := range opts {
				if strings.HasPrefix(o, "--") {
					dest = strings.ReplaceAll(strings.TrimPrefix(o, "--"), "-", "_")
					break
				}
			}
		}
		if dest == "" && len(opts) > 0 {
			dest = strings.ReplaceAll(strings.TrimLeft(opts[0], "-"), "-", "_")
		}
		if dest != "" && !seen[dest] {
			seen[dest] = true
			out = append(out, dest)
		}
		return true
	})
	return out
}

// without225 is dests minus the removed names.
func without225(dests []string, removed map[string]bool) []string {
	var out []string
	for _, d := range dests {
		if !removed[d] {
			out = append(out, d)
		}
	}
	return out
}

// fix225 replaces a namespace expression passed directly to the sink with
// a dict comprehension that drops the secret dests; guidance otherwise.
func fix225(p *Pass, arg, ns *Node, dests []string, direct bool) *Fix {
	quoted := make([]string, len(dests))
	for i, d := range dests {
		quoted[i] = `"` + d + `"`
	}
	tuple := "(" + strings.Join(quoted, ", ")
	if len(quoted) == 1 {
		tuple += ","
	}
	tuple += ")"
	expr := "{k: v for k, v in vars(" + ns.Text() + ").items() if k not in " + tuple + "}"
	names := "`" + strings.Join(dests, "`, `") + "`"
	guidance := GuidanceFix("Log the options without " + names + ": `" + expr + "`, and rotate any secret already logged.")
	if !direct || p.Module.Binds("vars") || p.ScopeOf(arg).Binds("vars") {
		return guidance
	}
	what, them, appear := "option "+names, "it", " no longer appears"
	if len(dests) > 1 {
		what, them, appear = "options "+names, "them", " no longer appear"
	}
	return p.Edits(Unsafe, "Log `"+codeText(arg, 30)+"` without the secret "+what+": pass a dict comprehension that "+
		"drops "+them+".", ReplaceNode(Unparen(arg), expr)).
		Changing(names + appear + " in the tracked config; code that reads " + them + " back from the run's config gets nothing.")
}

func init() { register(AIML225) }
