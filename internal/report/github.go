package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteGitHub writes one GitHub Actions workflow command per finding
// (annotations on the pull request's diff) and a warning per file error.
func WriteGitHub(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, f := range r.Findings {
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			githubLevel(f.Severity), escapeProperty(f.Path), f.Line, f.Column, f.EndLine, f.EndColumn,
			escapeProperty(f.RuleID+" "+f.Title), escapeData(f.Message))
	}
	for _, e := range r.Errors {
		fmt.Fprintf(bw, "::warning file=%s,title=%s::%s\n",
			escapeProperty(e.Path), escapeProperty("pyguard could not analyse this file"), escapeData(e.Message))
	}
	for _, n := range r.Notes {
		fmt.Fprintf(bw, "::notice file=%s,line=%d,title=%s::%s\n",
			escapeProperty(n.Path), n.Line, escapeProperty("pyguard analysed this file only in part"), escapeData(n.Message))
	}
	return bw.Flush()
}

func githubLevel(severity string) string {
	return byseverity(severity, "error", "warning", "notice")
}

// escapeData and escapeProperty follow the runner's rules
// (actions/toolkit, command.ts): % and line breaks always, and the
// separators , and : inside properties.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
