package review

import (
	"strings"
)

// dismissal is a finding a person with write access dismissed for the
// pull request by replying "@pyguard ignore <reason>" to its comment: it
// no longer counts toward the check run, and the summary says who and why.
type dismissal struct {
	f      *finding
	by     string // login of the person who replied
	reason string
	url    string // the reply's html_url
}

// dismissedSection renders the dismissed findings for the check-run
// summary; "" when there are none.
func dismissedSection(res *result) string {
	if len(res.dismissed) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n### Dismissed in this pull request\n\n| rule | location | by | reason |\n| --- | --- | --- | --- |\n")
	for _, d := range res.dismissed {
		b.WriteString("| " + d.f.rule.ID + " | " + code(d.f.path) + " | @" + cell(d.by) + " | " + cell(d.reason) + " |\n")
	}
	return b.String()
}
