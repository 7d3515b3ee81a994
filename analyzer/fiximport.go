package analyzer

import "strings"

// A fix that calls a library function needs the name bound where the fixed
// code runs (§2 of the rule glossary). FixBuilder spells the name the way
// the module already binds it (`math.isfinite`, `m.isfinite`, `isfinite`)
// and, only when nothing binds it, records the import to add. The import is
// placed two ways: after the last top-level import (Fix.Edits: what
// `pyguard scan --fix`, JSON and SARIF use), and on its own line directly
// before the fixed statement at its indentation (Fix.Local: what a
// pull-request suggestion uses, since it can only replace lines of one hunk).

// FixBuilder assembles one mechanical fix.
type FixBuilder struct {
	f       *File
	fix     Fix
	anchor  *Node    // a node of the fixed statement
	imports []string // import statements to add, in first-use order
	before  bool     // imports go before the statement in both variants
	failed  bool
}

// NewFix starts a fix of applicability a, described by desc (what this
// change does to this code), whose edits fix the statement containing
// anchor.
func (p *Pass) NewFix(a Applicability, desc string, anchor *Node) *FixBuilder {
	return &FixBuilder{f: p.File, fix: Fix{Applicability: a, Description: desc}, anchor: anchor}
}

// Add appends edits to the fix.
func (b *FixBuilder) Add(edits ...Edit) *FixBuilder {
	b.fix.Edits = append(b.fix.Edits, edits...)
	return b
}

// Changing names the behaviour an unsafe fix may change.
func (b *FixBuilder) Changing(behavior string) *FixBuilder {
	b.fix.Behavior = behavior
	return b
}

// ImportsBeforeStatement places needed imports before the fixed statement
// for `--fix` too, for rules whose Fix text says so.
func (b *FixBuilder) ImportsBeforeStatement() *FixBuilder {
	b.before = true
	return b
}

// Fail marks the fix impossible; Build then returns the fallback.
func (b *FixBuilder) Fail() { b.failed = true }

// Attr returns how to write mod.attr at the anchor (`math.isfinite`,
// `m.isfinite` after `import math as m`, `isfinite` after `from math import
// isfinite`), recording `import mod` when nothing binds it there. When the
// name the import would bind is taken by something else, the fix fails.
func (b *FixBuilder) Attr(mod, attr string) string {
	if s, ok := b.f.spelling(b.anchor, mod, attr); ok {
		return s
	}
	if !b.f.canImport(b.anchor, mod) {
		b.failed = true
		return mod + "." + attr
	}
	b.need("import " + mod)
	return mod + "." + attr
}

// Module returns how to write module mod itself at the anchor (`tempfile`,
// or its alias), recording `import mod` when nothing binds it.
func (b *FixBuilder) Module(mod string) string {
	if s, ok := b.f.moduleSpelling(b.anchor, mod); ok {
		return s
	}
	if !b.f.canImport(b.anchor, mod) {
		b.failed = true
		return mod
	}
	b.need("import " + mod)
	return mod
}

// Name returns how to write mod.name at the anchor, recording `from mod
// import name` when nothing binds it (for classes the fix constructs:
// `Permission`).
func (b *FixBuilder) Name(mod, name string) string {
	if s, ok := b.f.spelling(b.anchor, mod, name); ok {
		return s
	}
	if !b.f.nameFree(b.anchor, name) {
		b.failed = true
		return name
	}
	b.need("from " + mod + " import " + name)
	return name
}

func (b *FixBuilder) need(stmt string) {
	for _, s := range b.imports {
		if s == stmt {
			return
		}
	}
	b.imports = append(b.imports, stmt)
}

// Build returns the fix, or fallback when an edit or import could not be
// made. Fix.Local is set when imports are needed and a line can be
// inserted before the anchor's statement.
func (b *FixBuilder) Build(fallback *Fix) *Fix {
	if b.failed || len(b.fix.Edits) == 0 {
		return fallback
	}
	fx := b.fix
	body := fx.Edits
	if len(b.imports) == 0 {
		return &fx
	}
	local, ok := b.f.localImports(b.anchor, b.imports)
	if b.before {
		if !ok {
			return fallback
		}
		fx.Edits = append([]Edit{local}, body...)
		return &fx
	}
	var top []Edit
	for _, stmt := range b.imports {
		top = append(top, b.f.importLine(stmt))
	}
	fx.Edits = append(top, body...)
	if ok {
		fx.Local = append([]Edit{local}, body...)
	}
	return &fx
}

// PullRequestEdits are the edits a pull-request suggestion applies: the
// local-import variant when there is one.
func (fx *Fix) PullRequestEdits() []Edit {
	if fx.Local != nil {
		return fx.Local
	}
	return fx.Edits
}

// importScopes are the scopes whose bindings are visible at n, innermost
// first (class bodies only for their own statements).
func (f *File) importScopes(n *Node) []*Scope {
	own := f.ScopeOf(n)
	var out []*Scope
	for s := own; s != nil; s = s.Parent {
		if s != own && s.Kind == ScopeClass {
			continue
		}
		out = append(out, s)
	}
	return out
}

