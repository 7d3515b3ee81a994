package report

import "testing"

func TestFingerprints(t *testing.T) {
	a := NewSource([]byte("x = 1\nbad()\nbad()\n"))
	moved := NewSource([]byte("import os\n\nx = 1\n  bad()\n"))
	fps := Fingerprints([]Finding{
		{RuleID: "R1", Path: "a.py", Line: 2, Source: a},
		{RuleID: "R1", Path: "a.py", Line: 3, Source: a},
		{RuleID: "R2", Path: "a.py", Line: 2, Source: a},
	})
	if fps[0] == fps[1] || fps[0] == fps[2] {
		t.Errorf("fingerprints collide: %v", fps)
	}
	again := Fingerprints([]Finding{{RuleID: "R1", Path: "./a.py", Line: 4, Source: moved}})
	if again[0] != fps[0] {
		t.Errorf("moving and re-indenting the line changed the fingerprint: %v vs %v", again[0], fps[0])
	}
}
