package analyzer

import "sort"

// DefKind says how a name is bound.
type DefKind uint8

const (
	DefAssign  DefKind = iota + 1 // x = v, x: T = v, walrus
	DefAugment                    // x += v (keeps the earlier value's taint)
	DefFor                        // for x in v
	DefWith                       // with v as x
	DefImport                     // import / from-import
	DefParam                      // function parameter
	DefFunc                       // def x
	DefClass                      // class x
	DefOther                      // except … as x, del, global, match, …
)

// Def is one binding of a name in a SCOPE, in source order.
type Def struct {
	Name   string
	Kind   DefKind
	Target *Node  // the identifier bound
	Value  *Node  // right-hand side, iterable or context expression (nil if none)
	Stmt   *Node  // the binding statement, parameter or clause
	Pos    uint32 // byte offset from which the binding is visible
	// Unpacked is true when Target is one of several names bound from a
	// non-literal Value (x, y = f()): the target takes the whole value.
	Unpacked bool
	Import   string // qualified name, for DefImport
	Param    *Param // for DefParam
}

// Param is a function parameter.
type Param struct {
	Name       string
	Index      int
	Node       *Node
	Annotation *Node // type expression or nil
	Default    *Node // default value or nil
	Splat      bool  // *args or **kwargs
}

// ScopeKind distinguishes function, lambda, class body and module scopes.
type ScopeKind uint8

const (
	ScopeModule ScopeKind = iota
	ScopeFunction
	ScopeLambda
	ScopeClass
)

// Scope is a SCOPE of the rule glossary: a function body or the module top
// level. Class bodies get their own scope so their names do not leak.
type Scope struct {
	Kind   ScopeKind
	Node   *Node // module, function_definition, lambda or class_definition
	Parent *Scope
	File   *File
	Params []*Param
	defs   map[string][]*Def
	guards []guard
	global map[string]bool
	calls  []*Node // calls whose innermost scope is this one, in order
	fn     *Func
}

// guard makes a name untainted within [from, to): ALLOW-GUARD.
type guard struct {
	name     string
	from, to uint32
	coll     *Node // the collection tested against
}

// Defs returns every binding of name in this scope, in source order.
func (s *Scope) Defs(name string) []*Def { return s.defs[name] }

// Binds reports whether name is bound anywhere in this scope.
func (s *Scope) Binds(name string) bool { return len(s.defs[name]) > 0 && !s.global[name] }

// DefAt returns the binding of name visible at offset pos in this scope:
// the latest one that took effect before pos. nil when there is none.
func (s *Scope) DefAt(name string, pos uint32) *Def {
	defs := s.defs[name]
	i := sort.Search(len(defs), func(i int) bool { return defs[i].Pos > pos })
	if i == 0 {
		return nil
	}
	return defs[i-1]
}

// Calls returns the calls made directly in this scope (not in nested ones).
func (s *Scope) Calls() []*Node { return s.calls }

// Func returns the function facts of a function scope (nil for others).
func (s *Scope) Func() *Func {
	if s.Kind != ScopeFunction {
		return nil
	}
	if s.fn == nil {
		s.fn = s.File.classifyFunc(s)
	}
	return s.fn
}

// Name is the function or class name, "" for the module and lambdas.
func (s *Scope) Name() string {
	if n := s.Node.Field("name"); n != nil {
		return n.Text()
	}
	return ""
}

// Class returns the class_definition a method belongs to, or nil.
func (s *Scope) Class() *Node {
	if s.Kind != ScopeFunction {
		return nil
	}
	p := s.Node.Parent()
	if p != nil && p.Kind == KDecoratedDefinition {
		p = p.Parent()
	}
	if p != nil && p.Kind == KBlock {
		if c := p.Parent(); c != nil && c.Kind == KClassDefinition {
			return c
		}
	}
	return nil
}

// lookupScope is the scope a name used in s resolves to (LEGB without builtins),
// or nil. Class scopes are skipped for names used inside their methods.
func (s *Scope) lookupScope(name string) *Scope {
	if s.global[name] {
		return s.File.Module
	}
	for sc := s; sc != nil; sc = sc.Parent {
		if sc != s && sc.Kind == ScopeClass {
			continue
		}
		if sc.Binds(name) {
			return sc
		}
	}
	return nil
}

func (s *Scope) addDef(d *Def) {
	if s.defs == nil {
		s.defs = map[string][]*Def{}
	}
	list := s.defs[d.Name]
	// Keep source order by visibility position; appends are almost always in order.
	i := len(list)
	for i > 0 && list[i-1].Pos > d.Pos {
		i--
	}
	list = append(list, nil)
	copy(list[i+1:], list[i:])
	list[i] = d
	s.defs[d.Name] = list
}

