package analyzer

import "strings"

// Keyword-argument and from-import edit builders (§5.5, primitive 6:
// "keyword added/replaced", "add import"), and the argument lookup that
// tells an absent argument from one a splat may pass.

// LookupArg is Arg with absence made explicit. It returns the argument
// (positional i when i >= 0, else the first of the keywords names present)
// with known=true; nil with known=true when the call certainly does not
// pass it; and nil with known=false when it cannot be known: a `**kwargs`
// splat may pass the keyword, or a `*args` splat the position.
func (c Call) LookupArg(i int, names ...string) (arg *Node, known bool) {
	if a := c.Arg(i, names...); a != nil {
		return a, true
	}
	if c.Args == nil {
		return nil, false // f(x for x in y): only the generator is passed
	}
	if c.HasKwargsSplat() && len(names) > 0 || i >= 0 && c.HasArgsSplat() {
		return nil, false
	}
	return nil, true
}

// SetKeyword returns the edit that makes call c pass `name=value`: the value
// of an existing `name=` keyword is replaced; otherwise the keyword is
// appended after the last argument (on a line of its own, with a trailing
// comma, when the call already ends with a trailing comma before a closing
// parenthesis on a later line). ok is false for a call without an argument
// list (a generator-argument call).
func SetKeyword(c Call, name, value string) (Edit, bool) {
	if kw := c.Keyword(name); kw != nil {
		if v := kw.Field("value"); v != nil {
			return ReplaceNode(v, value), true
		}
		return Edit{}, false
	}
	if c.Args == nil {
		return Edit{}, false
	}
	var last, comma, closing *Node
	for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
		switch {
		case a.Kind == KComment:
		case a.Named():
			last, comma = a, nil
		case a.Is(","):
			comma = a
		case a.Is(")"):
			closing = a
		}
	}
	if closing == nil {
		return Edit{}, false
	}
	kw := name + "=" + value
	if last == nil {
		return Edit{Start: closing.Start, End: closing.Start, NewText: kw}, true
	}
	t := c.Node.tree
	if comma != nil {
		commaLine, _ := t.Position(comma.Start)
		if closeLine, _ := t.Position(closing.Start); closeLine > commaLine {
			at := t.lineEndBeforeCR(commaLine) // after a comment that follows the comma
			return Edit{Start: at, End: at, NewText: t.Newline() + Indent(last) + kw + ","}, true
		}
	}
	return Edit{Start: last.End, End: last.End, NewText: ", " + kw}, true
}

// RemoveKeyword returns the edit deleting keyword argument kw together with
// the comma that separates it from its neighbour.
func RemoveKeyword(kw *Node) Edit {
	t := kw.Tree()
	var prev *Node
	commentBetween := false
	for a := kw.Parent().FirstChild(); a != nil && a != kw; a = a.NextSibling() {
		switch {
		case a.Kind == KComment:
			commentBetween = prev != nil
		case a.Named():
			prev, commentBetween = a, false
		}
	}
	if prev != nil && !commentBetween {
		return Edit{Start: prev.End, End: kw.End} // ", kw=v"
	}
	src := t.Src
	start, end := kw.Start, kw.End
	if nx := kw.NextSibling(); nx != nil && nx.Is(",") {
		end = nx.End
		for int(end) < len(src) && (src[end] == ' ' || src[end] == '\t') {
			end++
		}
	}
	// A keyword alone on its line takes the line with it.
	if ls := t.LineStart(kw.Line()); strings.TrimLeft(string(src[ls:start]), " \t") == "" && int(end) < len(src) && src[end] == '\n' {
		start, end = ls, end+1
	}
	return Edit{Start: start, End: end} // "kw=v, "
}
