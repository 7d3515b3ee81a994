package rules

// Helpers of the edge & mobile batch (AIML253–AIML260, section 2.3.3):
// the integrity-check predicate of 253–255, a digest guard edit, Flower
// address classification, and AIML259(b)'s widened propagation.

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// integrityCheckedEdge is README §3.7 "Integrity check present" for
// AIML253–AIML255: the SCOPE enclosing n calls `hashlib.*`,
// `hmac.compare_digest` or a method named `verify`.
func integrityCheckedEdge(p *Pass, n *Node) bool {
	return p.ScopeHasCall(p.FunctionScope(n), func(c Call) bool {
		q := c.Callee()
		return strings.HasPrefix(q, "hashlib.") || q == "hmac.compare_digest" || c.Method() == "verify"
	})
}

// lineStatementEdge returns the simple statement containing n when it
// starts its own line directly in a block or the module (not after `;`,
// not on the line of `if c:`), so that lines can be inserted before it.
func lineStatementEdge(p *Pass, n *Node) *Node {
	stmt := Statement(n)
	if stmt == nil {
		return nil
	}
	if _, col := p.Tree.Position(stmt.Start); col-1 != len(Indent(stmt)) {
		return nil
	}
	return stmt
}

// insertBeforeEdge inserts the lines of block before statement stmt, each at
// the statement's indentation plus the block's own relative indentation
// (four spaces per level in block, converted to the file's indent unit).
func insertBeforeEdge(p *Pass, stmt *Node, block string) Edit {
	t := p.Tree
	at := t.LineStart(stmt.Line())
	nl, base, unit := t.Newline(), Indent(stmt), t.IndentUnit()
	var b strings.Builder
	for _, line := range strings.Split(block, "\n") {
		rest := strings.TrimLeft(line, " ")
		levels := (len(line) - len(rest)) / 4
		b.WriteString(base + strings.Repeat(unit, levels) + rest + nl)
	}
	return Edit{Start: at, End: at, NewText: b.String()}
}

// stableExprEdge reports whether e can be evaluated again, with the same
// value, just before the statement that uses it: a name, or attribute reads
// on a name (`resp.content`).
func stableExprEdge(e *Node) bool {
	e = Unparen(e)
	for e != nil && e.Kind == KAttribute {
		e = Unparen(e.Field("object"))
	}
	return e != nil && e.Kind == KIdentifier
}

// digestGuardEdge builds the edit of AIML253's common form: before the
// statement using the model bytes `data`, raise unless their SHA-256 equals
// the digest pinned in environment variable envVar. nil when the statement
// cannot take a line before it or a name cannot be imported.
func digestGuardEdge(p *Pass, at, data *Node, envVar, what, desc string) *Fix {
	if !stableExprEdge(data) {
		return nil
	}
	stmt := lineStatementEdge(p, at)
	if stmt == nil {
		return nil
	}
	b := p.NewFix(Unsafe, desc, stmt).
		Changing("the model now loads only when environment variable " + envVar + " holds its SHA-256 hex digest; " +
			"unset it raises KeyError, and every new model needs the variable updated.")
	sha := b.Attr("hashlib", "sha256")
	environ := b.Attr("os", "environ")
	d := strings.Join(strings.Fields(data.Text()), "")
	b.Add(insertBeforeEdge(p, stmt, "if "+sha+"("+d+").hexdigest() != "+environ+"[\""+envVar+"\"]:\n"+
		"    raise ValueError(\""+what+" digest mismatch\")"))
	return b.Build(nil)
}

// --- Flower (AIML260) ---

// flowerServersEdge start a Flower gRPC server (server side of 260(a)).
// flwr.server re-exports flwr.server.app.start_server (flwr < 1.19) and
// flwr.compat.server.app.start_server (later releases).
var flowerServersEdge = []string{"flwr.server.start_server", "flwr.server.app.start_server",
	"flwr.compat.server.app.start_server", "flwr.compat.server.start_server"}

// flowerClientsEdge start a Flower gRPC client (260(b)).
var flowerClientsEdge = []string{"flwr.client.start_client", "flwr.client.start_numpy_client",
	"flwr.client.app.start_client", "flwr.client.app.start_numpy_client",
	"flwr.compat.client.app.start_client", "flwr.compat.client.app.start_numpy_client",
	"flwr.compat.client.start_client", "flwr.compat.client.start_numpy_client"}

