package rules

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The README says what exists: its rule count and id range come from the
// registry, not from a roadmap.
func TestReadmeMatchesRegistry(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	all := All()
	ids := make([]string, len(all))
	for i, r := range all {
		ids[i] = r.ID
	}
	slices.Sort(ids)
	m := regexp.MustCompile(`\((\d+) rules, (AIML\d+)–(AIML\d+)`).FindStringSubmatch(string(b))
	if m == nil {
		t.Fatal(`README.md does not state "(N rules, FIRST–LAST"`)
	}
	if want := fmt.Sprint(len(all)); m[1] != want || m[2] != ids[0] || m[3] != ids[len(ids)-1] {
		t.Errorf("README says %s rules, %s–%s; the registry has %s, %s–%s", m[1], m[2], m[3], want, ids[0], ids[len(ids)-1])
	}
	if strings.Contains(string(b), "rules so far") {
		t.Error(`README.md says "rules so far": say what exists`)
	}
}
