package rules

import . "github.com/pyguard/pyguard/analyzer"

// The safe-flag fix of the rules that report a pickle-family loader on
// data from elsewhere (AIML192 received updates, AIML223 downloaded
// artifacts, AIML230 request data): `weights_only=True` on torch.load,
// `allow_pickle=False` on numpy.load. The rules differ only in how their
// texts name that data.

// pickleFlagWords are a rule's words for the data its loader reads.
type pickleFlagWords struct {
	tensors string // torch.load: how the data is then read ("received updates are read as tensors and …")
	stops   string // torch.load: the behaviour change, a sentence
	arrays  string // numpy.load: "received arrays are never unpickled"
	holders string // numpy.load: what now raises ValueError ("updates")
}

// pickleFlagFix sets the loader's safe flag on c: weights_only=True on
// torch.load, allow_pickle=False on a numpy.load that passes allow_pickle.
// nil when neither applies; the rule gives its guidance then.
func pickleFlagFix(p *Pass, c Call, w pickleFlagWords) *Fix {
	callee := codeText(c.Func, 40)
	switch {
	case c.Is("torch.load"):
		if e, ok := SetKeyword(c, "weights_only", "True"); ok {
			return p.Edits(Unsafe, "Set `weights_only=True` on this `"+callee+"`, so "+w.tensors+".", e).Changing(w.stops)
		}
	case c.Is("numpy.load"):
		if ap := c.Arg(2, "allow_pickle"); ap != nil {
			return p.Edits(Unsafe, "Set `allow_pickle=False` on this `"+callee+"`, so "+w.arrays+".", ReplaceNode(Unparen(ap), "False")).
				Changing(w.holders + " holding object arrays (`dtype=object`) or pickled objects now raise ValueError.")
		}
	}
	return nil
}
