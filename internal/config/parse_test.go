package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseFull(t *testing.T) {
	c, err := Parse([]byte(`
fail_on: medium
select: [AIML, aiml2]
ignore: [AIML172]
paths:
  exclude: ["tests/**", "notebooks/**"]
suggestions: unsafe
max_comments: 10
skipped_files: warn
`))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{FailOn: "medium", Select: []string{"AIML", "AIML2"}, Ignore: []string{"AIML172"},
		Exclude: []string{"tests/**", "notebooks/**"}, Suggestions: "all", MaxComments: 10, SkippedFiles: "warn"}
	c.excludes = nil
	if !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
}

func TestParseDefaults(t *testing.T) {
	for _, doc := range []string{"", "# only a comment\n", "fail_on:\nselect:\n", "---\n"} {
		c, err := Parse([]byte(doc))
		if err != nil {
			t.Fatalf("%q: %v", doc, err)
		}
		if c.FailOn != "high" || c.Suggestions != "all" || c.MaxComments != 50 || c.SkippedFiles != "fail" || c.Select != nil || c.Ignore != nil {
			t.Errorf("%q: got %+v, want defaults", doc, c)
		}
	}
}

func TestParseSuggestions(t *testing.T) {
	for doc, want := range map[string]string{"suggestions: all\n": "all", "suggestions: safe\n": "safe",
		"suggestions: none\n": "none", "suggestions: unsafe\n": "all", "suggestions: ALL\n": "all"} {
		c, err := Parse([]byte(doc))
		if err != nil || c.Suggestions != want {
			t.Errorf("%q: got %v %v, want %q", doc, c, err, want)
		}
	}
}

func TestParseSkippedFiles(t *testing.T) {
	for doc, want := range map[string]string{"skipped_files: fail\n": "fail", "skipped_files: warn\n": "warn",
		"skipped_files: WARN\n": "warn", "skipped_files:\n": "fail", "fail_on: low\n": "fail"} {
		c, err := Parse([]byte(doc))
		if err != nil || c.SkippedFiles != want {
			t.Errorf("%q: got %+v %v, want %q", doc, c, err, want)
		}
	}
}

func TestParseLenientForms(t *testing.T) {
	c, err := Parse([]byte("fail_on: NEVER\nselect: AIML161, AIML17\nignore: aiml175\npaths:\n  exclude: build/**\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != "never" || !reflect.DeepEqual(c.Select, []string{"AIML161", "AIML17"}) ||
		!reflect.DeepEqual(c.Ignore, []string{"AIML175"}) || !reflect.DeepEqual(c.Exclude, []string{"build/**"}) {
		t.Errorf("got %+v", c)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ doc, want string }{
		{"fail_on: sometimes\n", `line 1: fail_on: "sometimes" is not one of critical, high, medium, low, never`},
		{"fail_on: [high]\n", `line 1: fail_on: a list is not one of`},
		{"suggestions: some\n", `line 1: suggestions: "some" is not one of all, safe, none`},
		{"skipped_files: ignore\n", `line 1: skipped_files: "ignore" is not one of fail, warn`},
		{"skipped_files: [warn]\n", `line 1: skipped_files: a list is not one of fail, warn`},
		{"max_comments: 0\n", `line 1: max_comments: "0" is not a positive integer`},
		{"max_comments: -3\n", `max_comments: "-3" is not a positive integer`},
		{"max_comments: ten\n", `max_comments: "ten" is not a positive integer`},
		{"max_comments: 2.5\n", `max_comments: "2.5" is not a positive integer`},
		{"select: [AIML161, 42]\n", `line 1: select[1]: "42" is not a non-empty string`},
		{"select:\n  - AIML161\n  - AIML-17\n", `line 3: select: "AIML-17" is not a rule ID or prefix`},
		{"ignore: {a: b}\n", `ignore: a mapping is not a non-empty string`},
		{"paths:\n  exclude: [\"[abc\"]\n", `line 2: paths.exclude: "[abc": malformed glob pattern`},
		{"failon: high\n", `line 1: unknown key "failon"`},
		{"paths:\n  include: [src]\n", `line 2: unknown key "include"`},
		{"paths: tests\n", `line 1: cannot unmarshal`},
		{"- a\n- b\n", `cannot unmarshal !!seq`},
		{"fail_on: [high\n", `invalid YAML`},
		{"fail_on: high\n---\nfail_on: low\n", `expected one YAML document`},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.doc))
		if err == nil {
			t.Errorf("%q: no error, want %q", c.doc, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %q, want it to contain %q", c.doc, err, c.want)
		}
	}
}

func TestSplitRuleIDs(t *testing.T) {
	got, err := SplitRuleIDs(" aiml161, ,AIML2 ")
	if err != nil || !reflect.DeepEqual(got, []string{"AIML161", "AIML2"}) {
		t.Errorf("got %v, %v", got, err)
	}
	if _, err := SplitRuleIDs("AIML161;AIML162"); err == nil {
		t.Error("want an error for a semicolon list")
	}
}

func TestParseTrailingSeparatorAndSize(t *testing.T) {
	if _, err := Parse([]byte("fail_on: low\n---\n")); err != nil {
		t.Errorf("trailing document separator: %v", err)
	}
	if _, err := Parse([]byte("# " + strings.Repeat("x", MaxSize) + "\n")); err == nil {
		t.Error("want an error for an oversized file")
	}
	// yaml.v3 refuses alias bombs rather than expanding them.
	bomb := "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n" +
		"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n" +
		"select: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
	if _, err := Parse([]byte(bomb)); err == nil {
		t.Error("want an error for an alias bomb")
	}
}
