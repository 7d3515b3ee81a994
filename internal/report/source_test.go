package report

import "testing"

func TestSourceLine(t *testing.T) {
	s := NewSource([]byte("a\r\nbb\n\nlast"))
	for n, want := range map[int]string{0: "", 1: "a", 2: "bb", 3: "", 4: "last", 5: ""} {
		if got := s.Line(n); got != want {
			t.Errorf("Line(%d) = %q, want %q", n, got, want)
		}
	}
	var none *Source
	if none.Line(1) != "" {
		t.Error("nil source")
	}
	// Past the text on a CRLF line: the \r and \n count one unit each.
	if got := s.UTF16Column(1, 3); got != 3 {
		t.Errorf("UTF16Column past text = %d", got)
	}
}