// spelling finds a binding visible at n that names mod (then `alias.attr`)
// or mod.attr (then the bare name).
func (f *File) spelling(n *Node, mod, attr string) (string, bool) {
	if s, ok := f.moduleSpelling(n, mod); ok {
		return s + "." + attr, true
	}
	want := mod + "." + attr
	for _, s := range f.importScopes(n) {
		for name, defs := range s.defs {
			for _, d := range defs {
				if d.Kind == DefImport && d.Import == want && f.nameQualname(name, f.ScopeOf(n), n.Start, 0) == want {
					return name, true
				}
			}
		}
	}
	return "", false
}

// moduleSpelling finds a binding visible at n of module mod: `import mod`,
// `import mod as m`, `from pkg import mod`, or for a dotted mod an
// `import a.b` statement that loads it.
func (f *File) moduleSpelling(n *Node, mod string) (string, bool) {
	first, _, dotted := strings.Cut(mod, ".")
	best := ""
	for _, s := range f.importScopes(n) {
		for name, defs := range s.defs {
			for _, d := range defs {
				if d.Kind != DefImport || f.nameQualname(name, f.ScopeOf(n), n.Start, 0) != d.Import {
					continue
				}
				switch {
				case d.Import == mod:
					if best == "" || name < best {
						best = name
					}
				case dotted && d.Import == first && name == first && importsDotted(d.Stmt, mod):
					return mod, true
				}
			}
		}
	}
	return best, best != ""
}

// importsDotted reports whether import statement st is `import mod` for
// the dotted mod (so `a.b` is usable under the name `a`).
func importsDotted(st *Node, mod string) bool {
	if st == nil || st.Kind != KImportStatement {
		return false
	}
	for _, c := range st.FieldAll("name") {
		if c.Kind == KDottedName && compact(c.Text()) == mod {
			return true
		}
	}
	return false
}

// canImport reports whether `import mod` may be added: the top-level name
// it binds is free, or already bound to that same package (`import urllib`
// before `import urllib.parse`).
func (f *File) canImport(n *Node, mod string) bool {
	first, _, dotted := strings.Cut(mod, ".")
	if dotted {
		if s, ok := f.moduleSpelling(n, first); ok && s == first {
			return true
		}
	}
	return f.nameFree(n, first)
}

// nameFree reports whether an import may bind name: nothing binds it where
// n is evaluated or at module level, no function assigns it as a global,
// and it is not a builtin.
func (f *File) nameFree(n *Node, name string) bool {
	if builtins[name] || f.Module.Binds(name) || f.ScopeOf(n).lookupScope(name) != nil {
		return false
	}
	for _, sc := range f.allScopes() {
		if sc.global[name] {
			return false
		}
	}
	return true
}

// localImports is the edit inserting the import statements on their own
// lines directly before the statement containing at, at its indentation.
// ok is false where a line cannot be inserted there (`else: x = ...`, a
// statement after `;`).
func (f *File) localImports(at *Node, stmts []string) (Edit, bool) {
	ls, indent, ok := f.lineBefore(at)
	if !ok {
		return Edit{}, false
	}
	nl := f.Tree.Newline()
	var b strings.Builder
	for _, s := range stmts {
		b.WriteString(indent + s + nl)
	}
	return Edit{Start: ls, End: ls, NewText: b.String()}, true
}

// lineBefore returns where a new line can go before the statement
// containing at (the start of its first line; for a decorated definition,
// before the first decorator) and that statement's indentation. ok is
// false when the line does not begin with a statement of that block.
func (f *File) lineBefore(at *Node) (uint32, string, bool) {
	stmt := Statement(at)
	if stmt == nil {
		return 0, "", false
	}
	t := f.Tree
	ls := t.LineStart(stmt.Line())
	indent := Indent(stmt)
	first := ls + uint32(len(indent))
	for a := stmt; a != nil; a = a.Parent() {
		par := a.Parent()
		if par == nil || (par.Kind != KBlock && par.Kind != KModule) {
			continue
		}
		for s := par.FirstChild(); s != nil; s = s.NextSibling() {
			if s.Start == first && s.Named() && s.Kind != KComment {
				return ls, indent, true
			}
			if s == a {
				break
			}
		}
	}
	return 0, "", false
}

// Newline is the file's line ending: "\r\n" when its first line ends so.
func (t *Tree) Newline() string {
	if len(t.lines) > 1 {
		if end := t.lines[1] - 1; end > 0 && t.Src[end-1] == '\r' {
			return "\r\n"
		}
	}
	return "\n"
}

// Bound reports whether identifier n, read where it stands, has a binding
// (in its SCOPE chain, at module level, a builtin, or possibly a star
// import): a fix that writes a name must leave it Bound.
func (f *File) Bound(n *Node) bool {
	name := n.Text()
	return builtins[name] || len(f.stars) > 0 || f.ScopeOf(n).lookupScope(name) != nil || ComprehensionBinds(n)
}
