package report

import (
	"io"
	"strings"
	"text/tabwriter"

	"github.com/pyguard/pyguard/analyzer"
)

// CatalogEntry is one rule in `pyguard rules --format json`.
type CatalogEntry struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Severity    string   `json:"severity"`
	Section     string   `json:"section"`
	References  []string `json:"references"`
	Fix         string   `json:"fix"`
	Description string   `json:"description"`
}

// Catalog converts rules (already sorted by ID) to catalog entries.
func Catalog(rules []*analyzer.Rule) []CatalogEntry {
	out := make([]CatalogEntry, 0, len(rules))
	for _, r := range rules {
		fix := string(r.Fix)
		if fix == "" {
			fix = string(analyzer.NoFix)
		}
		out = append(out, CatalogEntry{
			ID: r.ID, Title: r.Title, Severity: r.Severity.String(), Section: r.Section,
			References: append([]string{}, r.References...), Fix: fix, Description: r.Doc,
		})
	}
	return out
}

// WriteCatalogJSON writes the catalog as a JSON array.
func WriteCatalogJSON(w io.Writer, rules []*analyzer.Rule) error {
	return encodeJSON(w, Catalog(rules))
}

// WriteCatalogText writes the catalog as an aligned table.
func WriteCatalogText(w io.Writer, rules []*analyzer.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	io.WriteString(tw, "ID\tSEVERITY\tFIX\tSECTION\tTITLE\n")
	for _, e := range Catalog(rules) {
		io.WriteString(tw, strings.Join([]string{e.ID, e.Severity, e.Fix, e.Section, e.Title}, "\t")+"\n")
	}
	return tw.Flush()
}
