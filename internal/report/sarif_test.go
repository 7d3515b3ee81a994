package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

func sarifOf(t *testing.T, r *Report) map[string]any {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteSARIF(&buf, r); err != nil {
		t.Fatal(err)
	}
	var log map[string]any
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	return log
}

// get walks a decoded JSON value: string keys index objects, ints arrays.
func get(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("at %v: not an object: %v", p, v)
			}
			if v, ok = m[k]; !ok {
				t.Fatalf("missing %q in %v", k, m)
			}
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("at %v: not an array of > %d: %v", p, k, v)
			}
			v = a[k]
		}
	}
	return v
}

func TestSARIFStructure(t *testing.T) {
	log := sarifOf(t, sample())
	if get(t, log, "version") != "2.1.0" || get(t, log, "$schema") == "" {
		t.Error("version/$schema")
	}
	if n := len(get(t, log, "runs").([]any)); n != 1 {
		t.Fatalf("%d runs", n)
	}
	run := get(t, log, "runs", 0)
	rules := get(t, run, "tool", "driver", "rules").([]any)
	if len(rules) != 2 || get(t, rules[0], "id") != "AIML161" || get(t, rules[1], "id") != "AIML173" {
		t.Fatalf("rules = %v", rules)
	}
	r0 := rules[0]
	if get(t, r0, "name") != "MissingInputValidationInPreprocessing" ||
		get(t, r0, "shortDescription", "text") != ruleHigh.Title ||
		get(t, r0, "helpUri") != "https://github.com/pyguard/pyguard/blob/main/docs/rules/AIML161.md" ||
		get(t, r0, "defaultConfiguration", "level") != "error" ||
		get(t, r0, "properties", "security-severity") != "8.0" {
		t.Errorf("rule descriptor = %v", r0)
	}
	if tags := get(t, r0, "properties", "tags").([]any); len(tags) != 3 || tags[1] != "external/cwe/cwe-918" {
		t.Errorf("tags = %v", tags)
	}
	if get(t, rules[1], "defaultConfiguration", "level") != "note" {
		t.Error("low severity is not a note")
	}

	results := get(t, run, "results").([]any)
	low, high := results[0], results[1]
	if get(t, low, "ruleId") != "AIML173" || get(t, low, "ruleIndex") != 1.0 || get(t, low, "level") != "note" {
		t.Errorf("result 0 = %v", low)
	}
	if get(t, high, "ruleIndex") != 0.0 || get(t, high, "level") != "error" {
		t.Errorf("result 1 = %v", high)
	}
	loc := get(t, low, "locations", 0, "physicalLocation")
	if get(t, loc, "artifactLocation", "uri") != "src/load.py" || get(t, loc, "artifactLocation", "uriBaseId") != "%SRCROOT%" {
		t.Errorf("location = %v", loc)
	}
	if get(t, run, "originalUriBaseIds", "%SRCROOT%", "uri") != "file:///repo/" {
		t.Error("SRCROOT not declared")
	}
	rep := get(t, low, "fixes", 0, "artifactChanges", 0, "replacements", 0)
	if get(t, rep, "deletedRegion", "startColumn") != 26.0 || get(t, rep, "insertedContent", "text") != "error" {
		t.Errorf("replacement = %v", rep)
	}
	if _, ok := high.(map[string]any)["fixes"]; ok {
		t.Error("guidance fix exported as a SARIF fix")
	}
	if get(t, run, "invocations", 0, "toolExecutionNotifications", 0, "message", "text") != "not valid UTF-8" {
		t.Error("file error not reported as a notification")
	}
}

// Columns are UTF-16 code units: é is one unit (two bytes), 😀 two (four bytes).
func TestSARIFColumnsAreUTF16(t *testing.T) {
	src := NewSource([]byte("s = \"é\" + f(x)  # 😀 z\n"))
	r := &Report{Findings: []Finding{{RuleID: "AIML1", Severity: "low", Path: "a.py",
		Line: 1, Column: 12, EndLine: 1, EndColumn: 25, Source: src}}}
	region := get(t, sarifOf(t, r), "runs", 0, "results", 0, "locations", 0, "physicalLocation", "region")
	if get(t, region, "startColumn") != 11.0 || get(t, region, "endColumn") != 22.0 {
		t.Errorf("region = %v", region)
	}
}

func TestSARIFAbsolutePaths(t *testing.T) {
	cases := map[string]string{
		"/repo/src/a.py":     "src/a.py",
		"/elsewhere/b c.py":  "file:///elsewhere/b%20c.py",
		"../sibling/x.py":    "../sibling/x.py",
		"./src/./weird:n.py": "src/weird:n.py",
	}
	for in, want := range cases {
		if got := artifact(in, "/repo").URI; got != want {
			t.Errorf("artifact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSARIFRuleOutsideCatalog(t *testing.T) {
	extra := &analyzer.Rule{ID: "AIML999", Title: "x", Severity: analyzer.Critical}
	r := &Report{Findings: []Finding{{RuleID: "AIML999", Severity: "critical", Rule: extra, Line: 1, Column: 1, EndLine: 1, EndColumn: 1}}}
	run := get(t, sarifOf(t, r), "runs", 0)
	if get(t, run, "results", 0, "ruleIndex") != 0.0 || get(t, run, "tool", "driver", "rules", 0, "id") != "AIML999" {
		t.Error("rule of a finding not added to the driver")
	}
}
