package rules

import . "github.com/pyguard/pyguard/analyzer"

// Shared pieces of the 2.3.1 serving rules AIML233–AIML240 (batch
// "serving2"): request-object recognition, the one-local assignment step,
// and the builtin-name check for fixes. (BOUNDED of README §3.7, which
// AIML234 uses, is the engine's IsBounded.)

// localDefServing2 is the plain assignment an identifier reads in its own
// SCOPE (`x = v`, not unpacked), or nil.
func localDefServing2(p *Pass, id *Node) *Def {
	s := p.ScopeOf(id)
	if s == nil || !s.Binds(id.Text()) {
		return nil
	}
	d := s.DefAt(id.Text(), id.Start)
	if d == nil || d.Kind != DefAssign || d.Unpacked || d.Value == nil {
		return nil
	}
	return d
}

// builtinsFreeServing2 reports whether the builtins names are unshadowed
// where at is evaluated (no binding in its SCOPE chain, no star import), so
// a fix may write them.
func builtinsFreeServing2(p *Pass, at *Node, names ...string) bool {
	for _, st := range p.Tree.Root().NamedChildren() {
		if st.Kind != KImportFromStatement {
			continue
		}
		for c := st.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Kind == KWildcardImport {
				return false
			}
		}
	}
	own := p.ScopeOf(at)
	for s := own; s != nil; s = s.Parent {
		if s != own && s.Kind == ScopeClass {
			continue
		}
		for _, n := range names {
			if s.Binds(n) || len(s.Defs(n)) > 0 {
				return false
			}
		}
	}
	return true
}

// requestObjectServing2 reports whether identifier n is a request object:
// the Flask/Quart `request` global, or a parameter the engine classifies
// as a FastAPI/Starlette or Django request.
func requestObjectServing2(p *Pass, n *Node) bool {
	n = Unparen(n)
	if n == nil || n.Kind != KIdentifier {
		return false
	}
	switch p.Qualname(n) {
	case "flask.request", "quart.request":
		return true
	}
	s := p.ScopeOf(n)
	if s == nil || !s.Binds(n.Text()) {
		return false
	}
	d := s.DefAt(n.Text(), n.Start)
	if d == nil || d.Kind != DefParam {
		return false
	}
	fn := s.Func()
	return fn != nil && fn.RequestParam(d.Param) != ""
}

// requestAttrServing2 reports whether n is `<request object>.<attr>` with
// attr one of attrs.
func requestAttrServing2(p *Pass, n *Node, attrs ...string) bool {
	n = Unparen(n)
	if n == nil || n.Kind != KAttribute {
		return false
	}
	name := n.Field("attribute").Text()
	for _, a := range attrs {
		if name == a {
			return requestObjectServing2(p, n.Field("object"))
		}
	}
	return false
}

// subscriptKeyServing2 reports whether n is the key of a subscript
// (`MODELS[n]`).
func subscriptKeyServing2(n *Node) bool {
	par := n.Parent()
	return par != nil && par.Kind == KSubscript && par.Field("subscript") == n
}
