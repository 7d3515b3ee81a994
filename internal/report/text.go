package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// ANSI styles for text output.
const (
	reset   = "\x1b[0m"
	bold    = "\x1b[1m"
	dim     = "\x1b[2m"
	red     = "\x1b[31m"
	green   = "\x1b[32m"
	yellow  = "\x1b[33m"
	magenta = "\x1b[35m"
	cyan    = "\x1b[36m"
)

// maxQuoted bounds how much of a source line is quoted, so a minified
// file's megabyte-long line does not flood the terminal.
const maxQuoted = 160

// WriteText writes findings as
//
//	path:line:col: ID [severity] message
//	   14 |     df = pd.read_csv(request.args["source"])
//	      |          ^^^^^^^^^^^
//	  fix (unsafe): description
//	    - old line
//	    + new line
//
// then the file errors and a summary line.
func WriteText(w io.Writer, r *Report, color bool) error {
	bw := bufio.NewWriter(w)
	p := printer{w: bw, color: color}
	for _, f := range r.Findings {
		p.finding(f)
	}
	for _, e := range r.Errors {
		fmt.Fprintf(bw, "%s: %s %s\n", p.style(bold, e.Path), p.style(red, "error:"), e.Message)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(bw, "%s: %s %s\n", p.style(bold, fmt.Sprintf("%s:%d", n.Path, n.Line)), p.style(yellow, "note:"), n.Message)
	}
	if len(r.Errors) > 0 || len(r.Notes) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString(Summary(r) + "\n")
	return bw.Flush()
}

// Summary is the one-line result, such as "Found 3 findings (1 high,
// 2 low) in 12 files."
func Summary(r *Report) string {
	files := plural(r.FilesScanned, "file")
	var s string
	if len(r.Findings) == 0 {
		s = "No findings in " + files + "."
	} else {
		counts := map[string]int{}
		for _, f := range r.Findings {
			counts[f.Severity]++
		}
		var parts []string
		for _, sev := range []string{"critical", "high", "medium", "low"} {
			if counts[sev] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", counts[sev], sev))
			}
		}
		s = fmt.Sprintf("Found %s (%s) in %s.", plural(len(r.Findings), "finding"), strings.Join(parts, ", "), files)
	}
	if n := len(r.Errors); n > 0 {
		s += fmt.Sprintf(" %s (listed above).", plural(n, "error"))
	}
	if n := len(r.Notes); n > 0 {
		s += fmt.Sprintf(" %s analysed only in part (listed above).", plural(n, "file"))
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

type printer struct {
	w     *bufio.Writer
	color bool
}

func (p printer) style(code, s string) string {
	if !p.color {
		return s
	}
	return code + s + reset
}

func severityColor(severity string) string {
	if severity == "critical" {
		return bold + magenta
	}
	return byseverity(severity, red, yellow, cyan)
}

func (p printer) finding(f Finding) {
	fmt.Fprintf(p.w, "%s: %s %s %s\n",
		p.style(bold, fmt.Sprintf("%s:%d:%d", f.Path, f.Line, f.Column)),
		p.style(severityColor(f.Severity), f.RuleID), p.style(severityColor(f.Severity), "["+f.Severity+"]"), f.Message)
	if text := f.Source.Line(f.Line); text != "" {
		gutter := fmt.Sprintf("%6d | ", f.Line)
		end := f.EndColumn
		if f.EndLine != f.Line {
			end = len(text) + 1
		}
		quoted, pad, width := underline(text, f.Column, end)
		fmt.Fprintf(p.w, "%s%s\n", p.style(dim, gutter), quoted)
		fmt.Fprintf(p.w, "%s%s%s\n", p.style(dim, strings.Repeat(" ", len(gutter)-2)+"| "), pad, p.style(red, strings.Repeat("^", width)))
	}
	if f.Fix != nil {
		label := "fix (" + f.Fix.Applicability + "):"
		switch f.Fix.Applicability {
		case "safe":
			label = p.style(green, label)
		case "unsafe":
			label = p.style(yellow, label)
		}
		fmt.Fprintf(p.w, "  %s %s\n", label, f.Fix.Description)
		for _, e := range f.Fix.Edits {
			p.editPreview(f.Source, e)
		}
	}
	p.w.WriteString("\n")
}

// underline returns the quoted part of a line, the padding that lines the
// carets up under columns [col, end), and the caret count. Tabs are kept
// in the padding so carets align whatever the tab width.
func underline(text string, col, end int) (quoted, pad string, width int) {
	lo, hi := clampCol(text, col), clampCol(text, end)
	// Quote a window around the column when the line is long.
	from, to := 0, len(text)
	if len(text) > maxQuoted {
		from = runeStart(text, max(0, lo-maxQuoted/4))
		to = runeStart(text, min(len(text), from+maxQuoted))
		hi = min(hi, to)
	}
	quoted = text[from:to]
	if from > 0 {
		quoted = "…" + quoted
		pad = " "
	}
	if to < len(text) {
		quoted += "…"
	}
	var b strings.Builder
	for _, r := range text[from:lo] {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return quoted, pad + b.String(), max(1, utf8.RuneCountInString(text[lo:max(lo, hi)]))
}

// clampCol turns a 1-based byte column into an offset within text.
func clampCol(text string, col int) int {
	return runeStart(text, min(max(col-1, 0), len(text)))
}

// runeStart moves i back to the start of the rune it falls in.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// maxPreviewLines bounds each side of an edit preview.
const maxPreviewLines = 6

// editPreview shows an edit as removed and added lines, leaving out the
// lines the edit does not change (an inserted import shows as one "+").
func (p printer) editPreview(src *Source, e Edit) {
	if src == nil {
		p.previewLines("+", green, strings.Split(e.NewText, "\n"))
		return
	}
	var old []string
	for l := e.StartLine; l <= max(e.StartLine, e.EndLine); l++ {
		old = append(old, src.Line(l))
	}
	first, last := old[0], old[len(old)-1]
	prefix := first[:clampCol(first, e.StartColumn)]
	suffix := last[clampCol(last, e.EndColumn):]
	neu := strings.Split(prefix+e.NewText+suffix, "\n")
	for len(old) > 0 && len(neu) > 0 && old[0] == neu[0] {
		old, neu = old[1:], neu[1:]
	}
	for len(old) > 0 && len(neu) > 0 && old[len(old)-1] == neu[len(neu)-1] {
		old, neu = old[:len(old)-1], neu[:len(neu)-1]
	}
	p.previewLines("-", red, old)
	p.previewLines("+", green, neu)
}

func (p printer) previewLines(sign, color string, lines []string) {
	for i, l := range lines {
		if i == maxPreviewLines {
			fmt.Fprintf(p.w, "    %s\n", p.style(dim, fmt.Sprintf("(%d more lines)", len(lines)-i)))
			return
		}
		if len(l) > maxQuoted {
			l = l[:runeStart(l, maxQuoted)] + "…"
		}
		fmt.Fprintf(p.w, "    %s\n", p.style(color, sign+" "+l))
	}
}
