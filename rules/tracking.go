package rules

// Shared helpers of the experiment-tracking batch (AIML216–AIML225, §2.2.3):
// SECRET-LITERAL and hard-coded tracker credentials (217/218/220), tracker
// receiver typing (MlflowClient, W&B runs and Api, Comet experiments,
// Neptune runs) and argument tables for the taint sinks (221/222/224).

import (
	"strings"
	"unicode/utf8"

	. "github.com/pyguard/pyguard/analyzer"
)

// ---- SECRET-LITERAL (§3.8) ------------------------------------------------

// secretPlaceholdersTracking: a literal containing one of these
// (case-insensitively) is a placeholder, not a secret.
var secretPlaceholdersTracking = []string{"your", "xxx", "changeme", "placeholder", "example", "dummy", "<", ">", "${"}

// isSecretLiteralTracking reports whether n is a SECRET-LITERAL: a plain str
// literal (not an f-string, bytes or a concatenation) of at least 16
// characters without whitespace that is not a placeholder or one repeated
// character.
func isSecretLiteralTracking(n *Node) bool {
	n = Unparen(n)
	if n == nil || n.Kind != KString || n.End-n.Start < 18 {
		return false
	}
	if start := n.FirstChild(); start == nil || strings.ContainsAny(strings.ToLower(strings.TrimRight(start.Text(), `"'`)), "fb") {
		return false
	}
	l := LiteralValue(n)
	if l.Kind != LitStr {
		return false
	}
	s := l.Str
	if utf8.RuneCountInString(s) < 16 || strings.ContainsAny(s, " \t\r\n\f\v") || strings.Contains(s, `\n`) || strings.Contains(s, `\t`) {
		return false
	}
	low := strings.ToLower(s)
	for _, ph := range secretPlaceholdersTracking {
		if strings.Contains(low, ph) {
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(s)
	return strings.Trim(s, string(first)) != ""
}

// ---- hard-coded tracker credentials (AIML217, AIML218, AIML220) -----------

// credSinkTracking is one credential parameter of a tracker API: callee
// qualname, its position (-1: keyword only) and keyword name.
type credSinkTracking struct {
	qual string
	pos  int
	kw   string
}

// credentialTracking describes one tracker's credential rule.
type credentialTracking struct {
	sinks  []credSinkTracking
	envKey string // the ENV-SET key and the variable the fix reads
	what   string // "W&B API key", for fix texts
	// skip, when set, exempts a matched call (wandb.login(anonymous="must")).
	skip func(c Call) bool
	// importBefore: the spec puts `import os` before the statement.
	importBefore bool
}

// credentialUse is where a SECRET-LITERAL is used as a tracker credential.
type credentialUse struct {
	call   *Call   // the tracker call, nil for ENV-SET
	env    *EnvSet // the ENV-SET, nil for a call
	callee string  // the tracker callee as written, for texts
}

// find reports how literal lit is used as this tracker's credential.
func (cr credentialTracking) find(p *Pass, lit *Node) (credentialUse, bool) {
	// The literal as an argument: `f(key="…")` or `f("…")`.
	arg := lit
	for arg.Parent() != nil && arg.Parent().Kind == KParenthesized {
		arg = arg.Parent()
	}
	par := arg.Parent()
	if par != nil && (par.Kind == KKeywordArgument || par.Kind == KArgumentList) {
		argList := par
		if par.Kind == KKeywordArgument {
			argList = par.Parent()
		}
		if argList != nil && argList.Kind == KArgumentList {
			if c, ok := p.AsCall(argList.Parent()); ok {
				for _, s := range cr.sinks {
					if !c.Is(s.qual) || cr.skip != nil && cr.skip(c) {
						continue
					}
					if s.kw != "" && Unparen(c.Kwarg(s.kw)) == lit || s.pos >= 0 && Unparen(c.Pos(s.pos)) == lit {
						return credentialUse{call: &c, callee: codeText(c.Func, 40)}, true
					}
				}
			}
		}
	}
	// ENV-SET(envKey, lit): the literal is the value of an assignment to
	// os.environ[K] or of a setdefault/update/putenv call a few levels up.
	for a, i := lit.Parent(), 0; a != nil && i < 5; a, i = a.Parent(), i+1 {
		if a.Kind != KAssignment && a.Kind != KCall {
			continue
		}
		for _, e := range p.EnvSets(a) {
			if e.Key == cr.envKey && Unparen(e.Value) == lit {
				e := e
				return credentialUse{env: &e}, true
			}
		}
	}
	return credentialUse{}, false
}

// check is the Check of a credential rule (subscribed to KString).
func (cr credentialTracking) check(p *Pass, n *Node) {
	if !isSecretLiteralTracking(n) {
		return
	}
	use, ok := cr.find(p, n)
	if !ok {
		return
	}
	if use.env != nil {
		p.Report(n, GuidanceFix("Delete this statement and provide `"+cr.envKey+"` through the runtime's secret store "+
			"(CI secret, Kubernetes Secret, the host's environment); then rotate the "+cr.what+" committed here."))
		return
	}
	b := p.NewFix(Unsafe, "Read the "+cr.what+" of this `"+use.callee+"` call from the `"+cr.envKey+"` environment "+
		"variable instead of the literal; then rotate it.", n).
		Changing("where `" + cr.envKey + "` is not set this line now raises KeyError; the committed value stays " +
			"valid until you rotate it.")
	if cr.importBefore {
		b.ImportsBeforeStatement()
	}
	b.Add(ReplaceNode(n, b.Attr("os", "environ")+`["`+cr.envKey+`"]`))
	p.Report(n, b.Build(GuidanceFix("Load the "+cr.what+" from the `"+cr.envKey+"` environment variable or a secret "+
		"manager instead of the literal, and rotate the committed key.")))
}

// ---- tracker receiver typing (§3.4) ----------------------------------------

// trackerTypesTracking maps §3.4 types (TypeOf results, including the
// callee name TypeOf gives for factories not in KnownReturns) to a tracker
// object kind.
var trackerTypesTracking = map[string]string{
	"mlflow.MlflowClient":                          "mlflow-client",
	"mlflow.client.MlflowClient":                   "mlflow-client",
	"mlflow.tracking.client.MlflowClient":          "mlflow-client",
	"wandb.Run":                                    "wandb-run",
	"wandb.sdk.wandb_run.Run":                      "wandb-run",
	"wandb.Api":                                    "wandb-api",
	"wandb.apis.public.Api":                        "wandb-api",
	"wandb.PublicApi":                              "wandb-api",
	"comet_ml.Experiment":                          "comet-exp",
	"comet_ml.ExistingExperiment":                  "comet-exp",
	"comet_ml.OfflineExperiment":                   "comet-exp",
	"comet_ml.start":                               "comet-exp", // returns an Experiment
	"comet_ml.get_running_experiment":              "comet-exp",
	"comet_ml.get_global_experiment":               "comet-exp",
	"neptune.Run":                                  "neptune-run",
	"neptune.new.init_run":                         "neptune-run",
	"neptune.new.Run":                              "neptune-run",
	"neptune.init_run":                             "neptune-run",
	"torch.utils.tensorboard.SummaryWriter":        "tb-writer",
	"torch.utils.tensorboard.writer.SummaryWriter": "tb-writer",
	"tensorboardX.SummaryWriter":                   "tb-writer",
	"accelerate.Accelerator":                       "accelerator",
	"accelerate.accelerator.Accelerator":           "accelerator",
}

// trackerKindTracking is the tracker object kind of expression recv, or "".
// `wandb.run` (the active run) is a W&B run.
func trackerKindTracking(p *Pass, recv *Node) string {
	recv = Unparen(recv)
	if recv == nil {
		return ""
	}
	if recv.Kind == KAttribute && p.Qualname(recv) == "wandb.run" {
		return "wandb-run"
	}
	return trackerTypesTracking[p.TypeOf(recv)]
}

// ---- sink tables for the taint rules (221, 222, 224) ----------------------

// argTracking names one argument: positional index (-1: keyword only) and
// keyword name ("" when positional only).
type argTracking struct {
	pos int
	kw  string
}

// sinkTracking is a tracker API call and the arguments a rule checks: a
// module function (qual) or a method on a receiver of a tracker kind.
type sinkTracking struct {
	qual   []string
	kind   string // receiver kind for a method sink
	method string
	args   []argTracking
	// keys are the arguments that name a key (AIML221: escaping a key does
	// not make a client-chosen key safe).
	keys []argTracking
}

// matches reports whether call c is this sink.
func (s sinkTracking) matches(p *Pass, c Call) bool {
	if len(s.qual) > 0 {
		return c.Is(s.qual...)
	}
	return c.Method() == s.method && trackerKindTracking(p, c.Receiver()) == s.kind
}

// argNode is the expression passed for a, or nil.
func (a argTracking) node(c Call) *Node {
	if a.kw == "" {
		return c.Pos(a.pos)
	}
	return c.Arg(a.pos, a.kw)
}

// matchSinkTracking returns the first sink of sinks that c is.
func matchSinkTracking(p *Pass, c Call, sinks []sinkTracking) (sinkTracking, bool) {
	for _, s := range sinks {
		if s.matches(p, c) {
			return s, true
		}
	}
	return sinkTracking{}, false
}

// pos and kw build argument lists concisely.
func posTracking(i int, kw string) argTracking { return argTracking{pos: i, kw: kw} }
func kwTracking(kw string) argTracking         { return argTracking{pos: -1, kw: kw} }
