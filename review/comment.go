package review

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/pyguard/pyguard/analyzer"
)

// finding is one engine finding on a fetched file, with what the review
// needs: its fingerprint, the file's text for suggestions, and whether it
// is on an added line.
type finding struct {
	rule                       *analyzer.Rule
	path                       string
	line, col, endLine, endCol int
	message                    string
	fix                        *analyzer.Fix
	// fingerprint identifies the finding across pushes (internal/report's:
	// rule, path and the flagged line's text without whitespace, plus an
	// occurrence count hashed in), independent of its line number.
	fingerprint string
	src         *source
	// inDiff: the reported line is an added line of the pull request (or
	// the file is new and GitHub sent no patch).
	inDiff bool
}

// key is what the comment marker carries: rule id and fingerprint.
func (f *finding) key() string { return f.rule.ID + ":" + f.fingerprint }

func (f *finding) severity() analyzer.Severity { return f.rule.Severity }

// marker is the hidden HTML comment that identifies a finding's comment.
func marker(key string) string { return "<!-- pyguard:" + key + " -->" }

var markerRE = regexp.MustCompile(`<!-- pyguard:([A-Z]+[0-9]+:[0-9a-f]+) -->`)

// markerKey returns the key of the last marker in body, or "".
func markerKey(body string) string {
	m := markerRE.FindAllStringSubmatch(body, -1)
	if len(m) == 0 {
		return ""
	}
	return m[len(m)-1][1]
}

var severityIcon = map[analyzer.Severity]string{
	analyzer.Critical: "🔴", analyzer.High: "🟠", analyzer.Medium: "🟡", analyzer.Low: "🔵",
}

// maxCommentBody keeps a comment under GitHub's 65,536-character limit.
const maxCommentBody = 60000

// commentBody renders the inline comment for f with its fix plan.
func commentBody(f *finding, p fixPlan, docsURL string) string {
	var b strings.Builder
	r := f.rule
	fmt.Fprintf(&b, "%s **%s** · %s · %s\n\n", severityIcon[r.Severity], r.ID, r.Severity, r.Title)
	b.WriteString(strings.TrimSpace(f.message))
	b.WriteString("\n\n")
	why := shortWhy(r.Doc)
	link := ruleDocURL(docsURL, r.ID)
	if why != "" {
		fmt.Fprintf(&b, "**Why:** %s ([%s docs](%s))\n", why, r.ID, link)
	} else {
		fmt.Fprintf(&b, "[%s docs](%s)\n", r.ID, link)
	}
	fix := renderFix(p)
	if len(fix)+b.Len() > maxCommentBody {
		p.kind, p.hunks = fixGuidance, nil
		fix = renderFix(p)
	}
	if fix != "" {
		b.WriteString("\n")
		b.WriteString(fix)
	}
	b.WriteString("\n")
	b.WriteString(marker(f.key()))
	return b.String()
}

// renderFix is the fix section of a comment ("" without a fix). An
// unsafe fix names, on its own line above the block, the behaviour that
// may change.
func renderFix(p fixPlan) string {
	var b strings.Builder
	desc := p.description
	unsafeLine := func() {
		if p.applicability == analyzer.Unsafe {
			fmt.Fprintf(&b, "⚠️ **Unsafe — review before applying:** %s\n", orDefault(p.behavior, "it may change behaviour that working code relies on."))
		}
	}
	switch p.kind {
	case fixNone:
		return ""
	case fixGuidance:
		if desc == "" {
			return ""
		}
		fmt.Fprintf(&b, "**How to fix:** %s\n", desc)
	case fixCovered:
		fmt.Fprintf(&b, "**Suggested fix:** %s\n\n", orDefault(desc, "see the suggestion named below"))
		fmt.Fprintf(&b, "The suggestion on the %s comment makes this change too; applying it fixes both.\n", p.coveredBy)
	case fixSuggestion:
		fmt.Fprintf(&b, "**Suggested fix:** %s\n", orDefault(desc, "apply the suggestion below"))
		unsafeLine()
		if len(p.also) > 0 {
			fmt.Fprintf(&b, "This suggestion also fixes %s.\n", strings.Join(p.also, ", "))
		}
		b.WriteString("\n")
		body := p.replacement
		if p.replacementLines > 0 {
			body += "\n"
		}
		f := fence(body)
		fmt.Fprintf(&b, "%ssuggestion\n%s%s\n", f, body, f)
	case fixProse:
		fmt.Fprintf(&b, "**Suggested fix:** %s\n", orDefault(desc, "the change below"))
		unsafeLine()
		fmt.Fprintf(&b, "\nNot offered as a one-click suggestion: %s. The change:\n\n", p.reason)
		var d strings.Builder
		for _, h := range p.hunks {
			if h.end > h.start {
				fmt.Fprintf(&d, "@@ lines %d-%d @@\n", h.start, h.end)
			} else {
				fmt.Fprintf(&d, "@@ line %d @@\n", h.start)
			}
			for _, l := range h.old {
				d.WriteString("-" + strings.TrimSuffix(l, "\r") + "\n")
			}
			for _, l := range h.new {
				d.WriteString("+" + strings.TrimSuffix(l, "\r") + "\n")
			}
		}
		f := fence(d.String())
		fmt.Fprintf(&b, "%sdiff\n%s%s\n", f, d.String(), f)
	}
	return b.String()
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// fence is a code fence longer than any backtick run in text.
func fence(text string) string {
	longest, run := 0, 0
	for _, c := range text {
		if c == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return strings.Repeat("`", max(3, longest+1))
}

// shortWhy trims a rule's Doc to its first sentence or two (at most about
// 300 characters), for the comment.
func shortWhy(doc string) string {
	doc = strings.Join(strings.Fields(doc), " ")
	if doc == "" {
		return ""
	}
	const limit = 300
	// A sentence ends at ". " unless the word before is an abbreviation.
	cut := -1
	for i := 0; i+1 < len(doc) && i < limit; i++ {
		if doc[i] != '.' || doc[i+1] != ' ' {
			continue
		}
		w := doc[strings.LastIndexByte(doc[:i], ' ')+1 : i]
		switch strings.ToLower(strings.Trim(w, "(")) {
		case "e.g", "i.e", "etc", "vs", "cf", "approx":
			continue
		}
		cut = i + 1
		if cut >= 40 {
			break
		}
	}
	if cut > 0 {
		return doc[:cut]
	}
	if len(doc) <= limit {
		return doc
	}
	s := doc[:limit]
	if i := strings.LastIndexByte(s, ' '); i > limit/2 {
		s = s[:i]
	}
	return strings.TrimRight(s, " ,;:") + "…"
}

// ruleDocURL links to the rule's documentation page.
func ruleDocURL(base, id string) string {
	if base == "" {
		base = DefaultDocsURL
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	return base + id + ".md"
}
