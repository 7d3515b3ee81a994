package analyzer

import (
	"strconv"
	"strings"
)

// importDefs records the bindings an import statement makes:
//
//	import a.b.c        -> a = "a"
//	import a.b as c     -> c = "a.b"
//	from x import y as z -> z = "x.y"
//	from . import y     -> y = ".y" (relative names never match a library)
func (f *File) importDefs(s *Scope, n *Node) {
	pos := n.End
	if n.Kind == KImportStatement {
		for _, c := range n.FieldAll("name") {
			switch c.Kind {
			case KDottedName:
				full := c.Text()
				first := full
				if i := strings.IndexByte(full, '.'); i >= 0 {
					first = full[:i]
				}
				s.addDef(&Def{Name: first, Kind: DefImport, Target: c, Stmt: n, Pos: pos, Import: first})
			case KAliasedImport:
				name, alias := c.Field("name"), c.Field("alias")
				if name != nil && alias != nil {
					s.addDef(&Def{Name: alias.Text(), Kind: DefImport, Target: alias, Stmt: n, Pos: pos, Import: canonicalQualname(compact(name.Text()))})
				}
			}
		}
		return
	}
	if n.Kind != KImportFromStatement {
		return
	}
	mod := ""
	if m := n.Field("module_name"); m != nil {
		mod = compact(m.Text())
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind == KWildcardImport {
			f.stars = append(f.stars, mod)
		}
	}
	join := func(name string) string {
		if strings.HasSuffix(mod, ".") {
			return mod + name
		}
		return canonicalQualname(mod + "." + name) // defining module -> re-exporting package
	}
	for _, c := range n.FieldAll("name") {
		switch c.Kind {
		case KDottedName:
			s.addDef(&Def{Name: c.Text(), Kind: DefImport, Target: c, Stmt: n, Pos: pos, Import: join(compact(c.Text()))})
		case KAliasedImport:
			name, alias := c.Field("name"), c.Field("alias")
			if name != nil && alias != nil {
				s.addDef(&Def{Name: alias.Text(), Kind: DefImport, Target: alias, Stmt: n, Pos: pos, Import: join(compact(name.Text()))})
			}
		}
	}
}

// compact removes whitespace inside a dotted name (a . b -> a.b).
func compact(s string) string { return strings.Join(strings.Fields(s), "") }

func (f *File) starImports() []string { return f.stars }

// Qualname resolves a name or attribute chain to the qualified name it
// refers to through imports: `pd.read_csv` -> "pandas.read_csv" after
// `import pandas as pd`. Builtins resolve to "builtins.X". It returns ""
// for locals, parameters, attributes of values, and anything ambiguous.
func (f *File) Qualname(n *Node) string {
	n = Unparen(n)
	if n == nil || (n.Kind != KIdentifier && n.Kind != KAttribute) {
		return ""
	}
	// Every rule asks for the callee of every call: resolve each node once.
	// qualCache holds 1 + the index of the name in qualNames (0: not yet).
	if f.qualCache == nil {
		f.qualCache = make([]int32, len(f.Tree.Nodes))
	}
	if k := f.qualCache[n.idx]; k > 0 {
		return f.qualNames[k-1]
	}
	q := f.qualname(n)
	f.qualNames = append(f.qualNames, q)
	f.qualCache[n.idx] = int32(len(f.qualNames))
	return q
}

func (f *File) qualname(n *Node) string {
	switch n.Kind {
	case KIdentifier:
		return f.nameQualname(n.Text(), f.ScopeOf(n), n.Start, 0)
	case KAttribute:
		obj := f.Qualname(n.Field("object"))
		attr := n.Field("attribute")
		if obj == "" || attr == nil {
			return ""
		}
		return canonicalQualname(obj + "." + attr.Text())
	}
	return ""
}