// buildScopes walks the file once and records scopes, bindings, calls and
// allow-guards. It is the single pass over the tree that facts come from.
func (f *File) buildScopes() {
	root := f.Tree.Root()
	f.Module = &Scope{Kind: ScopeModule, Node: root, File: f}
	f.scopeOf = make([]*Scope, len(f.Tree.Nodes))
	type frame struct {
		s   *Scope
		end int
	}
	stack := []frame{{f.Module, len(f.Tree.Nodes)}}
	pending := map[int]frame{} // body index -> scope that starts there
	nodes := f.Tree.Nodes
	for i := range nodes {
		for len(stack) > 1 && i >= stack[len(stack)-1].end {
			stack = stack[:len(stack)-1]
		}
		if fr, ok := pending[i]; ok {
			stack = append(stack, fr)
			delete(pending, i)
		}
		cur := stack[len(stack)-1].s
		n := &nodes[i]
		f.scopeOf[i] = cur
		switch n.Kind {
		case KFunctionDefinition, KLambda, KClassDefinition:
			kind := ScopeFunction
			if n.Kind == KLambda {
				kind = ScopeLambda
			} else if n.Kind == KClassDefinition {
				kind = ScopeClass
			}
			if name := n.Field("name"); name != nil {
				dk := DefFunc
				if kind == ScopeClass {
					dk = DefClass
				}
				cur.addDef(&Def{Name: name.Text(), Kind: dk, Target: name, Stmt: n, Pos: n.Start})
			}
			inner := &Scope{Kind: kind, Node: n, Parent: cur, File: f}
			f.scopeNode[n.idx] = inner
			// Decorators, defaults and annotations are evaluated in the
			// enclosing scope; only the body (and lambda body) is inner.
			body := n.Field("body")
			if body == nil {
				continue
			}
			if params := n.Field("parameters"); params != nil {
				f.addParams(inner, params, body.Start)
			}
			if kind == ScopeClass {
				f.Classes = append(f.Classes, inner)
			} else if kind == ScopeFunction {
				f.Funcs = append(f.Funcs, inner)
			}
			// The header (name, defaults, annotations) stays in cur; the
			// body's nodes, visited later in pre-order, land in inner.
			pending[int(body.idx)] = frame{inner, body.subtreeEnd()}
		case KCall:
			cur.calls = append(cur.calls, n)
		case KAssignment:
			f.assignDefs(cur, n)
		case KAugmentedAssignment:
			if l := Unparen(n.Field("left")); l != nil && l.Kind == KIdentifier {
				cur.addDef(&Def{Name: l.Text(), Kind: DefAugment, Target: l, Value: n.Field("right"), Stmt: n, Pos: n.End})
			}
		case KNamedExpression:
			if name := n.Field("name"); name != nil {
				cur.addDef(&Def{Name: name.Text(), Kind: DefAssign, Target: name, Value: n.Field("value"), Stmt: n, Pos: n.End})
			}
		case KFor:
			if body := n.Field("body"); body != nil {
				f.bindTargets(cur, n.Field("left"), n.Field("right"), DefFor, n, body.Start)
			}
		case KWithItem:
			if v := n.Field("value"); v != nil && v.Kind == KAsPattern {
				if t := v.Field("alias"); t != nil {
					stmt := n
					for stmt != nil && stmt.Kind != KWith {
						stmt = stmt.Parent()
					}
					pos := n.End
					if stmt != nil {
						if b := stmt.Field("body"); b != nil {
							pos = b.Start
						}
					}
					f.bindTargets(cur, t.NamedChild(0), v.NamedChild(0), DefWith, n, pos)
				}
			}
		case KImportStatement, KImportFromStatement, KFutureImport:
			f.importDefs(cur, n)
		case KExcept:
			// except E as e: e is bound but carries nothing we track.
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if c.Kind == KAsPattern {
					if t := c.Field("alias"); t != nil {
						if id := t.NamedChild(0); id != nil && id.Kind == KIdentifier {
							cur.addDef(&Def{Name: id.Text(), Kind: DefOther, Target: id, Stmt: n, Pos: id.End})
						}
					}
				}
			}
		case KGlobal, KNonlocal:
			for _, id := range n.NamedChildren() {
				if id.Kind == KIdentifier {
					if cur.global == nil {
						cur.global = map[string]bool{}
					}
					if n.Kind == KGlobal {
						cur.global[id.Text()] = true
					}
				}
			}
		case KIf:
			f.allowGuard(cur, n)
		}
	}
}

