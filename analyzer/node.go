package analyzer

import (
	"bytes"
	"sort"
	"unsafe"
)

// Kind is a node kind of the tree-sitter Python grammar ("call", "identifier", …).
// Grammar aliases that share a name share a Kind.
type Kind uint16

// Node is one syntax node. Nodes live in one slice per file, in pre-order,
// so a whole-file traversal is a loop and navigation is index arithmetic.
// The layout mirrors pg_node in flatten.go.
type Node struct {
	Kind   Kind
	field  uint16
	flags  uint8
	Start  uint32 // byte offset, inclusive
	End    uint32 // byte offset, exclusive
	parent int32
	first  int32
	next   int32
	idx    int32 // position in Tree.Nodes
	tree   *Tree
}

const (
	flagNamed   = 1
	flagMissing = 2
)

// Tree is a parsed file: its source, its nodes and a line table.
type Tree struct {
	Src        []byte // never modified after parsing: Node.Text aliases it
	Nodes      []Node
	lines      []uint32 // byte offset of the start of each line
	hasError   bool     // the parser recovered from a syntax error somewhere
	indentUnit string   // cached IndentUnit
}

func newTree(src []byte, nodes []Node) *Tree {
	t := &Tree{Src: src, Nodes: nodes}
	for i := range t.Nodes {
		n := &t.Nodes[i]
		n.tree = t
		n.idx = int32(i)
		if int(n.Kind) < len(symbolKind) {
			n.Kind = symbolKind[n.Kind]
		} else {
			n.Kind = KError // tree-sitter's builtin error symbol is 0xFFFF
		}
	}
	t.lines = append(make([]uint32, 0, bytes.Count(src, []byte{'\n'})+1), 0)
	for i, b := range src {
		if b == '\n' {
			t.lines = append(t.lines, uint32(i+1))
		}
	}
	return t
}

// Root is the module node.
func (t *Tree) Root() *Node {
	if len(t.Nodes) == 0 {
		return nil
	}
	return &t.Nodes[0]
}

