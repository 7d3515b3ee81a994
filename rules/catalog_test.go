package rules

import (
	_ "embed"

	"flag"
	"github.com/pyguard/pyguard/analyzer"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

//go:embed catalog.tsv
var catalogTSV string

var updateDocs = flag.Bool("update-docs", false, "rewrite docs/rules from rule metadata")

// TestCatalog: every registered rule's metadata equals its catalog row.
func TestCatalog(t *testing.T) {
	rows := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(catalogTSV), "\n")[1:] {
		cols := strings.Split(line, "\t")
		rows[cols[0]] = cols
	}
	if len(All()) == 0 {
		t.Fatal("no rules registered")
	}
	for _, r := range All() {
		row, ok := rows[r.ID]
		if !ok {
			t.Errorf("%s is not in the catalog", r.ID)
			continue
		}
		refs := strings.Split(row[5], ";")
		if r.Title != row[1] || r.Section != row[2] || r.Severity.String() != row[3] || string(r.Fix) != row[4] ||
			strings.Join(r.References, ";") != strings.Join(refs, ";") {
			t.Errorf("%s metadata differs from catalog.tsv:\n got  %q %q %s %s %q\n want %q %q %s %s %q",
				r.ID, r.Title, r.Section, r.Severity, r.Fix, r.References, row[1], row[2], row[3], row[4], refs)
		}
		if len(r.Message) == 0 || len(r.Message) > 140 {
			t.Errorf("%s: message must be 1..140 characters, is %d", r.ID, len(r.Message))
		}
		if r.EditFix != "" && (r.Fix != analyzer.Guidance || r.EditFix != analyzer.Unsafe && r.EditFix != analyzer.Safe || r.EditFixDoc == "") {
			t.Errorf("%s: EditFix (%q) is for guidance rules, with an EditFixDoc", r.ID, r.EditFix)
		}
		if r.Doc == "" || r.FixDoc == "" || r.Check == nil || len(r.Kinds) == 0 {
			t.Errorf("%s: Doc, FixDoc, Kinds and Check are required", r.ID)
		}
	}
}

// TestCatalogMatchesShared keeps the embedded catalog equal to the spec's.
func TestCatalogMatchesShared(t *testing.T) {
	shared, err := os.ReadFile(filepath.Join("..", "..", "shared", "rules", "catalog.tsv"))
	if err != nil {
		t.Skip("../shared not present")
	}
	if string(shared) != catalogTSV {
		t.Error("rules/catalog.tsv differs from ../shared/rules/catalog.tsv; copy it over")
	}
}

// TestDocPages: docs/rules/<ID>.md is generated from the metadata.
func TestDocPages(t *testing.T) {
	dir := filepath.Join("..", "docs", "rules")
	pages := map[string]string{"README.md": DocIndex(All())}
	for _, r := range All() {
		pages[r.ID+".md"] = DocPage(r)
	}
	for name, want := range pages {
		path := filepath.Join(dir, name)
		if *updateDocs {
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != want {
			t.Errorf("%s is missing or stale: run go test ./rules -run TestDocPages -update-docs", path)
		}
	}
}

// TestMechanicalShare: at least 60% of registered rules offer a mechanical
// fix (safe or unsafe edits) for their common form, so most pull-request
// comments carry a one-click suggestion.
func TestMechanicalShare(t *testing.T) {
	n := 0
	for _, r := range All() {
		if r.Mechanical() {
			n++
		}
	}
	if 10*n < 6*len(All()) {
		t.Errorf("%d of %d rules offer a mechanical fix, want at least 60%%", n, len(All()))
	}
}
