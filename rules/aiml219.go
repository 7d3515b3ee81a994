package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// hosts219 are the all-interfaces host values the spec names for TensorBoard.
var hosts219 = map[string]bool{"0.0.0.0": true, "::": true, "": true}

// subprocessCalls219 start a command given as a list (element 0 the program).
var subprocessCalls219 = []string{"subprocess.Popen", "subprocess.run", "subprocess.call", "subprocess.check_call",
	"subprocess.check_output"}

const behavior219 = "remote viewers lose direct access to this TensorBoard; share it through an SSH tunnel or an " +
	"authenticating proxy."

var AIML219 = &Rule{
	ID:         "AIML219",
	Title:      "TensorBoard remote code execution",
	Section:    "2.2.3",
	Severity:   Medium,
	References: []string{"CWE-1327", "CWE-306", "CWE-200", "MITRE ATLAS AML.T0035"},
	Fix:        Unsafe,
	Message:    "TensorBoard is served on all interfaces without auth; anyone on the network can read runs, embeddings and hparams.",
	Doc: "TensorBoard is started on every interface: `TensorBoard().configure(bind_all=True)` or an all-interfaces " +
		"`host=`, `--bind_all`/`--host=0.0.0.0` in its `argv`, in `tensorboard.notebook.start(...)` or in a " +
		"`subprocess` command that runs `tensorboard`. TensorBoard has no authentication; its plugins serve run data, " +
		"embeddings, hyperparameters, images, audio and profiles from the log directory to anyone who can reach the " +
		"port, and every plugin bug becomes remotely reachable.",
	FixDoc: "Remove `bind_all=True` or the `--bind_all` flag, or replace the all-interfaces host with `\"localhost\"`; " +
		"share dashboards through an authenticating proxy or an SSH tunnel. Remote viewers lose direct access.",
	Example: `from tensorboard import program

tb = program.TensorBoard()
tb.configure(logdir="runs", bind_all=True)
url = tb.launch()`,
	SafeExample: `tb = program.TensorBoard()
tb.configure(logdir="runs")
url = tb.launch()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		switch {
		case c.Method() == "configure" && p.TypeOf(c.Receiver()) == "tensorboard.program.TensorBoard":
			checkConfigure219(p, c)
		case c.Is("tensorboard.notebook.start"):
			checkNotebook219(p, c)
		case c.Is(subprocessCalls219...):
			if cmd := Unparen(c.Arg(0, "args")); cmd != nil && (cmd.Kind == KList || cmd.Kind == KTuple) {
				if elems := cmd.NamedChildren(); len(elems) > 0 && IsStrLiteral(elems[0], "tensorboard") {
					checkArgv219(p, cmd, "`tensorboard` command")
				}
			}
		}
	},
}

// checkConfigure219: bind_all=True, an all-interfaces host=, or such flags
// in the argv list.
func checkConfigure219(p *Pass, c Call) {
	if kw := c.Keyword("bind_all"); kw != nil && IsTrue(kw.Field("value")) {
		p.Report(kw, p.Edits(Unsafe, "Remove `"+codeText(kw, 20)+"` from this `"+codeText(c.Func, 30)+"` call, so "+
			"TensorBoard listens on localhost only.", RemoveKeyword(kw)).Changing(behavior219))
	}
	if kw := c.Keyword("host"); kw != nil {
		if v := Unparen(kw.Field("value")); hostLiteral219(v) {
			p.Report(kw, p.Edits(Unsafe, "Serve this TensorBoard on `\"localhost\"` instead of `"+codeText(v, 20)+"`.",
				ReplaceStringContent(v, "localhost")).Changing(behavior219))
		}
	}
	if argv := Unparen(c.Arg(0, "argv")); argv != nil && (argv.Kind == KList || argv.Kind == KTuple) {
		checkArgv219(p, argv, "TensorBoard argv")
	}
}

// hostLiteral219: a plain str literal naming all interfaces.
func hostLiteral219(v *Node) bool {
	l := LiteralValue(v)
	return l.Kind == LitStr && Unparen(v).Kind == KString && hosts219[l.Str]
}