// addressHostEdge returns the host part of a Flower address literal
// ("[::1]:8080" -> "[::1]", "localhost:8080" -> "localhost").
func addressHostEdge(addr string) string {
	addr = strings.TrimSpace(addr)
	if strings.HasPrefix(addr, "[") {
		if i := strings.Index(addr, "]"); i >= 0 {
			return addr[:i+1]
		}
		return addr
	}
	if strings.Count(addr, ":") > 1 {
		return addr // bare IPv6 without a port
	}
	if i := strings.LastIndexByte(addr, ':'); i >= 0 {
		return addr[:i]
	}
	return addr
}

// addressHostOfEdge resolves the host of a server_address argument: from
// a str literal, an f-string whose literal prefix holds the whole host
// (`f"127.0.0.1:{port}"`), or a name bound once (in the SCOPE, else at
// module level) to one of those. ok is false when the host is unknown.
func addressHostOfEdge(p *Pass, n *Node) (string, bool) {
	n = Unparen(n)
	if n != nil && n.Kind == KIdentifier {
		s := p.ScopeOf(n)
		defs := p.Module.Defs(n.Text())
		if s.Binds(n.Text()) {
			defs = s.Defs(n.Text())
		}
		if len(defs) != 1 || defs[0].Kind != DefAssign || defs[0].Unpacked {
			return "", false
		}
		n = Unparen(defs[0].Value)
	}
	if l := LiteralValue(n); l.Kind == LitStr {
		return addressHostEdge(l.Str), true
	}
	prefix, ok := LiteralPrefix(n)
	if !ok {
		return "", false
	}
	if strings.HasPrefix(prefix, "[") {
		if i := strings.Index(prefix, "]"); i >= 0 {
			return prefix[:i+1], true
		}
		return "", false
	}
	if i := strings.IndexByte(prefix, ':'); i >= 0 && strings.Count(prefix, ":") == 1 {
		return prefix[:i], true
	}
	return "", false
}

// isLoopbackHostEdge: a loopback host of §3.8 (`127.0.0.1`, `localhost`,
// `[::1]`).
func isLoopbackHostEdge(h string) bool {
	return h == "127.0.0.1" || h == "localhost" || h == "[::1]" || h == "::1"
}

// --- AIML259(b) propagation ---

// taint259 is the WEB-TAINT of n with the file-specific propagation of
// AIML259(b): on top of the shared propagation (p.Taint), any call with a
// tainted positional argument (model forward, loss functions) and any
// arithmetic on a tainted operand passes the taint on, intra-procedurally.
type taint259 struct {
	p    *Pass
	memo map[int]Label
}

func newTaint259(p *Pass) *taint259 { return &taint259{p: p, memo: map[int]Label{}} }

func (t *taint259) of(n *Node) Label {
	n = Unparen(n)
	if n == nil {
		return 0
	}
	if l, ok := t.memo[n.Index()]; ok {
		return l
	}
	t.memo[n.Index()] = 0 // cycle guard
	l := t.p.Taint(n, nil) & WebTaint
	if l == 0 {
		l = t.derived(n)
	}
	t.memo[n.Index()] = l
	return l
}

func (t *taint259) derived(n *Node) Label {
	p := t.p
	var l Label
	switch n.Kind {
	case KCall:
		c, _ := p.AsCall(n)
		for _, a := range c.Positional() {
			l |= t.of(a)
		}
		if r := c.Receiver(); r != nil {
			l |= t.of(r)
		}
	case KIdentifier:
		if !IsNameRead(n) {
			return 0
		}
		s := p.ScopeOf(n)
		if s == nil || !s.Binds(n.Text()) {
			return 0
		}
		d := s.DefAt(n.Text(), n.Start)
		if d == nil {
			return 0
		}
		switch d.Kind {
		case DefAssign, DefFor, DefWith:
			l |= t.of(d.Value)
		case DefAugment:
			l |= t.of(d.Value)
			if prev := s.DefAt(n.Text(), d.Stmt.Start); prev != nil && prev != d && prev.Value != nil {
				l |= t.of(prev.Value)
			}
		}
	case KAttribute:
		l |= t.of(n.Field("object"))
	case KSubscript:
		l |= t.of(n.Field("value"))
	case KBinaryOperator:
		l |= t.of(n.Field("left")) | t.of(n.Field("right"))
	case KUnaryOperator:
		l |= t.of(n.Field("argument"))
	case KAwait:
		l |= t.of(n.NamedChild(0))
	case KList, KTuple, KExpressionList:
		for _, c := range n.NamedChildren() {
			l |= t.of(c)
		}
	}
	return l
}
