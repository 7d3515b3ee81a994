package rules

import (
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// fix193 rejects a non-finite update right before the write that applies
// it, where the update is certainly a tensor (torch.isfinite applies) and
// the write is an expression statement starting its line:
//
//   - the update is (a reshaping of, `t.view_as(w)`) a local variable that
//     every assignment in its SCOPE binds to a tensor builder: insert the
//     check of that variable before the write;
//   - the update is (a reshaping of) a tensor-builder call written straight
//     into the sink: bind it to a fresh local before the write, check that,
//     and write the local.
//
// The edit stays on the reported statement, so a pull request can offer it
// as a suggestion. State dicts and anything else keep the guidance.
func fix193(p *Pass, n, value *Node) *Fix {
	stmt := Statement(n)
	if stmt == nil || stmt.Kind != KExpressionStatement || Unparen(stmt.NamedChild(0)) != n || !startsLine193(p, stmt) {
		return p.Guidance()
	}
	v := Unparen(value)
	base := v
	for {
		c, ok := p.AsCall(base)
		if !ok || !shapeMethods193[c.Method()] || c.Callee() != "" {
			break
		}
		base = Unparen(c.Receiver())
	}
	if base == nil {
		return p.Guidance()
	}
	if base.Kind == KIdentifier {
		return guardVariable193(p, n, stmt, base)
	}
	if c, ok := p.AsCall(base); ok && c.Is(tensorBuilders193...) {
		return bindAndGuard193(p, n, stmt, v)
	}
	return p.Guidance()
}

// guardVariable193 checks the update variable name before the write.
func guardVariable193(p *Pass, n, stmt, name *Node) *Fix {
	defs := p.ScopeOf(name).Defs(name.Text())
	if len(defs) == 0 {
		return p.Guidance()
	}
	for _, d := range defs {
		c, ok := p.AsCall(d.Value)
		if d.Kind != DefAssign || d.Unpacked || !ok || !c.Is(tensorBuilders193...) {
			return p.Guidance()
		}
	}
	v := name.Text()
	b := p.NewFix(Unsafe, "Raise ValueError when `"+v+"` holds NaN or Inf, before "+sinkText193(p, n)+
		" applies it.", stmt).Changing(nonFinite193(p, n))
	isfinite := b.Attr("torch", "isfinite")
	b.Add(insertBefore193(p, stmt, "", guard193(isfinite, v)))
	return b.Build(p.Guidance())
}

// bindAndGuard193 rewrites `<sink>(BUILDER(...))` as `NAME = BUILDER(...)`,
// the check, and `<sink>(NAME)`.
func bindAndGuard193(p *Pass, n, stmt, v *Node) *Fix {
	candidates := []string{"update"}
	if destination193(p, n) != nil {
		candidates = []string{"grad", "update"}
	}
	name := ""
	for _, c := range candidates {
		if unusedName193(p, n, c) {
			name = c
			break
		}
	}
	if name == "" {
		return p.Guidance()
	}
	b := p.NewFix(Unsafe, "Bind `"+oneLine193(v.Text())+"` to `"+name+"` and raise ValueError when it holds NaN or "+
		"Inf, before "+sinkText193(p, n)+" applies it.", stmt).Changing(nonFinite193(p, n))
	isfinite := b.Attr("torch", "isfinite")
	b.Add(insertBefore193(p, stmt, name+" = "+dedented193(v, stmt), guard193(isfinite, name)), ReplaceNode(v, name))
	return b.Build(p.Guidance())
}

// insertBefore193 inserts, before statement stmt (which starts its line)
// and at its indentation, the statement `binding` when not empty (written
// as is: continuation lines of a multi-line expression keep their text)
// and then the lines of block, each at the block's own relative
// indentation (four spaces per level, written in the file's unit), all
// with the file's line ending.
func insertBefore193(p *Pass, stmt *Node, binding, block string) Edit {
	t := p.Tree
	nl, indent, unit := t.Newline(), Indent(stmt), t.IndentUnit()
	var b strings.Builder
	if binding != "" {
		b.WriteString(indent + binding + nl)
	}
	for _, l := range strings.Split(block, "\n") {
		rest := strings.TrimLeft(l, " ")
		b.WriteString(indent + strings.Repeat(unit, (len(l)-len(rest))/4) + rest + nl)
	}
	at := t.LineStart(stmt.Line())
	return Edit{Start: at, End: at, NewText: b.String()}
}

// dedented193 is the text of expression v for a statement of its own at
// stmt's indentation: when v began on a continuation line indented deeper
// than stmt, its later lines move left by that difference (PEP 8 hanging
// indent relative to the new statement). The text is kept as written when
// a string literal spans lines (its value would change) or a line does not
// start with that indentation.
func dedented193(v, stmt *Node) string {
	text := v.Text()
	outer, inner := Indent(stmt), Indent(v)
	if !strings.Contains(text, "\n") || len(inner) <= len(outer) || !strings.HasPrefix(inner, outer) {
		return text
	}
	multiLineString := false
	v.Walk(func(m *Node) bool {
		if (m.Kind == KString || m.Kind == KConcatenatedString) && strings.Contains(m.Text(), "\n") {
			multiLineString = true
		}
		return !multiLineString
	})
	if multiLineString {
		return text
	}
	extra := inner[len(outer):]
	lines := strings.Split(text, "\n")
	for i := 1; i < len(lines); i++ {
		switch {
		case strings.TrimSpace(lines[i]) == "":
		case strings.HasPrefix(lines[i], extra):
			lines[i] = lines[i][len(extra):]
		default:
			return text
		}
	}
	return strings.Join(lines, "\n")
}

// guard193 is the inserted check of variable v.
func guard193(isfinite, v string) string {
	return "if not " + isfinite + "(" + v + ").all():\n    raise ValueError(\"non-finite values in " + v + "\")"
}

// startsLine193: the statement is the first thing on its line (not the
// body of `if c: x = ...` or after `;`), so lines at its indentation
// belong to the same block.
func startsLine193(p *Pass, stmt *Node) bool {
	_, col := p.Tree.Position(stmt.Start)
	return col-1 == len(Indent(stmt))
}

// unusedName193 reports whether a new local called name can be introduced
// in the function (the module at top level) of n: the name is read, bound or
// declared nowhere in it (nested functions included) and is not bound at
// module level. The candidates (grad, update) are not builtins.
func unusedName193(p *Pass, n *Node, name string) bool {
	if p.Module.Binds(name) {
		return false
	}
	scope := p.FunctionScope(n)
	used := false
	scope.Node.Walk(func(m *Node) bool {
		if used {
			return false
		}
		if m.Kind == KIdentifier && m.Is(name) {
			par := m.Parent()
			attrName := par != nil && par.Kind == KAttribute && m.FieldName() == "attribute"
			kwName := par != nil && par.Kind == KKeywordArgument && m.FieldName() == "name"
			if !attrName && !kwName {
				used = true
			}
		}
		return true
	})
	return !used
}

// sinkText193 names where the update goes: the assignment target, or the
// called function.
func sinkText193(p *Pass, n *Node) string {
	if n.Kind == KAssignment {
		return "`" + oneLine193(n.Field("left").Text()) + " = ...`"
	}
	c, _ := p.AsCall(n)
	return "`" + oneLine193(c.Func.Text()) + "(...)`"
}

// nonFinite193 is the behaviour the edit may change.
func nonFinite193(p *Pass, n *Node) string {
	return "an update for " + sinkText193(p, n) + " that contains NaN or Inf now raises ValueError instead of " +
		"being applied (a web handler answers with a server error)."
}

// oneLine193 squeezes whitespace so a multi-line expression reads on one line.
func oneLine193(s string) string { return strings.Join(strings.Fields(s), " ") }
