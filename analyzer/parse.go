package analyzer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	sitter "github.com/smacker/go-tree-sitter"
)

// Limits on hostile input. A file beyond them is reported as an error, never
// analysed partially in a way that could hang or exhaust memory.
const (
	// MaxNodes bounds the syntax tree (about 40 bytes a node).
	MaxNodes = 4_000_000
	// ParseTimeout bounds tree-sitter's work on one file.
	ParseTimeout = 10 * time.Second
)

// ErrTooComplex is returned for files whose tree exceeds MaxNodes.
var ErrTooComplex = errors.New("file too complex to analyse (syntax tree exceeds the node limit)")

var parsers = sync.Pool{New: func() any {
	p := sitter.NewParser()
	p.SetLanguage(pythonLang)
	return p
}}

// Parse parses Python source. Syntax errors do not fail the parse: the tree
// holds ERROR nodes there and the sound parts are analysed as usual.
func Parse(ctx context.Context, src []byte) (*Tree, error) {
	p := parsers.Get().(*sitter.Parser)
	defer parsers.Put(p)
	p.SetOperationLimit(int(ParseTimeout / time.Microsecond))
	tree, err := p.ParseCtx(ctx, nil, src)
	if err != nil {
		p.Reset()
		if errors.Is(err, sitter.ErrOperationLimit) {
			return nil, fmt.Errorf("parse did not finish within %s", ParseTimeout)
		}
		return nil, fmt.Errorf("parse: %w", err)
	}
	defer tree.Close()
	nodes, ok := flatten(tree.RootNode(), MaxNodes)
	if !ok {
		return nil, ErrTooComplex
	}
	// The tree owns its copy of the source: Node.Text returns strings that
	// alias it, so no caller may change it afterwards.
	t := newTree(bytes.Clone(src), nodes)
	// Hidden tokens (a MISSING newline) never appear as nodes; the root's
	// error flag covers them.
	t.hasError = tree.RootNode().HasError()
	return t, nil
}
