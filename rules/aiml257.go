package rules

import (
	"strconv"
	"strings"

	. "github.com/pyguard/pyguard/analyzer"
)

// pruners257 reparametrise module.<name> as <name>_orig * <name>_mask
// (torch/nn/utils/prune.py); global_unstructured(parameters, pruning_method,
// importance_scores=None, **kwargs) does it for each (module, name) pair.
var pruners257 = qualify("torch.nn.utils.prune.", "l1_unstructured", "random_unstructured", "ln_structured",
	"random_structured", "global_unstructured", "custom_from_mask", "identity")

const pruneRemove257 = "torch.nn.utils.prune.remove"

// guidance257 is the prose fix where the edit's preconditions do not hold.
const guidance257 = "Before saving, call `prune.remove(module, name)` for every parameter pruned in this function (in the " +
	"loop that pruned it, or right before the export), so the file holds only the pruned weights, not `weight_orig`."

// exports257 write a model or state dict to a file.
var exports257 = []string{"torch.save", "torch.jit.save", "safetensors.torch.save_file", "safetensors.torch.save_model"}

var AIML257 = &Rule{
	ID:         "AIML257",
	Title:      "Model pruning attacks",
	Section:    "2.3.3",
	Severity:   Medium,
	References: []string{"CWE-212", "OWASP ML05"},
	Fix:        Unsafe,
	Message:    "Pruned model saved without prune.remove(): the file still carries the full original weights (weight_orig).",
	Doc: "`torch.nn.utils.prune` does not delete weights: it keeps the dense tensor as `<name>_orig` and a " +
		"`<name>_mask` buffer, and recomputes the pruned weight on every forward. Saving the model or its state dict " +
		"before `prune.remove(module, name)` ships the full unpruned weights with the masks, so the dense model you " +
		"meant not to publish is recoverable from the file.",
	FixDoc: "Insert before the export statement `prune.remove(<module>, <name>)` for each single-parameter prune " +
		"call of the function (same arguments), and `for _m, _n in <parameters>:` / `prune.remove(_m, _n)` for " +
		"`global_unstructured(<parameters>, ...)`, using the file's spelling of `prune`.",
	Example: `import torch
import torch.nn.utils.prune as prune

def export_small(model, path):
    prune.l1_unstructured(model.fc, "weight", amount=0.8)
    torch.save(model.state_dict(), path)`,
	SafeExample: `def export_small(model, path):
    prune.l1_unstructured(model.fc, "weight", amount=0.8)
    prune.remove(model.fc, "weight")
    torch.save(model.state_dict(), path)`,
	Kinds: []Kind{KCall},
	Check: func(p *Pass, n *Node) {
		c, _ := p.AsCall(n)
		if !c.Is(exports257...) {
			return
		}
		s := p.FunctionScope(n)
		prunes := pruneCallsBefore257(p, s, n.Start)
		if len(prunes) == 0 || removesPruning257(p, s) {
			return
		}
		p.ReportCall(c, fix257(p, s, c, prunes))
	},
}

// pruneCallsBefore257 lists the prune calls of SCOPE s that start before pos.
func pruneCallsBefore257(p *Pass, s *Scope, pos uint32) []Call {
	var out []Call
	s.Walk(func(m *Node) {
		if m.Kind != KCall || m.Start >= pos {
			return
		}
		if k, _ := p.AsCall(m); k.Is(pruners257...) {
			out = append(out, k)
		}
	})
	return out
}

// removesPruning257: SCOPE s calls prune.remove, directly or through a
// function of this module (a module-level def or a method called on self)
// that calls it.
func removesPruning257(p *Pass, s *Scope) bool {
	return p.ScopeHasCall(s, func(k Call) bool {
		if k.Is(pruneRemove257) {
			return true
		}
		def := localCallee257(p, k)
		if def == nil {
			return false
		}
		return p.ScopeCallsAny(p.ScopeFor(def), pruneRemove257)
	})
}

// localCallee257 is the function_definition a call of this module runs:
// `f(...)` for a module-level def f, `self.m(...)` for a method m of the
// enclosing class.
func localCallee257(p *Pass, k Call) *Node {
	fn := Unparen(k.Func)
	switch {
	case fn.Kind == KIdentifier:
		if defs := p.Module.Defs(fn.Text()); len(defs) == 1 && defs[0].Kind == DefFunc && !p.ScopeOf(fn).Binds(fn.Text()) {
			return defs[0].Stmt
		}
	case fn.Kind == KAttribute:
		obj := Unparen(fn.Field("object"))
		if obj == nil || !obj.Is("self") {
			return nil
		}
		encl := p.EnclosingFunc(k.Node)
		if encl == nil || encl.Class() == nil {
			return nil
		}
		body := encl.Class().Field("body")
		if body == nil {
			return nil
		}
		for _, st := range body.NamedChildren() {
			if st.Kind == KDecoratedDefinition {
				st = st.Field("definition")
			}
			if st != nil && st.Kind == KFunctionDefinition && st.Field("name").Is(k.Method()) {
				return st
			}
		}
	}
	return nil
}