func (f *File) addParams(s *Scope, params *Node, pos uint32) {
	idx := 0
	for c := params.FirstChild(); c != nil; c = c.NextSibling() {
		if !c.Named() || c.Kind == KComment {
			continue
		}
		p := &Param{Node: c, Index: idx}
		var id *Node
		switch c.Kind {
		case KIdentifier:
			id = c
		case KTypedParameter:
			id = c.NamedChild(0)
			p.Annotation = c.Field("type")
		case KDefaultParameter:
			id = c.Field("name")
			p.Default = c.Field("value")
		case KTypedDefaultParameter:
			id = c.Field("name")
			p.Annotation = c.Field("type")
			p.Default = c.Field("value")
		case KListSplatPattern, KDictSplatPattern:
			id = c.NamedChild(0)
			p.Splat = true
		default:
			continue // "*" or "/" separators
		}
		if id != nil && (id.Kind == KListSplatPattern || id.Kind == KDictSplatPattern) {
			p.Splat = true
			id = id.NamedChild(0)
		}
		if id == nil || id.Kind != KIdentifier {
			continue
		}
		if p.Annotation != nil && p.Annotation.Kind == KType {
			p.Annotation = p.Annotation.NamedChild(0)
		}
		p.Name = id.Text()
		s.Params = append(s.Params, p)
		s.addDef(&Def{Name: p.Name, Kind: DefParam, Target: id, Stmt: c, Pos: pos, Param: p})
		idx++
	}
}

func (f *File) assignDefs(s *Scope, n *Node) {
	right := n.Field("right")
	// a = b = v: the innermost assignment holds the value. The inner
	// assignments are visited on their own by buildScopes, so each name is
	// bound once.
	for right != nil && right.Kind == KAssignment {
		right = right.Field("right")
	}
	stmt := n
	for stmt.Parent() != nil && stmt.Parent().Kind == KAssignment {
		stmt = stmt.Parent()
	}
	f.bindTargets(s, n.Field("left"), right, DefAssign, stmt, stmt.End)
}

// bindTargets binds every identifier in target (a name, tuple or list pattern)
// from value, element-wise when value is a tuple/list literal of equal arity.
func (f *File) bindTargets(s *Scope, target, value *Node, kind DefKind, stmt *Node, pos uint32) {
	target = Unparen(target)
	if target == nil {
		return
	}
	switch target.Kind {
	case KIdentifier:
		s.addDef(&Def{Name: target.Text(), Kind: kind, Target: target, Value: value, Stmt: stmt, Pos: pos})
	case KPatternList, KTuplePattern, KListPattern, KTuple, KList:
		elems := target.NamedChildren()
		uv := Unparen(value)
		var vals []*Node
		if uv != nil && kind == DefAssign && (uv.Kind == KTuple || uv.Kind == KList || uv.Kind == KExpressionList) {
			vals = uv.NamedChildren()
		}
		for i, e := range elems {
			if e.Kind == KListSplatPattern || e.Kind == KListSplat {
				e = e.NamedChild(0)
			}
			if len(vals) == len(elems) {
				f.bindTargets(s, e, vals[i], kind, stmt, pos)
				continue
			}
			f.bindUnpacked(s, e, value, kind, stmt, pos)
		}
	}
}

func (f *File) bindUnpacked(s *Scope, target, value *Node, kind DefKind, stmt *Node, pos uint32) {
	target = Unparen(target)
	if target == nil {
		return
	}
	if target.Kind == KIdentifier {
		s.addDef(&Def{Name: target.Text(), Kind: kind, Target: target, Value: value, Stmt: stmt, Pos: pos, Unpacked: true})
		return
	}
	for _, e := range target.NamedChildren() {
		if e.Kind == KListSplatPattern || e.Kind == KListSplat {
			e = e.NamedChild(0)
		}
		f.bindUnpacked(s, e, value, kind, stmt, pos)
	}
}

// Position of a target within a tuple-unpacking assignment (0-based), or -1.
func UnpackIndex(d *Def) int {
	t := d.Target
	p := t.Parent()
	if p == nil || !(p.Kind == KPatternList || p.Kind == KTuplePattern || p.Kind == KListPattern) {
		return -1
	}
	for i, e := range p.NamedChildren() {
		if e == t {
			return i
		}
	}
	return -1
}
