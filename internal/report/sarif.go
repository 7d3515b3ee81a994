package report

import (
	"io"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/pyguard/pyguard/analyzer"
)

// SARIF 2.1.0 constants.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%"
	// InformationURI is the project home, also the base of rule help links.
	InformationURI = "https://github.com/pyguard/pyguard"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                      `json:"columnKind"`
	Results            []sarifResult               `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name"`
	ShortDescription     sarifText       `json:"shortDescription"`
	FullDescription      sarifText       `json:"fullDescription"`
	Help                 sarifText       `json:"help"`
	HelpURI              string          `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig `json:"defaultConfiguration"`
	Properties           sarifRuleProps  `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

// WriteSARIF writes a SARIF 2.1.0 log with one run. The driver lists every
// rule that ran; columns are converted to UTF-16 code units, SARIF's
// default column kind. Relative paths are relative to r.BaseDir, which is
// declared as %SRCROOT%.
func WriteSARIF(w io.Writer, r *Report) error {
	run := sarifRun{
		Tool:        sarifTool{Driver: sarifDriver{Name: Tool, Version: r.Version, InformationURI: InformationURI, Rules: []sarifRule{}}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		ColumnKind:  "utf16CodeUnits",
		Results:     []sarifResult{},
	}
	if r.BaseDir != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(r.BaseDir) + "/"}}
	}
	index := map[string]int{}
	addRule := func(rule *analyzer.Rule) int {
		if i, ok := index[rule.ID]; ok {
			return i
		}
		index[rule.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRuleFor(rule))
		return index[rule.ID]
	}
	for _, rule := range r.Rules {
		addRule(rule)
	}
	fps := Fingerprints(r.Findings)
	for i, f := range r.Findings {
		res := sarifResult{
			RuleID: f.RuleID, RuleIndex: -1, Level: sarifLevel(f.Severity),
			Message:             sarifText{Text: f.Message},
			Locations:           []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(f.Path, r.BaseDir), Region: region(f.Source, f.Line, f.Column, f.EndLine, f.EndColumn)}}},
			PartialFingerprints: map[string]string{"pyguardFingerprint/v1": fps[i]},
		}
		if f.Rule != nil {
			res.RuleIndex = addRule(f.Rule)
		} else if i, ok := index[f.RuleID]; ok {
			res.RuleIndex = i
		}
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			change := sarifArtifactChange{ArtifactLocation: artifact(f.Path, r.BaseDir)}
			for _, e := range f.Fix.Edits {
				change.Replacements = append(change.Replacements, sarifReplacement{
					DeletedRegion:   *region(f.Source, e.StartLine, e.StartColumn, e.EndLine, e.EndColumn),
					InsertedContent: sarifText{Text: e.NewText},
				})
			}
			res.Fixes = []sarifFix{{Description: sarifText{Text: f.Fix.Description}, ArtifactChanges: []sarifArtifactChange{change}}}
		}
		run.Results = append(run.Results, res)
	}
	for _, e := range r.Errors {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications, sarifNotification{
			Level: "error", Message: sarifText{Text: e.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(e.Path, r.BaseDir)}}},
		})
	}
	for _, n := range r.Notes {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications, sarifNotification{
			Level: "warning", Message: sarifText{Text: n.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(n.Path, r.BaseDir),
				Region: &sarifRegion{StartLine: n.Line, StartColumn: 1, EndLine: n.Line, EndColumn: 1}}}},
		})
	}
	return encodeJSON(w, sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifRuleFor(r *analyzer.Rule) sarifRule {
	help := r.Doc
	if r.FixDoc != "" {
		help += "\n\nFix (" + string(r.Fix) + "): " + r.FixDoc
	}
	tags := []string{"security"}
	for _, ref := range r.References {
		// SARIF wants unique tags; GitHub links external/cwe tags.
		if m := cwePattern.FindStringSubmatch(ref); m != nil && !slices.Contains(tags, "external/cwe/cwe-"+m[1]) {
			tags = append(tags, "external/cwe/cwe-"+m[1])
		}
	}
	return sarifRule{
		ID: r.ID, Name: pascalCase(r.Title),
		ShortDescription:     sarifText{Text: r.Title},
		FullDescription:      sarifText{Text: r.Doc},
		Help:                 sarifText{Text: help},
		HelpURI:              HelpURI(r.ID),
		DefaultConfiguration: sarifRuleConfig{Level: sarifLevel(r.Severity.String())},
		Properties:           sarifRuleProps{Tags: tags, SecuritySeverity: byseverity(r.Severity.String(), "8.0", "5.5", "3.0")},
	}
}

// HelpURI is the rule's documentation page.
func HelpURI(id string) string { return InformationURI + "/blob/main/docs/rules/" + id + ".md" }

var cwePattern = regexp.MustCompile(`^CWE-(\d+)`)

// sarifLevel maps severities to SARIF levels; GitHub code scanning ranks
// security alerts by the rule's security-severity instead.
func sarifLevel(severity string) string { return byseverity(severity, "error", "warning", "note") }

func pascalCase(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9')
	}) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

func region(src *Source, line, col, endLine, endCol int) *sarifRegion {
	if src == nil {
		return &sarifRegion{StartLine: line, StartColumn: col, EndLine: endLine, EndColumn: endCol}
	}
	return &sarifRegion{StartLine: line, StartColumn: src.UTF16Column(line, col), EndLine: endLine, EndColumn: src.UTF16Column(endLine, endCol)}
}

// artifact locates a file: relative to %SRCROOT% when it is under base,
// else by an absolute file URI.
func artifact(p, base string) sarifArtifactLoc {
	if filepath.IsAbs(p) {
		rel, err := filepath.Rel(base, p)
		if base == "" || err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return sarifArtifactLoc{URI: fileURI(p)}
		}
		p = rel
	}
	u := &url.URL{Path: path.Clean(filepath.ToSlash(p))}
	loc := sarifArtifactLoc{URI: u.String()}
	if base != "" {
		loc.URIBaseID = srcRoot
	}
	return loc
}

func fileURI(abs string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}
