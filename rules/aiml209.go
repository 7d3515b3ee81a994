package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

var AIML209 = &Rule{
	ID:         "AIML209",
	Title:      "TPU security gaps",
	Section:    "2.2.2",
	Severity:   Medium,
	References: []string{"CWE-306", "CWE-1327", "CWE-200"},
	Fix:        Guidance,
	EditFix:    Unsafe,
	EditFixDoc: "When the call is a statement of its own (`xp.start_server(9012)`) or assigned to a name that nothing " +
		"else in the function reads (`server = xp.start_server(9012)`), the edit puts that statement under " +
		"`if os.environ.get(\"ENABLE_PROFILER_SERVER\") == \"1\":` (adding `import os` when the module does not bind " +
		"it). The profiler server then starts only when the operator sets `ENABLE_PROFILER_SERVER=1`; other forms keep " +
		"the guidance.",
	Message: "Profiler gRPC server starts unconditionally on all interfaces without auth; anyone on the network can capture traces.",
	Doc: "The XLA/TPU profiler server (`torch_xla.debug.profiler.start_server`, `jax.profiler.start_server`, " +
		"`tf.profiler.experimental.server.start`) listens on every interface (`[::]:port`) with no authentication. " +
		"Started unconditionally, it lets anyone who reaches the port capture device and host traces of a production " +
		"job: model structure, op shapes and Python stacks.",
	FixDoc: "Start the profiler server only behind an explicit opt-in (`if args.profile_port:` or an environment " +
		"flag), firewall its port, or use file-based tracing (`jax.profiler.trace(logdir)`, " +
		"`tf.profiler.experimental.start(logdir)`).",
	Example: `import torch_xla.debug.profiler as xp

def main():
    server = xp.start_server(9012)
    train_loop()`,
	SafeExample: `def main(args):
    if args.profile_port:
        server = xp.start_server(args.profile_port)
    train_loop()`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is(profilerServers209...) || guarded209(p, n) {
			return
		}
		p.ReportCall(c, fix209(p, c))
	},
}

// optInVar209 is the environment flag the edit gates the server on.
const optInVar209 = "ENABLE_PROFILER_SERVER"

// fix209 puts the statement starting the server under an opt-in flag, when
// the call is the whole statement or the value of an assignment to a name
// nothing else reads; guidance otherwise.
func fix209(p *Pass, c Call) *Fix {
	at := c.Node
	for at.Parent() != nil && at.Parent().Kind == KParenthesized {
		at = at.Parent()
	}
	par := at.Parent()
	var stmt *Node
	switch {
	case par != nil && par.Kind == KExpressionStatement && len(par.NamedChildren()) == 1:
		stmt = par
	case par != nil && par.Kind == KAssignment && par.Field("right") == at && par.Parent() != nil &&
		par.Parent().Kind == KExpressionStatement:
		target := Unparen(par.Field("left"))
		if target == nil || target.Kind != KIdentifier {
			return p.Guidance()
		}
		s := p.ScopeOf(par)
		for _, d := range s.Defs(target.Text()) {
			if d.Target == target && (len(s.Uses(d)) > 0 || s.Kind != ScopeFunction) {
				return p.Guidance() // the server object is used, or is a module global
			}
		}
		stmt = par.Parent()
	default:
		return p.Guidance()
	}
	t := p.Tree
	body := string(t.Src[stmt.Start:stmt.End])
	multiline := false
	stmt.Walk(func(m *Node) bool {
		if end, _ := t.Position(m.End); m.Kind == KString && m.Line() != end {
			multiline = true
		}
		return !multiline
	})
	if multiline || Statement(stmt) != stmt || !ownLine209(p, stmt) {
		return p.Guidance()
	}
	nl, unit := t.Newline(), t.IndentUnit()
	indent := Indent(stmt)
	b := p.NewFix(Unsafe, "Start this `"+codeText(c.Func, 40)+"` server only when `"+optInVar209+"=1` is set.", c.Node).
		Changing("the profiler server no longer starts by default; set `" + optInVar209 + "=1` in the environment " +
			"to start it.")
	osName := b.Module("os")
	b.Add(ReplaceNode(stmt, "if "+osName+`.environ.get("`+optInVar209+`") == "1":`+nl+indent+unit+
		strings.ReplaceAll(body, nl, nl+unit)))
	return b.Build(p.Guidance())
}

// ownLine209: stmt begins its line and nothing follows it on its last line
// but a comment (no `;`, no one-line compound statement).
func ownLine209(p *Pass, stmt *Node) bool {
	t := p.Tree
	ls := t.LineStart(stmt.Line())
	if strings.TrimLeft(string(t.Src[ls:stmt.Start]), " \t") != "" {
		return false
	}
	endLine, _ := t.Position(stmt.End)
	rest := strings.TrimSpace(string(t.Src[stmt.End:t.LineEnd(endLine)]))
	return rest == "" || strings.HasPrefix(rest, "#")
}

var profilerServers209 = []string{"torch_xla.debug.profiler.start_server", "jax.profiler.start_server",
	"tensorflow.profiler.experimental.server.start"}

// guarded209 reports whether call n is lexically inside an `if` statement
// or a conditional expression (or a short-circuit `and`/`or`) whose test is
// anything other than `__name__ == "__main__"`: an opt-in.
func guarded209(p *Pass, n *Node) bool {
	for cur := n; cur.Parent() != nil; cur = cur.Parent() {
		par := cur.Parent()
		switch par.Kind {
		case KIf, KElif:
			if cond := par.Field("condition"); cond != nil && cond.Contains(n) {
				continue // the call is the test itself
			}
			if !mainTest209(par.Field("condition")) {
				return true
			}
		case KConditionalExpression:
			if parts := par.NamedChildren(); len(parts) == 3 && !mainTest209(parts[1]) {
				return true
			}
		case KBooleanOperator:
			if par.Field("left") != cur {
				return true // x and start_server(...)
			}
		}
	}
	return false
}

// mainTest209: `__name__ == "__main__"` (either order).
func mainTest209(cond *Node) bool {
	cond = Unparen(cond)
	if cond == nil || cond.Kind != KComparisonOperator {
		return false
	}
	parts := cond.NamedChildren()
	ops := ComparisonOps(cond)
	if len(parts) != 2 || len(ops) != 1 || ops[0] != "==" {
		return false
	}
	a, b := Unparen(parts[0]), Unparen(parts[1])
	isName := func(x *Node) bool { return x != nil && x.Kind == KIdentifier && x.Is("__name__") }
	return isName(a) && IsStrLiteral(b, "__main__") || isName(b) && IsStrLiteral(a, "__main__")
}

func init() { register(AIML209) }
