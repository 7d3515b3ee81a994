package rules

import (
	"fmt"
	"strings"

	"github.com/pyguard/pyguard/analyzer"
)

// DocPage renders a rule's documentation page (docs/rules/<ID>.md) from its
// metadata, so the page and the rule cannot drift apart.
func DocPage(r *analyzer.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s — %s\n\n", r.ID, r.Title)
	fmt.Fprintf(&b, "| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| Severity | **%s** |\n", r.Severity)
	fmt.Fprintf(&b, "| Section | %s |\n", r.Section)
	if r.EditFix != "" {
		fmt.Fprintf(&b, "| Fix | %s (spec); %s edit for the common form |\n", r.Fix, r.EditFix)
	} else {
		fmt.Fprintf(&b, "| Fix | %s |\n", r.Fix)
	}
	fmt.Fprintf(&b, "| References | %s |\n\n", strings.Join(r.References, ", "))
	fmt.Fprintf(&b, "## What it finds\n\n%s\n\n", r.Doc)
	fmt.Fprintf(&b, "Message: _%s_\n\n", r.Message)
	if r.Example != "" {
		fmt.Fprintf(&b, "## Example\n\n```python\n%s\n```\n\n", strings.TrimRight(r.Example, "\n"))
	}
	if r.SafeExample != "" {
		fmt.Fprintf(&b, "Not reported:\n\n```python\n%s\n```\n\n", strings.TrimRight(r.SafeExample, "\n"))
	}
	fmt.Fprintf(&b, "## Fix (%s)\n\n%s\n", r.Fix, r.FixDoc)
	if r.Fix == analyzer.Unsafe {
		b.WriteString("\nThe fix is **unsafe**: it can change behaviour legitimate code relies on, so review it before applying (`pyguard scan --fix --unsafe-fixes`).\n")
	} else if r.Fix == analyzer.Safe {
		b.WriteString("\nThe fix is **safe**: `pyguard scan --fix` applies it.\n")
	}
	if r.EditFix != "" {
		fmt.Fprintf(&b, "\n### Mechanical edit (%s, beyond the spec)\n\n%s\n", r.EditFix, r.EditFixDoc)
		fmt.Fprintf(&b, "\nThe spec gives only guidance; PyGuard offers this edit where its preconditions hold (in a pull request, as a suggestion labelled with the behaviour it may change; locally with `pyguard scan --fix --unsafe-fixes`) and the guidance above elsewhere.\n")
	}
	fmt.Fprintf(&b, "\nSuppress one occurrence with `# pyguard: ignore[%s]` at the end of the reported line.\n", r.ID)
	return b.String()
}

// DocIndex renders docs/rules/README.md: the catalog as a table.
func DocIndex(all []*analyzer.Rule) string {
	var b strings.Builder
	b.WriteString("# Rule catalog\n\nGenerated from the rule metadata (`go test ./rules -update-docs`).\n\n")
	b.WriteString("| ID | Title | Severity | Fix |\n|---|---|---|---|\n")
	for _, r := range all {
		fix := string(r.Fix)
		if r.EditFix != "" {
			fix += " + " + string(r.EditFix) + " edit"
		}
		fmt.Fprintf(&b, "| [%s](%s.md) | %s | %s | %s |\n", r.ID, r.ID, r.Title, r.Severity, fix)
	}
	return b.String()
}
