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
// primaryLocationLineHash. The result is parallel to findings.
func Fingerprints(findings []Finding) []string {
	out := make([]string, len(findings))
	seen := map[string]int{}
	for i, f := range findings {
		h := sha256.Sum256([]byte(f.RuleID + "\x00" + path.Clean(filepath.ToSlash(f.Path)) + "\x00" +
			strings.Join(strings.Fields(f.Source.Line(f.Line)), "")))
		base := hex.EncodeToString(h[:8])
		out[i] = fmt.Sprintf("%s:%d", base, seen[base])
		seen[base]++
	}
	return out
}
