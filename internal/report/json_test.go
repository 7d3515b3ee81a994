package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got["tool"] != "pyguard" || got["version"] != "1.2.3" || got["files_scanned"] != 2.0 {
		t.Errorf("header = %v %v %v", got["tool"], got["version"], got["files_scanned"])
	}
	findings := got["findings"].([]any)
	first := findings[0].(map[string]any)
	for _, k := range []string{"rule_id", "severity", "title", "message", "path", "line", "column", "end_line", "end_column", "references", "fix"} {
		if _, ok := first[k]; !ok {
			t.Errorf("finding lacks %q", k)
		}
	}
	if len(first) != 11 {
		t.Errorf("finding has %d keys, want 11: %v", len(first), first)
	}
	edit := first["fix"].(map[string]any)["edits"].([]any)[0].(map[string]any)
	if edit["start_column"] != 26.0 || edit["new_text"] != "error" || len(edit) != 5 {
		t.Errorf("edit = %v", edit)
	}
	if _, ok := findings[1].(map[string]any)["fix"].(map[string]any)["edits"]; ok {
		t.Error("guidance fix has edits")
	}
	if errs := got["errors"].([]any); len(errs) != 1 || errs[0].(map[string]any)["message"] != "not valid UTF-8" {
		t.Errorf("errors = %v", errs)
	}
}

func TestJSONEmptyListsAreArrays(t *testing.T) {
	r := &Report{Version: "1", Findings: []Finding{{RuleID: "X", Severity: "low"}}}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if strings.Contains(s, "null") || !strings.Contains(s, `"errors": []`) || !strings.Contains(s, `"references": []`) {
		t.Errorf("null or missing arrays:\n%s", s)
	}
	if strings.Contains(s, `"fix"`) {
		t.Error("nil fix must be omitted")
	}
	buf.Reset()
	WriteJSON(&buf, &Report{})
	if !strings.Contains(buf.String(), `"findings": []`) {
		t.Errorf("empty report:\n%s", buf.String())
	}
}

func TestJSONKeepsCodeCharacters(t *testing.T) {
	r := &Report{Findings: []Finding{{Message: "a < b && c > d"}}}
	var buf bytes.Buffer
	WriteJSON(&buf, r)
	if !strings.Contains(buf.String(), "a < b && c > d") {
		t.Errorf("HTML-escaped: %s", buf.String())
	}
}
