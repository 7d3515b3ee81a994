package analyzer

import (
	"context"
	"path"
	"path/filepath"
	"strings"
)

// File is one parsed Python file with the facts every rule shares. Facts are
// computed once, on first use, by one pass over the tree (buildScopes).
type File struct {
	Path string
	Tree *Tree
	// IsTest is the glossary's test-file status: test_*.py, *_test.py, or a
	// "tests" directory on the path.
	IsTest bool

	Module  *Scope
	Funcs   []*Scope // function scopes in source order
	Classes []*Scope // class-body scopes in source order

	scopeOf   []*Scope         // innermost scope of every node
	scopeNode map[int32]*Scope // function/class/lambda node index -> its scope
	built     bool

	classAttrs map[*Node]map[string][]*Node // class -> self.attr -> assigned values
	imported   map[string]bool              // module names imported anywhere
	stars      []string                     // modules star-imported
	typeCache  map[typeKey]string
	qualCache  []int32  // node index -> 1 + index in qualNames (Qualname)
	qualNames  []string // resolved qualified names
	taintCache map[taintKey]Label
	depth      int       // recursion guard for typing and taint
	appFacts   *AppFacts // web-application facts of the module (appfacts.go)
}

// NewFile parses src and prepares a File. Path is used for test-file status
// and in findings; it is not read.
func NewFile(ctx context.Context, path string, src []byte) (*File, error) {
	tree, err := Parse(ctx, src)
	if err != nil {
		return nil, err
	}
	return NewFileFromTree(path, tree), nil
}

// NewFileFromTree prepares a File from an already parsed tree (benchmarks
// use it to time parsing and analysis separately).
func NewFileFromTree(p string, tree *Tree) *File {
	f := &File{Path: p, Tree: tree, IsTest: IsTestPath(p)}
	f.scopeNode = map[int32]*Scope{}
	f.buildScopes()
	return f
}

// IsTestPath implements the glossary's test-file rule.
func IsTestPath(p string) bool {
	p = filepath.ToSlash(p)
	base := path.Base(p)
	if strings.HasPrefix(base, "test_") && strings.HasSuffix(base, ".py") || strings.HasSuffix(base, "_test.py") {
		return true
	}
	for _, dir := range strings.Split(path.Dir(p), "/") {
		if dir == "tests" {
			return true
		}
	}
	return false
}

// ScopeOf returns the innermost SCOPE containing n.
func (f *File) ScopeOf(n *Node) *Scope { return f.scopeOf[n.idx] }

// ScopeFor returns the scope a function_definition, lambda or
// class_definition node opens, or nil.
func (f *File) ScopeFor(def *Node) *Scope { return f.scopeNode[def.idx] }

// EnclosingFunc returns the function scope whose body contains n (skipping
// lambdas and class bodies), or nil at module level.
func (f *File) EnclosingFunc(n *Node) *Scope {
	for s := f.ScopeOf(n); s != nil; s = s.Parent {
		switch s.Kind {
		case ScopeFunction:
			return s
		case ScopeModule, ScopeClass:
			return nil
		}
	}
	return nil
}

// Imports reports whether the module imports mod or a submodule of it
// anywhere in the file (import mod, import mod.x, from mod[.x] import y).
func (f *File) Imports(mod string) bool {
	if f.imported == nil {
		f.imported = map[string]bool{}
		for _, s := range f.allScopes() {
			for _, defs := range s.defs {
				for _, d := range defs {
					if d.Kind == DefImport {
						q := d.Import
						if d.Stmt.Kind == KImportStatement && d.Target.Kind == KDottedName {
							q = compact(d.Target.Text()) // import a.b.c imports a.b.c (and a.b, a)
						}
						for {
							f.imported[q] = true
							i := strings.LastIndexByte(q, '.')
							if i <= 0 {
								break
							}
							q = q[:i]
						}
					}
				}
			}
		}
		for _, m := range f.starImports() {
			f.imported[m] = true
		}
	}
	return f.imported[mod]
}

// ImportsAny reports whether the module imports any of mods.
func (f *File) ImportsAny(mods ...string) bool {
	for _, m := range mods {
		if f.Imports(m) {
			return true
		}
	}
	return false
}

func (f *File) allScopes() []*Scope {
	out := []*Scope{f.Module}
	out = append(out, f.Funcs...)
	out = append(out, f.Classes...)
	return out
}

// InMainBlock reports whether n sits under a module-level
// `if __name__ == "__main__":`.
func (f *File) InMainBlock(n *Node) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind == KIf && p.Parent() != nil && p.Parent().Kind == KModule {
			c := Unparen(p.Field("condition"))
			if c != nil && c.Kind == KComparisonOperator {
				t := strings.Join(strings.Fields(c.Text()), "")
				if t == `__name__=="__main__"` || t == `__name__=='__main__'` || t == `"__main__"==__name__` || t == `'__main__'==__name__` {
					return body(p).Contains(n)
				}
			}
		}
	}
	return false
}

func body(n *Node) *Node {
	if b := n.Field("consequence"); b != nil {
		return b
	}
	return n.Field("body")
}
