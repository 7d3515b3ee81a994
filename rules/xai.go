package rules

import (
	"sort"
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// Shared helpers of the explainability batch (AIML271–AIML280, section
// 2.4.2). Every helper name ends in XAI or in the number of the one rule
// that owns it.

// qualClassXAI splits a qualified class name into its package path and the
// class name: "shap.explainers._kernel.KernelExplainer" -> ("shap.explainers._kernel",
// "KernelExplainer"). ok is false for a name without a dot.
func qualClassXAI(q string) (pkg, name string, ok bool) {
	i := strings.LastIndexByte(q, '.')
	if i <= 0 {
		return "", "", false
	}
	return q[:i], q[i+1:], true
}

// underXAI reports whether pkg is root or one of its submodules, public or
// private ("captum.attr", "captum.attr._core.integrated_gradients").
func underXAI(pkg, root string) bool {
	return pkg == root || strings.HasPrefix(pkg, root+".")
}

// isNoneXAI reports whether n is the literal None.
func isNoneXAI(n *Node) bool { return LiteralValue(n).Kind == LitNone }

// structuralKeyXAI is a canonical text for a literal used to compare two
// literals for structural equality: a list/tuple of dict literals compares
// equal whatever the order of the dicts' keys and of the list's elements
// (a group definition is a set of alternatives). ok is false when n is not
// built only of literals.
func structuralKeyXAI(n *Node) (string, bool) {
	n = Unparen(n)
	if n == nil {
		return "", false
	}
	switch n.Kind {
	case KList, KTuple:
		var parts []string
		for _, e := range n.NamedChildren() {
			if e.Kind == KComment {
				continue
			}
			k, ok := structuralKeyXAI(e)
			if !ok {
				return "", false
			}
			parts = append(parts, k)
		}
		sort.Strings(parts)
		return "[" + strings.Join(parts, ",") + "]", true
	case KDict:
		var parts []string
		for _, e := range n.NamedChildren() {
			if e.Kind == KComment {
				continue
			}
			if e.Kind != KPair {
				return "", false // **splat
			}
			k, ok1 := structuralKeyXAI(e.Field("key"))
			v, ok2 := structuralKeyXAI(e.Field("value"))
			if !ok1 || !ok2 {
				return "", false
			}
			parts = append(parts, k+":"+v)
		}
		sort.Strings(parts)
		return "{" + strings.Join(parts, ",") + "}", true
	}
	l := LiteralValue(n)
	switch l.Kind {
	case LitStr:
		return "s" + strconvQuoteXAI(l.Str), true
	case NotLiteral:
		return "", false
	}
	return "v" + strings.Join(strings.Fields(n.Text()), ""), true
}

func strconvQuoteXAI(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

// removeKeywordsXAI deletes the keyword arguments drop of call c in one
// fix: runs of adjacent dropped arguments are removed together, so the
// edits never overlap. A run alone on its lines goes with those lines,
// including the trailing commas and the comments on them. ok is false
// when a comment sits inside a span to remove within a line.
func removeKeywordsXAI(c Call, drop []*Node) ([]Edit, bool) {
	if c.Args == nil || len(drop) == 0 {
		return nil, false
	}
	dropped := map[*Node]bool{}
	for _, kw := range drop {
		dropped[kw] = true
	}
	var args []*Node // arguments and comments, in order
	for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
		if a.Named() {
			args = append(args, a)
		}
	}
	var edits []Edit
	var prev *Node // the last kept argument before the current run
	for i := 0; i < len(args); {
		a := args[i]
		if a.Kind == KComment {
			i++
			continue
		}
		if !dropped[a] {
			prev = a
			i++
			continue
		}
		first, last := a, a
		j := i + 1
		for ; j < len(args) && (dropped[args[j]] || args[j].Kind == KComment); j++ {
			if args[j].Kind != KComment {
				last = args[j]
			}
		}
		e, ok := removeRunXAI(c, first, last, prev)
		if !ok {
			return nil, false
		}
		edits = append(edits, e)
		i = j
	}
	return edits, len(edits) > 0
}

// removeRunXAI removes the arguments first..last (prev is the kept
// argument before them, or nil).
func removeRunXAI(c Call, first, last, prev *Node) (Edit, bool) {
	t := c.Node.Tree()
	src := t.Src
	hasComment := func(from, to uint32) bool {
		for a := c.Args.FirstChild(); a != nil; a = a.NextSibling() {
			if a.Kind == KComment && a.Start >= from && a.End <= to {
				return true
			}
		}
		return false
	}
	// Own lines: only blanks before first on its line, and after last only
	// an optional comma and comment up to the end of the line.
	ls := t.LineStart(first.Line())
	if strings.TrimLeft(string(src[ls:first.Start]), " \t") == "" {
		end := int(last.End)
		skip := func() {
			for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
				end++
			}
		}
		skip()
		if end < len(src) && src[end] == ',' {
			end++
		}
		skip()
		if end < len(src) && src[end] == '#' {
			for end < len(src) && src[end] != '\n' {
				end++
			}
		}
		if end < len(src) && src[end] == '\n' {
			// the lines hold only the dropped arguments and their comments
			return Edit{Start: ls, End: uint32(end + 1)}, true
		}
	}
	if prev != nil {
		if hasComment(prev.End, last.End) {
			return Edit{}, false
		}
		return Edit{Start: prev.End, End: last.End}, true // ", kw=v, kw2=w"
	}
	start, end := first.Start, int(last.End)
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	if end < len(src) && src[end] == ',' {
		end++
		for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
			end++
		}
	}
	if hasComment(start, uint32(end)) {
		return Edit{}, false
	}
	return Edit{Start: start, End: uint32(end)}, true // "kw=v, "
}