func (f *File) nameQualname(name string, s *Scope, pos uint32, depth int) string {
	if depth > 8 {
		return ""
	}
	sc := s.lookupScope(name)
	if sc == nil {
		if len(f.stars) == 1 && !builtins[name] {
			return canonicalQualname(f.stars[0] + "." + name)
		}
		if builtins[name] {
			return "builtins." + name
		}
		return ""
	}
	var d *Def
	if sc == s {
		d = s.DefAt(name, pos)
		if d == nil {
			return ""
		}
	} else {
		d = sc.soleBinding(name)
		if d == nil {
			return ""
		}
	}
	switch d.Kind {
	case DefImport:
		return d.Import
	case DefAssign:
		// An alias of an imported name: reader = pd.read_csv.
		v := Unparen(d.Value)
		if v != nil && !d.Unpacked && (v.Kind == KIdentifier || v.Kind == KAttribute) {
			if v.Kind == KIdentifier {
				return f.nameQualname(v.Text(), f.ScopeOf(v), v.Start, depth+1)
			}
			return f.Qualname(v)
		}
	}
	return ""
}

// soleBinding is the binding of name seen from a nested scope: the single
// meaningful binding, ignoring `name = None` fallbacks (try: import x /
// except ImportError: x = None). nil when bindings disagree.
func (s *Scope) soleBinding(name string) *Def {
	var found *Def
	for _, d := range s.defs[name] {
		if d.Kind == DefAssign && d.Value != nil && Unparen(d.Value).Kind == KNone {
			continue
		}
		if found == nil {
			found = d
			continue
		}
		if found.Kind == DefImport && d.Kind == DefImport {
			continue // try: import ujson as json / except: import json
		}
		return nil
	}
	return found
}

var builtins = map[string]bool{}

func init() {
	for _, b := range strings.Fields(`abs all any ascii bin bool breakpoint bytearray bytes callable chr
	classmethod compile complex delattr dict dir divmod enumerate eval exec filter float format
	frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len
	list locals map max memoryview min next object oct open ord pow print property range repr
	reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip
	__import__ __name__ __file__ __doc__ __spec__ __builtins__ NotImplemented Ellipsis
	BaseException Exception ArithmeticError AssertionError AttributeError EOFError
	FileExistsError FileNotFoundError ImportError IndexError KeyError LookupError MemoryError
	ModuleNotFoundError NameError NotImplementedError OSError OverflowError PermissionError
	RecursionError RuntimeError StopIteration TimeoutError TypeError UnicodeDecodeError
	ValueError ZeroDivisionError ConnectionError IOError Warning UserWarning DeprecationWarning
	RuntimeWarning`) {
		builtins[b] = true
	}
}

// Literal is the value of a literal expression.
type Literal struct {
	Kind  LiteralKind
	Str   string  // str and bytes contents (escapes left as written)
	Num   float64 // int and float
	Bool  bool
	Elems []Literal // tuple, list, set; dict as key, value pairs
}

// LiteralKind classifies Literal.
type LiteralKind uint8

const (
	NotLiteral LiteralKind = iota
	LitStr
	LitBytes
	LitInt
	LitFloat
	LitBool
	LitNone
	LitTuple
	LitList
	LitSet
	LitDict
)

// LiteralValue evaluates str/bytes/number/bool/None literals and tuple,
// list, set and dict literals of them. f-strings and concatenations with
// interpolations are not literals.
func LiteralValue(n *Node) Literal {
	n = Unparen(n)
	if n == nil {
		return Literal{}
	}
	switch n.Kind {
	case KString:
		s, bytes, ok := stringValue(n)
		if !ok {
			return Literal{}
		}
		if bytes {
			return Literal{Kind: LitBytes, Str: s}
		}
		return Literal{Kind: LitStr, Str: s}
	case KConcatenatedString:
		var b strings.Builder
		for _, c := range n.NamedChildren() {
			s, _, ok := stringValue(c)
			if !ok {
				return Literal{}
			}
			b.WriteString(s)
		}
		return Literal{Kind: LitStr, Str: b.String()}
	case KInteger:
		t := strings.ReplaceAll(strings.TrimRight(n.Text(), "lLjJ"), "_", "")
		v, err := strconv.ParseInt(t, 0, 64)
		if err != nil {
			return Literal{Kind: LitInt}
		}
		return Literal{Kind: LitInt, Num: float64(v)}
	case KFloat:
		v, _ := strconv.ParseFloat(strings.ReplaceAll(n.Text(), "_", ""), 64)
		return Literal{Kind: LitFloat, Num: v}
	case KTrue:
		return Literal{Kind: LitBool, Bool: true}
	case KFalse:
		return Literal{Kind: LitBool}
	case KNone:
		return Literal{Kind: LitNone}
	case KUnaryOperator:
		if l := LiteralValue(n.Field("argument")); (l.Kind == LitInt || l.Kind == LitFloat) && n.FirstChild().Is("-") {
			l.Num = -l.Num
			return l
		}
	case KTuple, KList, KSet, KDict:
		kind := map[Kind]LiteralKind{KTuple: LitTuple, KList: LitList, KSet: LitSet, KDict: LitDict}[n.Kind]
		out := Literal{Kind: kind}
		for _, c := range n.NamedChildren() {
			if c.Kind == KPair {
				k, v := LiteralValue(c.Field("key")), LiteralValue(c.Field("value"))
				if k.Kind == NotLiteral || v.Kind == NotLiteral {
					return Literal{}
				}
				out.Elems = append(out.Elems, k, v)
				continue
			}
			e := LiteralValue(c)
			if e.Kind == NotLiteral {
				return Literal{}
			}
			out.Elems = append(out.Elems, e)
		}
		return out
	}
	return Literal{}
}

