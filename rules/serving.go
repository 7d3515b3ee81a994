package rules

import (
	"strconv"
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// Shared predicates of the 2.3.1 model-serving rules AIML226–AIML232.

// ---- AIML232: Seldon send_feedback ---------------------------------------

// feedbackSources232 are the send_feedback parameters AIML232 treats as
// taint sources (the Seldon signature send_feedback(self, features,
// feature_names, reward, truth, routing=None)).
var feedbackSources232 = map[string]bool{"features": true, "truth": true, "reward": true}

// opaque232 are the builtins whose result carries nothing of the value's
// contents (§3.6: len(), isinstance(), type() do not propagate).
var opaque232 = map[string]bool{"builtins.len": true, "builtins.isinstance": true, "builtins.type": true,
	"builtins.id": true, "builtins.hasattr": true, "builtins.callable": true}

// derivesFrom232 reports whether expression e, in SCOPE s, reads one of the
// source parameters of s directly or through the local bindings of s
// (assignments, augmented assignments, for/with targets, walrus), at any
// depth. The engine has no rule-local sources (§3.5 lists AIML232's as
// such), so this is the data dependency the rule needs: any expression that
// reads a source, except through len()/isinstance()/type().
func derivesFrom232(p *Pass, s *Scope, e *Node, sources map[string]bool, seen map[*Def]bool) bool {
	if e == nil {
		return false
	}
	found := false
	e.Walk(func(m *Node) bool {
		if found {
			return false
		}
		switch m.Kind {
		case KFunctionDefinition, KClassDefinition:
			return false
		case KCall:
			if c, _ := p.AsCall(m); opaque232[c.Callee()] {
				return false
			}
		case KIdentifier:
			if !IsNameRead(m) {
				return true
			}
			d := s.DefAt(m.Text(), m.Start)
			if d == nil || seen[d] {
				return true
			}
			seen[d] = true
			switch d.Kind {
			case DefParam:
				found = sources[d.Name]
			case DefAssign, DefFor, DefWith:
				found = derivesFrom232(p, s, d.Value, sources, seen)
			case DefAugment:
				found = derivesFrom232(p, s, d.Value, sources, seen)
				if !found {
					if prev := s.DefAt(d.Name, d.Stmt.Start); prev != nil && prev != d && !seen[prev] {
						found = derivesFrom232(p, s, prev.Target, sources, seen)
					}
				}
			}
		}
		return !found
	})
	return found
}

// ---- AIML226 / AIML227: URLs of serving REST APIs --------------------------

// urlSeg is one piece of a URL built from strings: literal text (dyn nil)
// or a dynamic value.
type urlSeg struct {
	lit string
	dyn *urlValue
}

// urlValue is a value interpolated into a URL.
type urlValue struct {
	expr *Node // the value's expression; nil when it cannot be located
	// fstr is the f-string whose interpolation holds expr (nil for an
	// operand of +, % or .format).
	fstr *Node
	// numeric: formatted with a numeric conversion (%d, {:d}), so it cannot
	// carry path characters.
	numeric bool
	// wrappable: expr can be replaced by a call on it with the same meaning
	// in place (not `{0.attr}`/`{0[k]}` of .format).
	wrappable bool
}

// httpCallee226 is the name of an HTTP-client call: "requests.post" for a
// module function, "httpx.Client.get" for a method on a typed client.
func httpCallee226(c Call) string {
	if m := c.Method(); m != "" {
		if t := c.ReceiverType(); t != "" {
			return t + "." + m
		}
	}
	return c.Callee()
}

// httpURL226 returns the URL argument of an HTTP-client call named q:
// argument 1 (or url=) of request(method, url), else argument 0 (or url=).
func httpURL226(c Call, q string) *Node {
	if strings.HasSuffix(q, ".request") {
		return c.Arg(1, "url")
	}
	return c.Arg(0, "url")
}

// stringBuilt226 reports whether e is written as a string: a literal, an
// f-string, a concatenation, `%` formatting or `.format(...)`.
func stringBuilt226(p *Pass, e *Node) bool {
	e = Unparen(e)
	if e == nil {
		return false
	}
	switch e.Kind {
	case KString, KConcatenatedString:
		return true
	case KBinaryOperator:
		op := e.Field("operator")
		return op != nil && (op.Is("+") || op.Is("%"))
	case KCall:
		c, _ := p.AsCall(e)
		return c.Method() == "format" && stringBuilt226(p, c.Receiver())
	}
	return false
}

// urlSegs226 flattens URL expression e into literal text and interpolated
// values: f-strings, implicit concatenation, `+`, `%` and `.format(...)`,
// following a local variable (or a module-level name assigned once) bound
// to such an expression. Anything else is one opaque value.
func urlSegs226(p *Pass, e *Node, depth int) []urlSeg {
	e = Unparen(e)
	if e == nil {
		return nil
	}
	opaque := []urlSeg{{dyn: &urlValue{expr: e, wrappable: true}}}
	if depth > 8 {
		return opaque
	}
	switch e.Kind {
	case KString:
		if start := e.FirstChild(); start != nil {
			for _, r := range start.Text() {
				if r == 'b' || r == 'B' {
					return opaque
				}
				if r == '"' || r == '\'' {
					break
				}
			}
		}
		var out []urlSeg
		for ch := e.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch {
			case ch.Kind == KStringContent, ch.Type() == "escape_sequence":
				out = append(out, urlSeg{lit: ch.Text()})
			case ch.Kind == KInterpolation:
				x := Unparen(ch.Field("expression"))
				v := &urlValue{expr: x, fstr: e, wrappable: x != nil}
				plain := true
				for sp := ch.FirstChild(); sp != nil; sp = sp.NextSibling() {
					switch sp.Type() {
					case "format_specifier":
						plain = false
						v.numeric = numericSpec226(sp.Text())
					case "type_conversion":
						plain = false
					}
				}
				if x != nil && x.Kind == KIdentifier && plain {
					if b := boundString226(p, x); b != nil {
						// {BASE} bound to a string: its text is part of the URL.
						out = append(out, urlSegs226(p, b, depth+1)...)
						continue
					}
				}
				out = append(out, urlSeg{dyn: v})
			}
		}
		return out
	case KConcatenatedString:
		var out []urlSeg
		for _, s := range e.NamedChildren() {
			out = append(out, urlSegs226(p, s, depth+1)...)
		}
		return out
	case KBinaryOperator:
		op := e.Field("operator")
		switch {
		case op == nil:
		case op.Is("+"):
			return append(urlSegs226(p, e.Field("left"), depth+1), urlSegs226(p, e.Field("right"), depth+1)...)
		case op.Is("%"):
			if segs, ok := percentSegs226(p, e.Field("left"), e.Field("right")); ok {
				return segs
			}
		}
	case KCall:
		c, _ := p.AsCall(e)
		if c.Method() == "format" {
			if segs, ok := formatSegs226(p, c); ok {
				return segs
			}
		}
	case KIdentifier:
		if v := boundString226(p, e); v != nil {
			return urlSegs226(p, v, depth+1)
		}
	}
	return opaque
}