// Position converts a byte offset to a 1-based line and 1-based byte column.
func (t *Tree) Position(off uint32) (line, col int) {
	i := sort.Search(len(t.lines), func(i int) bool { return t.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, int(off-t.lines[i]) + 1
}

// LineStart is the byte offset where 1-based line starts.
func (t *Tree) LineStart(line int) uint32 {
	if line < 1 {
		return 0
	}
	if line > len(t.lines) {
		return uint32(len(t.Src))
	}
	return t.lines[line-1]
}

// LineEnd is the byte offset of the newline ending 1-based line (or EOF).
func (t *Tree) LineEnd(line int) uint32 {
	if line >= len(t.lines) {
		return uint32(len(t.Src))
	}
	return t.lines[line] - 1
}

// Index is n's position in Tree.Nodes (pre-order).
func (n *Node) Index() int { return int(n.idx) }

func (n *Node) node(i int32) *Node {
	if i < 0 {
		return nil
	}
	return &n.tree.Nodes[i]
}

// Tree is the tree n belongs to.
func (n *Node) Tree() *Tree { return n.tree }

// Type is the grammar name of n's kind.
func (n *Node) Type() string { return kindNames[n.Kind] }

// Named reports whether n is a named node (not punctuation or a keyword).
func (n *Node) Named() bool { return n.flags&flagNamed != 0 }

// Missing reports whether the parser inserted n to recover from an error.
func (n *Node) Missing() bool { return n.flags&flagMissing != 0 }

// Parent is n's parent, or nil for the root.
func (n *Node) Parent() *Node { return n.node(n.parent) }

// FirstChild is n's first child (named or not), or nil.
func (n *Node) FirstChild() *Node { return n.node(n.first) }

// NextSibling is the next child of n's parent, or nil.
func (n *Node) NextSibling() *Node { return n.node(n.next) }

// FieldName is the grammar field under which n sits in its parent ("" if none).
func (n *Node) FieldName() string { return fieldNames[n.field] }

// Text is n's source text.
func (n *Node) Text() string {
	if n.End <= n.Start {
		return ""
	}
	// No copy: the tree's source is never modified after parsing (Parse
	// clones it), and rules ask for the text of the same nodes many times.
	return unsafe.String(&n.tree.Src[n.Start], int(n.End-n.Start))
}

// Is reports whether n's text equals s, without allocating.
func (n *Node) Is(s string) bool {
	return int(n.End-n.Start) == len(s) && string(n.tree.Src[n.Start:n.End]) == s
}

// Line is n's 1-based start line.
func (n *Node) Line() int { l, _ := n.tree.Position(n.Start); return l }

// Children returns n's children, named and anonymous.
func (n *Node) Children() []*Node {
	var out []*Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// NamedChildren returns n's named children, skipping comments.
func (n *Node) NamedChildren() []*Node {
	var out []*Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Named() && c.Kind != KComment {
			out = append(out, c)
		}
	}
	return out
}

// NamedChild returns the i-th named non-comment child, or nil.
func (n *Node) NamedChild(i int) *Node {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Named() && c.Kind != KComment {
			if i == 0 {
				return c
			}
			i--
		}
	}
	return nil
}

// Field returns the first child under grammar field name, or nil.
func (n *Node) Field(name string) *Node {
	id, ok := fieldIDs[name]
	if !ok || n == nil {
		return nil
	}
	return n.fieldByID(id)
}

// Field IDs of the hot paths (calls, attributes), resolved at init so
// they cost no map lookup per node.
var fieldFunction, fieldArguments, fieldAttribute, fieldObject uint16

// fieldByID is Field with the field's ID.
func (n *Node) fieldByID(id uint16) *Node {
	if n == nil {
		return nil
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.field == id {
			return c
		}
	}
	return nil
}

// FieldAll returns every child under grammar field name.
func (n *Node) FieldAll(name string) []*Node {
	id, ok := fieldIDs[name]
	if !ok {
		return nil
	}
	var out []*Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.field == id {
			out = append(out, c)
		}
	}
	return out
}

// Contains reports whether m lies inside n (or is n).
func (n *Node) Contains(m *Node) bool {
	return m != nil && m.tree == n.tree && m.Start >= n.Start && m.End <= n.End && m.Index() >= n.Index()
}

// Walk visits n and its descendants in pre-order. Returning false from fn
// skips the node's children.
func (n *Node) Walk(fn func(*Node) bool) {
	end := n.subtreeEnd()
	nodes := n.tree.Nodes
	for i := n.Index(); i < end; {
		if fn(&nodes[i]) {
			i++
			continue
		}
		i = (&nodes[i]).subtreeEnd()
	}
}

// subtreeEnd is the index one past n's last descendant.
func (n *Node) subtreeEnd() int {
	for m := n; m != nil; m = m.Parent() {
		if m.next >= 0 {
			return int(m.next)
		}
	}
	return len(n.tree.Nodes)
}

// Unparen strips enclosing parentheses.
func Unparen(n *Node) *Node {
	for n != nil && n.Kind == KParenthesized {
		in := n.NamedChild(0)
		if in == nil {
			return n
		}
		n = in
	}
	return n
}

// Kind tables, filled from the grammar at init.
var (
	kindNames  []string
	kindIDs    = map[string]Kind{}
	symbolKind []Kind
	fieldNames []string
	fieldIDs   = map[string]uint16{}
)

// KindOf returns the Kind for a grammar node name.
func KindOf(name string) Kind {
	k, ok := kindIDs[name]
	if !ok {
		panic("analyzer: unknown node kind " + name)
	}
	return k
}

func internKind(name string) Kind {
	if k, ok := kindIDs[name]; ok {
		return k
	}
	k := Kind(len(kindNames))
	kindNames = append(kindNames, name)
	kindIDs[name] = k
	return k
}

func (k Kind) String() string { return kindNames[k] }
