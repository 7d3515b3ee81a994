package diffscope

import (
	"reflect"
	"sort"
	"testing"
)

func lines(m map[int]bool) []int {
	out := []int{}
	for l := range m {
		out = append(out, l)
	}
	sort.Ints(out)
	return out
}

const multi = `diff --git a/src/train.py b/src/train.py
index 83db48f..bf269f4 100644
--- a/src/train.py
+++ b/src/train.py
@@ -1,4 +1,5 @@
 import pandas as pd
+import warnings
 
 def load():
-    return pd.read_csv("a.csv")
+    return pd.read_csv(path)
@@ -20,3 +21,4 @@ def other():
     x = 1
     y = 2
+    z = 3
     return x
diff --git a/old_name.py b/new_name.py
similarity index 90%
rename from old_name.py
rename to new_name.py
index 1111111..2222222 100644
--- a/old_name.py
+++ b/new_name.py
@@ -3,2 +3,2 @@
-a = 1
+a = 2
 b = 3
diff --git a/gone.py b/gone.py
deleted file mode 100644
index 3333333..0000000
--- a/gone.py
+++ /dev/null
@@ -1,2 +0,0 @@
-x = 1
-y = 2
diff --git a/fresh.py b/fresh.py
new file mode 100644
index 0000000..4444444
--- /dev/null
+++ b/fresh.py
@@ -0,0 +1,2 @@
+print(1)
+print(2)
`

func TestParseMultiFile(t *testing.T) {
	s, err := Parse([]byte(multi))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := s.Files(), []string{"fresh.py", "new_name.py", "src/train.py"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Files = %v, want %v", got, want)
	}
	want := map[string][]int{
		"src/train.py": {2, 5, 23}, // second hunk starts at new line 21
		"new_name.py":  {3},
		"fresh.py":     {1, 2},
	}
	for f, w := range want {
		if got := lines(s.files[f]); !reflect.DeepEqual(got, w) {
			t.Errorf("%s: added lines %v, want %v", f, got, w)
		}
	}
	if s.Has("gone.py") || s.Has("old_name.py") {
		t.Error("deleted file or old name of a rename is in scope")
	}
	for _, p := range []string{"src/train.py", "./src/train.py", "src//train.py"} {
		if !s.Contains(p, 5) {
			t.Errorf("Contains(%q, 5) = false", p)
		}
	}
	if s.Contains("src/train.py", 4) || s.Contains("src/train.py", 22) {
		t.Error("context line counted as added")
	}
}

func TestNoNewlineAtEndOfFile(t *testing.T) {
	d := `--- a/x.py
+++ b/x.py
@@ -1,2 +1,3 @@
 a = 1
-b = 2
\ No newline at end of file
+b = 3
+c = 4
\ No newline at end of file
`
	s, err := Parse([]byte(d))
	if err != nil {
		t.Fatal(err)
	}
	if got := lines(s.files["x.py"]); !reflect.DeepEqual(got, []int{2, 3}) {
		t.Errorf("added %v, want [2 3]", got)
	}
}

// Without a/ b/ prefixes (git diff --no-prefix, or plain diff -u), a real
// top-level directory named "b" must survive.
func TestNoPrefix(t *testing.T) {
	d := `--- b/model.py	2024-01-01 10:00:00.000000000 +0000
+++ b/model.py	2024-01-02 10:00:00.000000000 +0000
@@ -1 +1 @@
-x = 1
+x = 2
`
	s, err := Parse([]byte(d))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Contains("b/model.py", 1) {
		t.Errorf("files = %v, want b/model.py", s.Files())
	}
}

func TestQuotedName(t *testing.T) {
	d := "diff --git \"a/sp\\303\\251cial name.py\" \"b/sp\\303\\251cial name.py\"\n" +
		"--- \"a/sp\\303\\251cial name.py\"\n+++ \"b/sp\\303\\251cial name.py\"\n@@ -1 +1 @@\n-a\n+b\n"
	s, err := Parse([]byte(d))
	if err != nil {
		t.Fatal(err)
	}
	if !s.Contains("spécial name.py", 1) {
		t.Errorf("files = %q", s.Files())
	}
}

func TestParsePatch(t *testing.T) {
	// GitHub's "patch" field: hunks only, context lines may lose their
	// leading space when empty.
	patch := "@@ -1,3 +1,4 @@\n import os\n+import sys\n\n x = 1\n@@ -10,2 +11,3 @@ def f():\n     a\n+    b\n     c"
	got, err := ParsePatch(patch)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{2, 12}; !reflect.DeepEqual(lines(got), want) {
		t.Errorf("added %v, want %v", lines(got), want)
	}
	s := New()
	if err := s.AddPatch("./pkg/a.py", patch); err != nil {
		t.Fatal(err)
	}
	if !s.Contains("pkg/a.py", 12) || s.Contains("pkg/a.py", 13) {
		t.Error("AddPatch scope wrong")
	}
}

func TestParsePatchEmptyAndBad(t *testing.T) {
	if got, err := ParsePatch(""); err != nil || len(got) != 0 {
		t.Errorf("empty patch: %v, %v", got, err)
	}
	if _, err := ParsePatch("@@ nonsense @@\n+x\n"); err == nil {
		t.Error("want an error for a bad hunk header")
	}
	if err := New().AddPatch("a.py", "@@ -x +y @@\n"); err == nil {
		t.Error("AddPatch: want an error")
	}
}

func TestParseGarbage(t *testing.T) {
	if _, err := Parse([]byte("this is not a diff\n")); err == nil {
		t.Error("want an error for text without file headers")
	}
	s, err := Parse([]byte("--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+b\n+beyond the hunk\n"))
	if err != nil || !s.Contains("x.py", 1) || s.Contains("x.py", 2) {
		t.Errorf("lines beyond the hunk header's count: %v, %v", s.files, err)
	}
	s, err = Parse(nil)
	if err != nil || len(s.Files()) != 0 {
		t.Errorf("empty diff: %v, %v", s.Files(), err)
	}
}