// stringValue returns the contents of a plain string node; ok is false for
// f-strings with interpolations.
func stringValue(n *Node) (s string, isBytes, ok bool) {
	if n.Kind != KString {
		return "", false, false
	}
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind {
		case KInterpolation:
			return "", false, false
		case KStringContent:
			b.WriteString(c.Text())
		default:
			if c.Type() == "escape_sequence" {
				b.WriteString(c.Text())
			}
		}
	}
	if start := n.FirstChild(); start != nil {
		prefix := strings.ToLower(strings.TrimRight(start.Text(), `"'`))
		isBytes = strings.Contains(prefix, "b")
	}
	return b.String(), isBytes, true
}

// IsStrLiteral reports whether n is a plain str literal equal to one of want
// (any str literal when want is empty).
func IsStrLiteral(n *Node, want ...string) bool {
	l := LiteralValue(n)
	if l.Kind != LitStr {
		return false
	}
	if len(want) == 0 {
		return true
	}
	for _, w := range want {
		if l.Str == w {
			return true
		}
	}
	return false
}

// IsTrue reports whether n is the literal True.
func IsTrue(n *Node) bool { n = Unparen(n); return n != nil && n.Kind == KTrue }

// SameExpression reports whether a and b are textually identical after
// removing whitespace and comments.
func SameExpression(a, b *Node) bool {
	if a == nil || b == nil {
		return false
	}
	return normalizedText(a) == normalizedText(b)
}

func normalizedText(n *Node) string {
	var b strings.Builder
	last := uint32(n.Start)
	src := n.tree.Src
	n.Walk(func(c *Node) bool {
		if c.Kind == KComment {
			b.WriteString(squeeze(string(src[last:c.Start])))
			last = c.End
			return false
		}
		return true
	})
	b.WriteString(squeeze(string(src[last:n.End])))
	return b.String()
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\\':
			return -1
		}
		return r
	}, s)
}

// LiteralPrefix returns the literal text of a str literal or f-string up to
// its first interpolation; ok is false for anything else (names, bytes).
func LiteralPrefix(n *Node) (string, bool) {
	n = Unparen(n)
	if n == nil {
		return "", false
	}
	parts := []*Node{n}
	switch n.Kind {
	case KConcatenatedString:
		parts = n.NamedChildren()
	case KString:
	default:
		return "", false
	}
	var b strings.Builder
	for _, s := range parts {
		if s.Kind != KString {
			return "", false
		}
		if start := s.FirstChild(); start != nil && strings.ContainsAny(strings.TrimRight(start.Text(), `"'`), "bB") {
			return "", false
		}
		for c := s.FirstChild(); c != nil; c = c.NextSibling() {
			switch {
			case c.Kind == KInterpolation:
				return b.String(), true
			case c.Kind == KStringContent, c.Type() == "escape_sequence":
				b.WriteString(c.Text())
			}
		}
	}
	return b.String(), true
}
