package main

import (
	"encoding/json"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		r := pyguard(t, "", "", args...).wantCode(t, 0)
		if !regexp.MustCompile(`^pyguard \d+\.\d+\.\d+\S*\n$`).MatchString(r.stdout) {
			t.Errorf("%v: %q", args, r.stdout)
		}
	}
	pyguard(t, "", "", "version", "extra").wantCode(t, 2)
}

func TestHelpAndUsageErrors(t *testing.T) {
	r := pyguard(t, "", "", "help").wantCode(t, 0)
	for _, cmd := range []string{"scan", "rules", "version"} {
		if !strings.Contains(r.stdout, "  "+cmd) {
			t.Errorf("help lacks %q:\n%s", cmd, r.stdout)
		}
	}
	if r := pyguard(t, "", "", "help", "scan").wantCode(t, 0); !strings.Contains(r.stdout, "-fail-on") {
		t.Errorf("help scan:\n%s", r.stdout)
	}
	pyguard(t, "", "", "scan", "--help").wantCode(t, 0)
	pyguard(t, "", "", "help", "version").wantCode(t, 0)
	pyguard(t, "", "", "help", "nope").wantCode(t, 2)
	if r := pyguard(t, "", "").wantCode(t, 2); !strings.Contains(r.stderr, "Usage") {
		t.Errorf("no usage on stderr: %q", r.stderr)
	}
	if r := pyguard(t, "", "", "frobnicate").wantCode(t, 2); !strings.Contains(r.stderr, `unknown command "frobnicate"`) {
		t.Errorf("stderr %q", r.stderr)
	}
}

func TestRulesCatalog(t *testing.T) {
	r := pyguard(t, "", "", "rules", "--format", "json").wantCode(t, 0)
	var raw []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range raw {
		keys := []string{}
		for k := range e {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		if want := []string{"description", "fix", "id", "references", "section", "severity", "title"}; !reflect.DeepEqual(keys, want) {
			t.Fatalf("entry keys %v", keys)
		}
		for _, k := range []string{"id", "title", "severity", "section", "fix", "description"} {
			if s, ok := e[k].(string); !ok || s == "" {
				t.Errorf("%v: %s is %v", e["id"], k, e[k])
			}
		}
		if _, ok := e["references"].([]any); !ok {
			t.Errorf("%v: references not an array", e["id"])
		}
		if !regexp.MustCompile(`^(safe|unsafe|guidance|none)$`).MatchString(e["fix"].(string)) ||
			!regexp.MustCompile(`^(critical|high|medium|low)$`).MatchString(e["severity"].(string)) {
			t.Errorf("%v: fix %v severity %v", e["id"], e["fix"], e["severity"])
		}
		ids = append(ids, e["id"].(string))
	}
	if !sort.StringsAreSorted(ids) {
		t.Errorf("not sorted by id: %v", ids)
	}
	byID := map[string]map[string]any{}
	for _, e := range raw {
		byID[e["id"].(string)] = e
	}
	if e := byID["AIML173"]; e == nil || e["fix"] != "unsafe" || e["severity"] != "low" {
		t.Errorf("AIML173 = %v", e)
	}
	if e := byID["AIML161"]; e == nil || e["fix"] != "guidance" || e["severity"] != "high" {
		t.Errorf("AIML161 = %v", e)
	}

	text := pyguard(t, "", "", "rules").wantCode(t, 0).stdout
	if !regexp.MustCompile(`(?m)^AIML173\s+low\s+unsafe\s+2\.1\.1\s+Pipeline versioning gaps$`).MatchString(text) {
		t.Errorf("text catalog:\n%s", text)
	}
	pyguard(t, "", "", "rules", "--format", "yaml").wantCode(t, 2)
	pyguard(t, "", "", "rules", "extra").wantCode(t, 2)
}

func TestParseFlagsInterleaved(t *testing.T) {
	var format string
	var fix bool
	fs := newFlagSet("t", "t", stdio{errout: &strings.Builder{}})
	fs.StringVar(&format, "format", "text", "")
	fs.BoolVar(&fix, "fix", false, "")
	ops, _, ok := parseFlags(fs, []string{"a.py", "--format", "json", "src", "--fix", "--", "--weird.py", "-x"})
	if !ok || format != "json" || !fix || !reflect.DeepEqual(ops, []string{"a.py", "src", "--weird.py", "-x"}) {
		t.Errorf("ops %v format %q fix %v ok %v", ops, format, fix, ok)
	}
	if _, code, ok := parseFlags(fs, []string{"x", "--nope"}); ok || code != exitError {
		t.Errorf("bad flag: ok %v code %d", ok, code)
	}
}
