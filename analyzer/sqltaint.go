package analyzer

// String-sink taint: the taint of a value as TEXT that a sink interprets
// (SQL in AIML176's Feast entity_df, formulas, …).
//
// §3.6 (last bullet): a value that passed a DATA-CONSTRUCTOR is a
// DataFrame/array, not SQL text. It stays tainted for every other sink (the
// shared Taint still reports it), but it is not a string sink value. §3.7:
// string-building sinks also apply the STRING-SANITIZERS (int, float, bool,
// uuid.UUID, datetime parsing, pandas.to_datetime).
//
// Only the frame/array constructors of §3.6 (6) end text taint (pandas,
// numpy and torch: DataConstructors). The builtin containers list, tuple,
// dict and set still hold the request's strings, which become SQL again
// when joined or interpolated (`",".join(list(ids))`), so they keep
// propagating as usual. Everything else (allow-list lookups, ALLOW-GUARD,
// f-strings, `+`, `%`, `.format`, `str.join`, method calls on a tainted
// string) is the shared propagation.

// TextSinkSpec derives the TaintSpec of a string sink from base (nil for
// the shared defaults): base's sanitizers, propagators and PathNameSafe,
// plus the STRING-SANITIZERS and the DATA-CONSTRUCTORS as sanitizers. Taint
// caches results per spec pointer, so call it once per rule, at package
// level, and reuse the result.
func TextSinkSpec(base *TaintSpec) *TaintSpec {
	s := &TaintSpec{Sanitizers: Set(StringSanitizers), Propagators: map[string]bool{}}
	if base != nil {
		for q := range base.Sanitizers {
			s.Sanitizers[q] = true
		}
		for q := range base.Propagators {
			s.Propagators[q] = true
		}
		s.PathNameSafe = base.PathNameSafe
	}
	for q := range DataConstructors {
		s.Sanitizers[q] = true
		delete(s.Propagators, q)
	}
	return s
}

// stringSink is the string-sink spec over the shared defaults.
var stringSink = TextSinkSpec(nil)

// StringTaint returns the sources that reach n as text (TextSinkSpec(nil)):
// like Taint, but values that passed a DATA-CONSTRUCTOR and results of the
// STRING-SANITIZERS are clean. A rule with its own extensions uses
// Taint(n, TextSinkSpec(itsSpec)) with a package-level spec instead.
func (f *File) StringTaint(n *Node) Label { return f.Taint(n, stringSink) }
