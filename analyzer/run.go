package analyzer

import (
	"cmp"
	"fmt"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
)

// Engine runs a set of rules over files. Build it once and reuse it; it is
// safe for concurrent use (each Run works on its own File).
type Engine struct {
	Rules []*Rule
	// byKind lists, per node kind, the indexes in Rules of the rules
	// subscribed to it: the dispatch of every node, so slices, not maps.
	byKind [][]int
}

// NewEngine indexes rules by the node kinds they subscribe to.
func NewEngine(rules []*Rule) *Engine {
	e := &Engine{Rules: rules}
	for i, r := range rules {
		for _, k := range r.Kinds {
			for int(k) >= len(e.byKind) {
				e.byKind = append(e.byKind, nil)
			}
			e.byKind[k] = append(e.byKind[k], i)
		}
	}
	return e
}

// RuleError is a rule that failed on a file; the rest of the file's findings
// still stand.
type RuleError struct {
	Rule, Path string
	Line       int
	Err        string
}

func (e *RuleError) Error() string {
	return fmt.Sprintf("internal error in %s at %s:%d: %s", e.Rule, e.Path, e.Line, e.Err)
}

// Run analyses f in one traversal: each node is handed to the rules
// subscribed to its kind. It then applies ownership (§5.4) and inline
// suppressions, and returns findings sorted by position and rule.
func (e *Engine) Run(f *File) ([]*Finding, []error) {
	passes := make([]*Pass, len(e.Rules))
	var errs []error
	nodes := f.Tree.Nodes
	for i := range nodes {
		n := &nodes[i]
		if int(n.Kind) >= len(e.byKind) {
			continue
		}
		for _, ri := range e.byKind[n.Kind] {
			p := passes[ri]
			if p == nil {
				r := e.Rules[ri]
				if f.IsTest && !r.InTestFiles {
					continue
				}
				p = &Pass{File: f, Rule: r}
				passes[ri] = p
			}
			if err := check(p, n); err != nil {
				errs = append(errs, err)
			}
		}
	}
	var all []*Finding
	for _, p := range passes { // rule order keeps output deterministic
		if p != nil {
			all = append(all, p.findings...)
		}
	}
	all = applyOwnership(all)
	all = applySuppressions(f, all)
	SortFindings(all)
	return all, errs
}

func check(p *Pass, n *Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &RuleError{Rule: p.Rule.ID, Path: p.Path, Line: n.Line(), Err: fmt.Sprint(r) + "\n" + string(debug.Stack())}
		}
	}()
	p.Rule.Check(p, n)
	return nil
}

// applyOwnership drops findings whose owner rule reported the named node.
func applyOwnership(all []*Finding) []*Finding {
	out := all[:0]
	for _, fd := range all {
		if !ownedElsewhere(fd, all) {
			out = append(out, fd)
		}
	}
	return out
}

func ownedElsewhere(fd *Finding, all []*Finding) bool {
	for _, owner := range fd.ownedBy {
		for _, other := range all {
			if other == fd || other.Rule.ID != owner {
				continue
			}
			for _, n := range fd.ownedNodes {
				if other.Start <= n.Start && n.End <= other.End {
					return true
				}
			}
		}
	}
	return false
}

var suppressRE = regexp.MustCompile(`pyguard:\s*ignore(?:\[([^\]]*)\])?`)

// applySuppressions honours `# pyguard: ignore[ID,...]` and bare
// `# pyguard: ignore` comments on a finding's reported line.
func applySuppressions(f *File, all []*Finding) []*Finding {
	if len(all) == 0 {
		return all
	}
	lines := map[int][]string{} // line -> ids; nil entry with present key = all
	for i := range f.Tree.Nodes {
		n := &f.Tree.Nodes[i]
		if n.Kind != KComment {
			continue
		}
		m := suppressRE.FindStringSubmatch(n.Text())
		if m == nil {
			continue
		}
		line := n.Line()
		if m[1] == "" && !strings.Contains(m[0], "[") {
			lines[line] = append(lines[line], "*")
			continue
		}
		for _, id := range strings.Split(m[1], ",") {
			lines[line] = append(lines[line], strings.TrimSpace(id))
		}
	}
	out := all[:0]
	for _, fd := range all {
		if !suppressed(lines[fd.Line], fd.Rule.ID) {
			out = append(out, fd)
		}
	}
	return out
}

func suppressed(ids []string, rule string) bool {
	for _, id := range ids {
		if id == "*" || strings.EqualFold(id, rule) {
			return true
		}
	}
	return false
}

// ComparePositions orders findings as every output does: by path, line,
// column, then rule id. It returns -1, 0 or +1.
func ComparePositions(pathA string, lineA, colA int, ruleA string, pathB string, lineB, colB int, ruleB string) int {
	if c := cmp.Compare(pathA, pathB); c != 0 {
		return c
	}
	if c := cmp.Compare(lineA, lineB); c != 0 {
		return c
	}
	if c := cmp.Compare(colA, colB); c != 0 {
		return c
	}
	return cmp.Compare(ruleA, ruleB)
}

// SortFindings orders findings by path, line, column and rule id.
func SortFindings(all []*Finding) {
	slices.SortStableFunc(all, func(a, b *Finding) int {
		return ComparePositions(a.Path, a.Line, a.Col, a.Rule.ID, b.Path, b.Line, b.Col, b.Rule.ID)
	})
}