// fix257 inserts the prune.remove calls before the export statement, when
// every prune call is a statement of a block that encloses the export (no
// loop in between), its arguments are plain expressions not rebound before
// the export, and this is the only export after the prune calls.
func fix257(p *Pass, s *Scope, c Call, prunes []Call) *Fix {
	stmt := lineStatementEdge(p, c.Node)
	if stmt == nil || countExportsAfter257(p, s, prunes[0].Node.Start) != 1 {
		return GuidanceFix(guidance257)
	}
	remove := p.NewFix(Unsafe, "", stmt).Attr("torch.nn.utils.prune", "remove")
	type pair struct{ mod, name *Node }
	var done []pair
	var lines, shown []string
	for _, pc := range prunes {
		ps := Statement(pc.Node)
		if ps == nil || ps.Kind != KExpressionStatement || Unparen(ps.NamedChild(0)) != pc.Node || !encloses257(ps.Parent(), stmt) {
			return GuidanceFix(guidance257)
		}
		if pc.HasArgsSplat() || pc.HasKwargsSplat() {
			return GuidanceFix(guidance257)
		}
		if pc.Is("torch.nn.utils.prune.global_unstructured") {
			if len(prunes) > 1 {
				// Its pairs may repeat another prune call's: removing twice raises.
				return GuidanceFix(guidance257)
			}
			params := pc.Arg(0, "parameters")
			if params == nil || !reusableParams257(p, params) || !unchanged257(p, s, params, pc.Node.Start, stmt.Start) ||
				s.Binds("_m") || s.Binds("_n") || p.Module.Binds("_m") || p.Module.Binds("_n") {
				return GuidanceFix(guidance257)
			}
			lines = append(lines, "for _m, _n in "+params.Text()+":\n    "+remove+"(_m, _n)")
			shown = append(shown, "`for _m, _n in "+codeText(params, 30)+": "+remove+"(_m, _n)`")
			continue
		}
		mod, name := pc.Arg(0, "module"), pc.Arg(1, "name")
		if mod == nil || name == nil || !plainExpr257(mod) || !plainExpr257(name) || strings.Contains(mod.Text()+name.Text(), "\n") ||
			!unchanged257(p, s, mod, pc.Node.Start, stmt.Start) || !unchanged257(p, s, name, pc.Node.Start, stmt.Start) {
			return GuidanceFix(guidance257)
		}
		dup := false
		for _, d := range done {
			dup = dup || SameExpression(d.mod, mod) && SameExpression(d.name, name)
		}
		if dup {
			continue
		}
		done = append(done, pair{mod, name})
		call := remove + "(" + mod.Text() + ", " + name.Text() + ")"
		lines = append(lines, call)
		shown = append(shown, "`"+remove+"("+codeText(mod, 30)+", "+codeText(name, 20)+")`")
	}
	desc := "Insert " + shown[0]
	if len(shown) > 1 {
		desc += " and " + plural257(len(shown)-1)
	}
	desc += " before this `" + codeText(c.Func, 30) + "`, so the file holds only the pruned weights, not `weight_orig`."
	b := p.NewFix(Unsafe, desc, stmt)
	b.Attr("torch.nn.utils.prune", "remove")
	b.Add(insertBeforeEdge(p, stmt, strings.Join(lines, "\n"))).
		Changing("the in-memory model stops enforcing the pruning masks (further training can regrow pruned weights), " +
			"and the saved state dict has plain `weight` keys instead of `weight_orig`/`weight_mask`.")
	return b.Build(GuidanceFix(guidance257))
}

func plural257(n int) string {
	if n == 1 {
		return "1 more removal"
	}
	return strconv.Itoa(n) + " more removals"
}

// countExportsAfter257 counts export calls of s that start at or after pos.
func countExportsAfter257(p *Pass, s *Scope, pos uint32) int {
	n := 0
	s.Walk(func(m *Node) {
		if m.Kind == KCall && m.Start >= pos {
			if k, _ := p.AsCall(m); k.Is(exports257...) {
				n++
			}
		}
	})
	return n
}

// encloses257: block is stmt's own block or an enclosing one, with no
// loop in between (a loop would run the inserted removals twice).
func encloses257(block, stmt *Node) bool {
	for a := stmt.Parent(); a != nil; a = a.Parent() {
		if a == block {
			return true
		}
		switch a.Kind {
		case KFor, KWhile, KFunctionDefinition, KClassDefinition, KLambda:
			return false
		}
	}
	return false
}

// plainExpr257: names, attribute reads, subscripts and literals, no calls.
func plainExpr257(e *Node) bool {
	ok := true
	e.Walk(func(m *Node) bool {
		switch m.Kind {
		case KCall, KLambda, KNamedExpression, KAwait, KListComprehension, KGeneratorExpression,
			KDictComprehension, KSetComprehension, KComment:
			ok = false
		}
		return ok
	})
	return ok
}

// reusableParams257: a global_unstructured parameters argument that can be
// iterated again: a one-line list/tuple literal or list comprehension, or a
// name bound to one (not a generator, which pruning used up).
func reusableParams257(p *Pass, e *Node) bool {
	e = Unparen(e)
	if strings.Contains(e.Text(), "\n") {
		return false
	}
	switch e.Kind {
	case KList, KTuple, KListComprehension:
		return true
	case KIdentifier:
		d := p.ScopeOf(e).DefAt(e.Text(), e.Start)
		if d == nil || d.Kind != DefAssign || d.Unpacked {
			return false
		}
		v := Unparen(d.Value)
		switch v.Kind {
		case KList, KTuple, KListComprehension:
			return true
		case KCall:
			k, _ := p.AsCall(v)
			return k.Is("builtins.list", "builtins.tuple")
		}
	}
	return false
}

// unchanged257: no name e reads is rebound in s between from and to.
func unchanged257(p *Pass, s *Scope, e *Node, from, to uint32) bool {
	ok := true
	e.Walk(func(m *Node) bool {
		if m.Kind == KIdentifier && IsNameRead(m) && s.Binds(m.Text()) && s.DefAt(m.Text(), from) != s.DefAt(m.Text(), to) {
			ok = false
		}
		return ok
	})
	return ok
}

func init() { register(AIML257) }