// checkArgv219 reports the flag elements of a literal argument list:
// "--bind_all", "--host=<all>", or "--host" followed by an all-interfaces
// literal.
func checkArgv219(p *Pass, list *Node, what string) {
	elems := list.NamedChildren()
	for i, e := range elems {
		l := LiteralValue(e)
		if l.Kind != LitStr || Unparen(e).Kind != KString {
			continue
		}
		switch {
		case l.Str == "--bind_all":
			if len(elems) == 1 {
				p.Report(e, p.Guidance())
				continue
			}
			p.Report(e, p.Edits(Unsafe, "Drop `\"--bind_all\"` from this "+what+", so TensorBoard listens on "+
				"localhost only.", removeElement219(e)).Changing(behavior219))
		case strings.HasPrefix(l.Str, "--host=") && hosts219[strings.TrimPrefix(l.Str, "--host=")] && l.Str != "--host=":
			p.Report(e, p.Edits(Unsafe, "Pass `\"--host=localhost\"` instead of `"+codeText(e, 24)+"` in this "+what+".",
				ReplaceStringContent(Unparen(e), "--host=localhost")).Changing(behavior219))
		case l.Str == "--host" && i+1 < len(elems) && hostLiteral219(elems[i+1]) && LiteralValue(elems[i+1]).Str != "":
			next := Unparen(elems[i+1])
			p.Report(e, p.Edits(Unsafe, "Pass `\"localhost\"` instead of `"+codeText(next, 20)+"` after `\"--host\"` in "+
				"this "+what+".", ReplaceStringContent(next, "localhost")).Changing(behavior219))
		}
	}
}

// removeElement219 deletes list element e: its whole line when it stands on
// a line of its own (`"--bind_all",` with an optional trailing comment),
// else the element and the comma before it (or after it, for the first).
func removeElement219(e *Node) Edit {
	t := e.Tree()
	line := e.Line()
	ls, le := t.LineStart(line), t.LineEnd(line)
	before := string(t.Src[ls:e.Start])
	after := strings.TrimSpace(string(t.Src[e.End:le]))
	if strings.TrimLeft(before, " \t") == "" && (after == "," || strings.HasPrefix(after, ",") &&
		strings.HasPrefix(strings.TrimSpace(after[1:]), "#")) && int(le) < len(t.Src) {
		return Edit{Start: ls, End: le + 1}
	}
	return RemoveKeyword(e)
}

// checkNotebook219: tensorboard.notebook.start("--logdir runs --bind_all")
// or with --host 0.0.0.0 / --host=0.0.0.0.
func checkNotebook219(p *Pass, c Call) {
	arg := Unparen(c.Arg(0, "args_string"))
	l := LiteralValue(arg)
	if l.Kind != LitStr || arg.Kind != KString {
		return
	}
	fields := strings.Fields(l.Str)
	out := make([]string, 0, len(fields))
	found := false
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		switch {
		case f == "--bind_all":
			found = true
			continue
		case f == "--host=0.0.0.0":
			found = true
			f = "--host=localhost"
		case f == "--host" && i+1 < len(fields) && fields[i+1] == "0.0.0.0":
			found = true
			out = append(out, f, "localhost")
			i++
			continue
		}
		out = append(out, f)
	}
	if !found {
		return
	}
	// Rewrite the string only when it is a simple one-line literal whose
	// flags are separated by single spaces (what the edit reproduces).
	fixed := strings.Join(out, " ")
	if strings.Join(fields, " ") != l.Str || strings.ContainsAny(l.Str, `\"'`) || len(out) == 0 {
		p.Report(arg, p.Guidance())
		return
	}
	p.Report(arg, p.Edits(Unsafe, "Start this notebook TensorBoard with `"+fixed+"`, on localhost only.",
		ReplaceStringContent(arg, fixed)).Changing(behavior219))
}

func init() { register(AIML219) }
