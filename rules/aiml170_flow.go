package rules

import . "github.com/pyguard/pyguard/analyzer"

// The two notebook spellings of AIML170 beyond `V = R.fit_transform(W)`
// split/cross-validated by name: (a) the fitted result stored into a
// column or slice of a frame D that (directly, through a column
// selection, `.drop(...)` or `.values` of it, or a name bound to one) later
// reaches the split or CV call; (b) a manual holdout of V (or of D) as the
// split: `V[:k]` and `V[k:]` both bound to names.

// leaks170 reports whether the data fitted by value call m (a
// `fit_transform`, or the `transform` after a `fit`) reaches a split in
// one of the ways above; defs are m's direct bindings (`V = m`).
func leaks170(p *Pass, s *Scope, m *Node, defs []*Def) bool {
	for _, d := range defs {
		if manualHoldout(p, s, s.Uses(d)) {
			return true
		}
	}
	d, stmt, keys := columnStore170(p, s, m)
	if d == nil {
		return false
	}
	return frameReaches170(p, s, d, stmt.End, keys, 0, map[*Def]bool{})
}

// columnStore170 recognises `D[...] = m`, `D.loc[...] = m` and
// `D.iloc[...] = m` (m the whole right-hand side, D a name bound in s):
// it returns D's binding there, the assignment, and the literal column
// names stored (nil when not all literal strings).
func columnStore170(p *Pass, s *Scope, m *Node) (*Def, *Node, []string) {
	n := m
	for n.Parent() != nil && n.Parent().Kind == KParenthesized {
		n = n.Parent()
	}
	asg := n.Parent()
	if asg == nil || asg.Kind != KAssignment || asg.Field("right") != n {
		return nil, nil, nil
	}
	left := Unparen(asg.Field("left"))
	if left == nil || left.Kind != KSubscript {
		return nil, nil, nil
	}
	subs := left.FieldAll("subscript")
	v := Unparen(left.Field("value"))
	col := subs
	if v != nil && v.Kind == KAttribute {
		a := v.Field("attribute")
		if !nodeIs(a, "loc", "iloc") {
			return nil, nil, nil
		}
		v = Unparen(v.Field("object"))
		col = nil
		if a.Is("loc") && len(subs) == 2 {
			col = subs[1:] // D.loc[:, cols]
		}
	}
	if v == nil || v.Kind != KIdentifier {
		return nil, nil, nil
	}
	d := s.DefAt(v.Text(), v.Start)
	if d == nil {
		return nil, nil, nil
	}
	var keys []string
	if len(col) == 1 {
		keys = literalStrings(col[0])
	}
	return d, asg, keys
}

// literalStrings returns the strings of a string literal or a list/tuple
// literal of strings, else nil.
func literalStrings(n *Node) []string {
	l := LiteralValue(n)
	switch l.Kind {
	case LitStr:
		return []string{l.Str}
	case LitList, LitTuple:
		var out []string
		for _, e := range l.Elems {
			if e.Kind != LitStr {
				return nil
			}
			out = append(out, e.Str)
		}
		return out
	}
	return nil
}

// frameReaches170 reports whether frame binding d, read after from, carries
// the stored columns keys to a split: d passed to the split/CV call, a
// manual holdout of d, or a selection of d (columns, `.drop(...)`,
// `.values`) passed to the split inline or bound to a name that does the
// same (followed a few levels, e.g. `df = df.drop(...)`, then `X = df[cols]`).
func frameReaches170(p *Pass, s *Scope, d *Def, from uint32, keys []string, depth int, seen map[*Def]bool) bool {
	if seen[d] || depth > 4 {
		return false
	}
	seen[d] = true
	var uses []*Node
	for _, u := range s.Uses(d) {
		if u.Start >= from {
			uses = append(uses, u)
		}
	}
	if manualHoldout(p, s, uses) {
		return true
	}
	for _, u := range uses {
		if sink170.passedToSplit(p, u) {
			return true
		}
		top, ok := selection170(u, keys)
		if !ok || top == u {
			continue
		}
		if sink170.passedToSplit(p, top) {
			return true
		}
		for _, nd := range assignedFrom(p, top, false) {
			if frameReaches170(p, s, nd, nd.Pos, keys, depth+1, seen) {
				return true
			}
		}
	}
	return false
}