// boundString226 is the string-building expression identifier id is bound
// to: its visible local assignment, or the single module-level assignment of
// a name the current SCOPE does not bind. nil otherwise.
func boundString226(p *Pass, id *Node) *Node {
	s := p.ScopeOf(id)
	var d *Def
	if d = s.DefAt(id.Text(), id.Start); d == nil {
		if s.Binds(id.Text()) {
			return nil
		}
		if defs := p.Module.Defs(id.Text()); len(defs) == 1 {
			d = defs[0]
		}
	}
	if d == nil || d.Kind != DefAssign || d.Unpacked || !stringBuilt226(p, d.Value) {
		return nil
	}
	return d.Value
}

// numericSpec226: a format spec ending in an integer/float presentation type.
func numericSpec226(spec string) bool {
	spec = strings.TrimPrefix(spec, ":")
	if spec == "" {
		return false
	}
	return strings.ContainsRune("bcdoxXneEfFgG%", rune(spec[len(spec)-1]))
}

// literalText226 is the plain text of a str literal (after resolving a
// name bound to one), or ok=false.
func literalText226(p *Pass, e *Node) (string, bool) {
	e = Unparen(e)
	if e != nil && e.Kind == KIdentifier {
		if v := boundString226(p, e); v != nil {
			e = v
		}
	}
	l := LiteralValue(e)
	return l.Str, l.Kind == LitStr
}

