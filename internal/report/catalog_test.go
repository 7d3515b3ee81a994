package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/pyguard/pyguard/analyzer"
)

func TestCatalog(t *testing.T) {
	noFix := &analyzer.Rule{ID: "AIML200", Title: "t", Severity: analyzer.Medium, Section: "2.2.1"}
	var buf bytes.Buffer
	if err := WriteCatalogJSON(&buf, []*analyzer.Rule{ruleHigh, ruleLow, noFix}); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0]["id"] != "AIML161" || got[0]["description"] != ruleHigh.Doc || got[0]["fix"] != "guidance" ||
		len(got[0]) != 7 || got[2]["fix"] != "none" {
		t.Errorf("catalog = %v", got)
	}
	if refs, ok := got[2]["references"].([]any); !ok || len(refs) != 0 {
		t.Errorf("references must be an array: %v", got[2]["references"])
	}
	buf.Reset()
	WriteCatalogText(&buf, []*analyzer.Rule{ruleHigh, ruleLow})
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "AIML161  high      guidance") {
		t.Errorf("table:\n%s", buf.String())
	}
}
