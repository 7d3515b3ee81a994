package rules

import (
	"regexp"
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// MLflow model URIs, shared by AIML216 (the request controls the URI) and
// AIML236 (the request picks only the version, stage or alias of a fixed
// registered model): one predicate splits them, so the two rules never
// report the same URI and never both step aside (§4 row 10).

// mlflowVersionPrefix: the literal text before the request part is exactly
// `models:/<name>/` or `models:/<name>@`.
var mlflowVersionPrefix = regexp.MustCompile(`^models:/[^/@{}%\s]+[/@]$`)

// mlflowModelURI is the model URI argument of an MLflow loader call, or nil:
// positional 0 / model_uri= of mlflow.<flavor>.load_model, positional 1 /
// model_uri= of mlflow.pyfunc.spark_udf.
func mlflowModelURI(c Call) *Node {
	q := c.Callee()
	if c.Is("mlflow.pyfunc.spark_udf") {
		return c.Arg(1, "model_uri")
	}
	if flavor, ok := strings.CutSuffix(strings.TrimPrefix(q, "mlflow."), ".load_model"); ok && strings.HasPrefix(q, "mlflow.") &&
		flavor != "" && !strings.Contains(flavor, ".") {
		return c.Arg(0, "model_uri")
	}
	return nil
}

// mlflowVersionOnly reports whether uri is built as a literal
// `models:/<name>/` or `models:/<name>@` followed by the request part: an
// f-string, `+` concatenation, `.format` or `%` on such a literal, possibly
// through a local variable. Module-level str constants count as literal
// text.
func mlflowVersionOnly(p *Pass, uri *Node, depth int) bool {
	uri = Unparen(uri)
	if uri == nil || depth > 3 {
		return false
	}
	if uri.Kind == KIdentifier {
		s := p.ScopeOf(uri)
		d := s.DefAt(uri.Text(), uri.Start)
		if d == nil || d.Kind != DefAssign || d.Unpacked {
			return false
		}
		return mlflowVersionOnly(p, d.Value, depth+1)
	}
	prefix, ok := mlflowTaintedPrefix(p, uri)
	return ok && mlflowVersionPrefix.MatchString(prefix)
}

// mlflowTaintedPrefix is the literal text of a string-building expression
// before its first web-tainted part; ok is false when a part before it is
// not literal or nothing is tainted.
func mlflowTaintedPrefix(p *Pass, e *Node) (string, bool) {
	var b strings.Builder
	var walk func(e *Node) (done, ok bool)
	walk = func(e *Node) (done, ok bool) {
		e = Unparen(e)
		if e == nil {
			return true, false
		}
		if p.Taint(e, nil)&WebTaint == 0 {
			s, lit := mlflowConstText(p, e)
			if !lit {
				return true, false
			}
			b.WriteString(s)
			return false, true
		}
		switch e.Kind {
		case KString:
			for ch := e.FirstChild(); ch != nil; ch = ch.NextSibling() {
				switch {
				case ch.Kind == KStringContent || ch.Type() == "escape_sequence":
					b.WriteString(ch.Text())
				case ch.Kind == KInterpolation:
					if done, ok := walk(ch.Field("expression")); done {
						return true, ok
					}
				}
			}
			return false, true
		case KConcatenatedString:
			for _, part := range e.NamedChildren() {
				if done, ok := walk(part); done {
					return true, ok
				}
			}
			return false, true
		case KBinaryOperator:
			if op := e.Field("operator"); op != nil && op.Is("+") {
				if done, ok := walk(e.Field("left")); done {
					return true, ok
				}
				return walk(e.Field("right"))
			}
			if op := e.Field("operator"); op != nil && op.Is("%") {
				if s, lit := mlflowConstText(p, e.Field("left")); lit {
					before, _, _ := strings.Cut(s, "%")
					b.WriteString(before)
					return true, true
				}
			}
			return true, false
		case KCall:
			c, _ := p.AsCall(e)
			if c.Method() == "format" {
				if s, lit := mlflowConstText(p, c.Receiver()); lit {
					before, _, _ := strings.Cut(s, "{")
					b.WriteString(before)
					return true, true
				}
			}
		}
		return true, true // the first tainted part
	}
	_, ok := walk(e)
	return b.String(), ok
}

// mlflowConstText is the text of a plain str literal or of a module-level name
// bound once to one.
func mlflowConstText(p *Pass, e *Node) (string, bool) {
	e = Unparen(e)
	if e == nil {
		return "", false
	}
	if e.Kind == KIdentifier {
		s := p.ScopeOf(e)
		if s.Binds(e.Text()) && s != p.Module {
			return "", false
		}
		defs := p.Module.Defs(e.Text())
		if len(defs) != 1 || defs[0].Kind != DefAssign || defs[0].Unpacked {
			return "", false
		}
		e = Unparen(defs[0].Value)
	}
	l := LiteralValue(e)
	if l.Kind != LitStr {
		return "", false
	}
	return l.Str, true
}
