package report

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTextFinding(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteText(&buf, sample(), false); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{
		"src/load.py:2:25: AIML173 [low] InconsistentVersionWarning silenced.\n" +
			"     2 | warnings.filterwarnings(\"ignore\", category=W)\n" +
			"       |                         ^^^^^^^^\n" +
			"  fix (unsafe): Replace \"ignore\" with \"error\".\n" +
			"    - warnings.filterwarnings(\"ignore\", category=W)\n" +
			"    + warnings.filterwarnings(\"error\", category=W)\n",
		// The tab is kept in the padding; "é" counts as one caret.
		"     3 | \tdf = pd.read_csv(request.args[\"é\"])  # 😀\n" +
			"       | \t        ^^^^^^^^^^^^^^^^^^^^^^^^^^^\n" +
			"  fix (guidance): Use an allow-list.\n",
		"bad.py: error: not valid UTF-8\n",
		"Found 2 findings (1 high, 1 low) in 2 files. 1 error (listed above).\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks\n%s\n--- output:\n%s", want, got)
		}
	}
	if strings.Contains(got, "\x1b[") {
		t.Error("colour without Color")
	}
	buf.Reset()
	WriteText(&buf, sample(), true)
	if !strings.Contains(buf.String(), red+"AIML161"+reset) {
		t.Error("no colour with Color")
	}
}

func TestTextNoFindings(t *testing.T) {
	var buf bytes.Buffer
	WriteText(&buf, &Report{FilesScanned: 1}, false)
	if buf.String() != "No findings in 1 file.\n" {
		t.Errorf("got %q", buf.String())
	}
}

func TestEditPreviewInsertion(t *testing.T) {
	src := NewSource([]byte("import os\nx = float(v)\n"))
	var buf bytes.Buffer
	p := printer{w: bufioWriter(&buf)}
	// Insert a line after line 1 (the shape of AddImport's edit).
	p.editPreview(src, Edit{StartLine: 1, StartColumn: 10, EndLine: 1, EndColumn: 10, NewText: "\nimport math"})
	// Delete line 2 including its newline.
	p.editPreview(src, Edit{StartLine: 2, StartColumn: 1, EndLine: 3, EndColumn: 1, NewText: ""})
	p.w.Flush()
	want := "    + import math\n    - x = float(v)\n"
	if buf.String() != want {
		t.Errorf("got\n%q\nwant\n%q", buf.String(), want)
	}
}

func TestUnderlineLongLine(t *testing.T) {
	line := strings.Repeat("a", 1000) + "TARGET" + strings.Repeat("b", 1000)
	quoted, pad, width := underline(line, 1001, 1007)
	if len(quoted) > maxQuoted+2*len("…") || width != 6 {
		t.Fatalf("quoted %d bytes, width %d", len(quoted), width)
	}
	if !strings.HasPrefix(quoted, "…") || !strings.HasSuffix(quoted, "…") {
		t.Errorf("window not marked: %q", quoted)
	}
	// The carets start under TARGET: same display column.
	at := utf8.RuneCountInString(quoted[:strings.Index(quoted, "TARGET")])
	if at != len(pad) {
		t.Errorf("TARGET at display column %d, carets at %d", at, len(pad))
	}
}

func bufioWriter(b *bytes.Buffer) *bufio.Writer { return bufio.NewWriter(b) }