// percentSegs226 parses `"<fmt>" % args`: %s-style placeholders take the
// elements of a tuple literal in order (or args itself for one), %(key)s
// the entries of a dict literal. ok is false when a placeholder cannot be
// matched to an argument.
func percentSegs226(p *Pass, left, right *Node) ([]urlSeg, bool) {
	format, ok := literalText226(p, left)
	if !ok {
		return nil, false
	}
	right = Unparen(right)
	var seq []*Node
	if right != nil && right.Kind == KTuple {
		seq = right.NamedChildren()
	} else {
		seq = []*Node{right}
	}
	var out []urlSeg
	var lit strings.Builder
	next := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			lit.WriteByte(format[i])
			continue
		}
		i++
		if i >= len(format) {
			return nil, false
		}
		if format[i] == '%' {
			lit.WriteByte('%')
			continue
		}
		var arg *Node
		if format[i] == '(' {
			end := strings.IndexByte(format[i:], ')')
			if end < 0 || right == nil || right.Kind != KDict {
				return nil, false
			}
			key := format[i+1 : i+end]
			i += end + 1
			for _, pr := range right.NamedChildren() {
				if pr.Kind == KPair && IsStrLiteral(pr.Field("key"), key) {
					arg = pr.Field("value")
				}
			}
		} else {
			if next >= len(seq) {
				return nil, false
			}
			arg = seq[next]
			next++
		}
		for i < len(format) && strings.IndexByte("#0- +.0123456789hlL", format[i]) >= 0 {
			i++
		}
		if i >= len(format) || arg == nil || format[i] == '*' {
			return nil, false
		}
		out = append(out, urlSeg{lit: lit.String()})
		lit.Reset()
		out = append(out, urlSeg{dyn: &urlValue{expr: Unparen(arg), wrappable: true,
			numeric: strings.IndexByte("diouxXeEfFgGc", format[i]) >= 0}})
	}
	return append(out, urlSeg{lit: lit.String()}), true
}

// formatSegs226 parses `"<fmt>".format(args)`: {} / {0} / {name} fields take
// the positional or keyword arguments. ok is false for a field it cannot
// match to an argument.
func formatSegs226(p *Pass, c Call) ([]urlSeg, bool) {
	format, ok := literalText226(p, c.Receiver())
	if !ok || c.HasArgsSplat() || c.HasKwargsSplat() {
		return nil, false
	}
	var out []urlSeg
	var lit strings.Builder
	auto := 0
	for i := 0; i < len(format); i++ {
		ch := format[i]
		switch {
		case ch == '}' && i+1 < len(format) && format[i+1] == '}':
			lit.WriteByte('}')
			i++
			continue
		case ch != '{':
			lit.WriteByte(ch)
			continue
		case i+1 < len(format) && format[i+1] == '{':
			lit.WriteByte('{')
			i++
			continue
		}
		end := strings.IndexByte(format[i:], '}')
		if end < 0 {
			return nil, false
		}
		field := format[i+1 : i+end]
		i += end
		if strings.ContainsRune(field, '{') {
			return nil, false
		}
		name, spec := field, ""
		if k := strings.IndexAny(field, "!:"); k >= 0 {
			name, spec = field[:k], field[k:]
		}
		base := name
		if k := strings.IndexAny(name, ".["); k >= 0 {
			base = name[:k]
		}
		var arg *Node
		switch {
		case base == "":
			arg = c.Pos(auto)
			auto++
		case base[0] >= '0' && base[0] <= '9':
			n, err := strconv.Atoi(base)
			if err != nil {
				return nil, false
			}
			arg = c.Pos(n)
		default:
			arg = c.Kwarg(base)
		}
		if arg == nil {
			return nil, false
		}
		out = append(out, urlSeg{lit: lit.String()})
		lit.Reset()
		_, fmtSpec, _ := strings.Cut(spec, ":")
		out = append(out, urlSeg{dyn: &urlValue{expr: Unparen(arg), wrappable: base == name && !strings.Contains(spec, "!"),
			numeric: fmtSpec != "" && numericSpec226(fmtSpec)}})
	}
	return append(out, urlSeg{lit: lit.String()}), true
}

// mergeSegs226 joins adjacent literal pieces.
func mergeSegs226(segs []urlSeg) []urlSeg {
	var out []urlSeg
	for _, s := range segs {
		if s.dyn == nil && len(out) > 0 && out[len(out)-1].dyn == nil {
			out[len(out)-1].lit += s.lit
			continue
		}
		out = append(out, s)
	}
	return out
}
