package analyzer

import (
	"path"
	"strings"
)

// WW-PATH, the shared world-writable-path predicate of §3.8.

// worldWritableDirs are the shared temp directories any local user can write.
var worldWritableDirs = []string{"/tmp", "/var/tmp", "/dev/shm"}

// Callables whose result is the shared temp directory itself.
var tempDirCalls = []string{"tempfile.gettempdir", "tempfile.gettempdirb"}

// Path builders whose leading argument is the leading path component.
var (
	pathJoinCalls = []string{"os.path.join", "posixpath.join"}
	pathCtorCalls = []string{"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.PurePosixPath"}
)

// IsWorldWritablePath reports whether expr is a WW-PATH (§3.8): a str
// literal, f-string, os.path.join(...), pathlib.Path(...) or Path `/`
// expression whose leading literal component normalises to /tmp, /var/tmp or
// /dev/shm or a path below them, or a join onto tempfile.gettempdir(). A
// name is followed to its value when it has a single visible binding (the
// latest plain assignment in the same SCOPE, or a module-level name assigned
// exactly once), as receiver typing does (§3.4). Results of mkdtemp(),
// mkstemp(), NamedTemporaryFile(), TemporaryDirectory(), parameters, relative
// and home paths are never WW-PATH. file:// URLs are not paths here; see
// IsWorldWritableFileURL.
func (f *File) IsWorldWritablePath(expr *Node) bool {
	return f.WorldWritableRoot(expr) != nil
}

// IsWorldWritableFileURL reports whether expr is a str literal or f-string
// `file://<path>` whose path part is a WW-PATH (for the rules where "a
// file:// URL with such a path counts").
func (f *File) IsWorldWritableFileURL(expr *Node) bool {
	return f.wwRoot(expr, 0, true) != nil
}

// WorldWritableRoot returns the node that makes expr a WW-PATH — the string
// literal (or f-string) whose leading component is in a world-writable
// directory, or the tempfile.gettempdir() call — or nil when expr is not a
// WW-PATH. Rules that report "at the literal" use it.
func (f *File) WorldWritableRoot(expr *Node) *Node { return f.wwRoot(expr, 0, false) }

func (f *File) wwRoot(n *Node, depth int, fileURL bool) *Node {
	n = Unparen(n)
	if n == nil || depth > 16 {
		return nil
	}
	switch n.Kind {
	case KString, KConcatenatedString:
		lead, whole, ok := leadingLiteral(n)
		if !ok {
			return nil
		}
		if fileURL {
			rest, found := strings.CutPrefix(lead, "file://")
			if !found {
				return nil
			}
			if h, p, cut := strings.Cut(rest, "/"); cut && (h == "" || h == "localhost") {
				rest = "/" + p
			} else {
				return nil
			}
			lead = rest
		}
		if isWorldWritableLead(lead, whole) {
			return n
		}
	case KIdentifier:
		if v := f.soleAssignedValue(n); v != nil {
			return f.wwRoot(v, depth+1, fileURL)
		}
	case KCall:
		if fileURL {
			return nil
		}
		c, _ := f.AsCall(n)
		switch {
		case c.Is(tempDirCalls...):
			return n
		case c.Is(pathJoinCalls...), c.Is(pathCtorCalls...):
			if c.Args == nil {
				return nil
			}
			args := c.Positional()
			if len(args) == 0 || len(args) != len(c.Args.NamedChildren()) {
				return nil // no argument, or a splat / keyword we cannot place
			}
			return f.joinRoot(args, depth)
		}
	case KBinaryOperator:
		if fileURL {
			return nil
		}
		if op := n.Field("operator"); op == nil || !op.Is("/") {
			return nil
		}
		// The left operand must itself be a path (Path(...) / "x" / name).
		left := Unparen(n.Field("left"))
		if left == nil || left.Kind == KString || left.Kind == KConcatenatedString {
			return nil
		}
		return f.joinRoot([]*Node{left, n.Field("right")}, depth)
	}
	return nil
}

// joinRoot evaluates a path join: a later absolute literal part restarts
// the path, otherwise the leading part decides.
func (f *File) joinRoot(parts []*Node, depth int) *Node {
	start := 0
	for i := len(parts) - 1; i > 0; i-- {
		if l := LiteralValue(parts[i]); l.Kind == LitStr && strings.HasPrefix(l.Str, "/") {
			start = i
			break
		}
	}
	return f.wwRoot(parts[start], depth+1, false)
}

// leadingLiteral returns the literal text of a str literal or f-string up to
// its first interpolation, and whole=true when there is no interpolation.
// Bytes literals are not str paths.
func leadingLiteral(n *Node) (lead string, whole, ok bool) {
	parts := []*Node{n}
	if n.Kind == KConcatenatedString {
		parts = n.NamedChildren()
	}
	var b strings.Builder
	for _, s := range parts {
		if s.Kind != KString {
			return "", false, false
		}
		if start := s.FirstChild(); start != nil {
			prefix := strings.ToLower(strings.TrimRight(start.Text(), `"'`))
			if strings.Contains(prefix, "b") {
				return "", false, false
			}
		}
		for c := s.FirstChild(); c != nil; c = c.NextSibling() {
			switch {
			case c.Kind == KInterpolation:
				return b.String(), false, true
			case c.Kind == KStringContent, c.Type() == "escape_sequence":
				b.WriteString(c.Text())
			}
		}
	}
	return b.String(), true, true
}

// isWorldWritableLead: the leading literal normalises to a world-writable
// directory or a path below one. When an interpolation follows (whole is
// false) a partial last component ("/tmp/model_{v}") does not count, so
// only its directory is considered ("/tmp{x}" stays unknown).
func isWorldWritableLead(lead string, whole bool) bool {
	if !strings.HasPrefix(lead, "/") {
		return false // relative, ~ and URL paths
	}
	p := lead
	if !whole && !strings.HasSuffix(p, "/") {
		p = path.Dir(p)
	}
	p = path.Clean(p)
	for _, d := range worldWritableDirs {
		if p == d || strings.HasPrefix(p, d+"/") {
			return true
		}
	}
	return false
}

// soleAssignedValue is the value of the single binding of name n that
// §3.4 would use for typing: the latest plain assignment in n's own SCOPE,
// or a module-level name assigned exactly once. nil for parameters,
// unpacked targets, with/for bindings, imports and anything else.
func (f *File) soleAssignedValue(n *Node) *Node {
	d := f.typingDef(n)
	if d == nil || d.Kind != DefAssign || d.Unpacked {
		return nil
	}
	return d.Value
}
