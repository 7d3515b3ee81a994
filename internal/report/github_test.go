package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestGitHubCommands(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGitHub(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	want := "::notice file=src/load.py,line=2,col=25,endLine=2,endColumn=33,title=AIML173 Pipeline versioning gaps::InconsistentVersionWarning silenced.\n" +
		"::error file=src/load.py,line=3,col=10,endLine=3,endColumn=38,title=AIML161 Missing input validation in preprocessing::Request value used as pandas read path.\n" +
		"::warning file=bad.py,title=pyguard could not analyse this file::not valid UTF-8\n"
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestGitHubEscaping(t *testing.T) {
	r := &Report{Findings: []Finding{{RuleID: "AIML1", Severity: "medium", Title: "a, b: c", Path: "dir,x/a:b%.py",
		Message: "100% sure\r\nsecond line: a,b", Line: 1, Column: 1, EndLine: 1, EndColumn: 2}}}
	var buf bytes.Buffer
	WriteGitHub(&buf, r)
	want := "::warning file=dir%2Cx/a%3Ab%25.py,line=1,col=1,endLine=1,endColumn=2,title=AIML1 a%2C b%3A c::100%25 sure%0D%0Asecond line: a,b\n"
	if buf.String() != want {
		t.Errorf("got  %q\nwant %q", buf.String(), want)
	}
	if strings.Count(buf.String(), "\n") != 1 {
		t.Error("a finding must be one line")
	}
}
