package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"path/filepath"
	"strings"
)

// Fingerprints identify findings across pushes: the rule, the file and
// the reported line's text with whitespace removed, not the line number,
// so a finding keeps its fingerprint when code above it moves. Identical
// lines in one file are told apart by an occurrence count, as in GitHub's
// primaryLocationLineHash, hashed in so that a fingerprint is one plain hex
// token (it sits in `<!-- pyguard:ID:FINGERPRINT -->` markers). The result
// is parallel to findings.
func Fingerprints(findings []Finding) []string {
	out := make([]string, len(findings))
	seen := map[string]int{}
	for i, f := range findings {
		h := sha256.Sum256([]byte(f.RuleID + "\x00" + path.Clean(filepath.ToSlash(f.Path)) + "\x00" +
			strings.Join(strings.Fields(f.Source.Line(f.Line)), "")))
		base := hex.EncodeToString(h[:8])
		n := seen[base]
		seen[base]++
		if n == 0 {
			out[i] = base
			continue
		}
		o := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d", base, n)))
		out[i] = hex.EncodeToString(o[:8])
	}
	return out
}