// selection170 climbs from u through column selections (`u[cols]`,
// `u.loc[:, cols]`, `u.iloc[:, k]`), `.drop(...)` and `.values` and returns
// the outermost one. ok is false when a literal selection leaves out every
// stored literal column (or a literal drop removes all of them): the
// fitted data does not go on.
func selection170(u *Node, keys []string) (top *Node, ok bool) {
	cur := u
	for {
		par := cur.Parent()
		for par != nil && par.Kind == KParenthesized {
			cur, par = par, par.Parent()
		}
		if par == nil {
			return cur, true
		}
		switch par.Kind {
		case KSubscript:
			if par.Field("value") != cur {
				return cur, true
			}
			subs := par.FieldAll("subscript")
			if len(subs) == 0 || subs[0].Kind == KSlice {
				return cur, true // rows, not columns
			}
			if names := literalStrings(subs[0]); keys != nil && names != nil && !anyIn(keys, names) {
				return nil, false
			}
			cur = par
		case KAttribute:
			if par.Field("object") != cur {
				return cur, true
			}
			a := par.Field("attribute")
			switch {
			case nodeIs(a, "values"):
				cur = par
			case nodeIs(a, "loc", "iloc"):
				sub := par.Parent()
				if sub == nil || sub.Kind != KSubscript || sub.Field("value") != par {
					return cur, true
				}
				subs := sub.FieldAll("subscript")
				if len(subs) != 2 {
					return cur, true
				}
				if b, e, isSlice := sliceBounds(subs[0]); !isSlice || b != nil || e != nil {
					return cur, true // a row selection
				}
				if names := literalStrings(subs[1]); a.Is("loc") && keys != nil && names != nil && !anyIn(keys, names) {
					return nil, false
				}
				cur = sub
			case nodeIs(a, "drop"):
				call := par.Parent()
				if call == nil || call.Kind != KCall || call.Field("function") != par {
					return cur, true
				}
				if dropsAll170(call, keys) {
					return nil, false
				}
				cur = call
			default:
				return cur, true
			}
		default:
			return cur, true
		}
	}
}

// dropsAll170 reports whether `.drop(...)` call removes every stored
// literal column: its positional 0 or `columns=` is a literal naming them
// all.
func dropsAll170(call *Node, keys []string) bool {
	if keys == nil {
		return false
	}
	args := call.Field("arguments")
	if args == nil {
		return false
	}
	var names, labels []string
	byColumn := false
	for a := args.FirstChild(); a != nil; a = a.NextSibling() {
		if !a.Named() || a.Kind == KComment {
			continue
		}
		if a.Kind != KKeywordArgument {
			if labels == nil {
				labels = literalStrings(a)
			}
			continue
		}
		switch v, kw := a.Field("value"), a.Field("name"); {
		case nodeIs(kw, "columns"):
			names = literalStrings(v)
		case nodeIs(kw, "labels"):
			labels = literalStrings(v)
		case nodeIs(kw, "axis"):
			l := LiteralValue(v)
			byColumn = l.Kind == LitInt && l.Num == 1 || l.Kind == LitStr && l.Str == "columns"
		}
	}
	if names == nil && byColumn {
		names = labels
	}
	for _, k := range keys {
		if !anyIn([]string{k}, names) {
			return false
		}
	}
	return len(names) > 0
}

func anyIn(keys, names []string) bool {
	for _, k := range keys {
		for _, n := range names {
			if k == n {
				return true
			}
		}
	}
	return false
}
