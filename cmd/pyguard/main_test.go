package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pyguardBin is the binary under test, built once by TestMain.
var pyguardBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pyguard-bin-")
	if err != nil {
		panic(err)
	}
	pyguardBin = filepath.Join(dir, "pyguard")
	build := exec.Command("go", "build", "-o", pyguardBin, ".")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		os.RemoveAll(dir)
		panic("building pyguard: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is one run of the binary.
type result struct {
	stdout, stderr string
	code           int
	took           time.Duration
}

// pyguard runs the binary in dir with stdin and returns its output and
// exit code. Every run has a deadline so a hang fails instead of blocking.
func pyguard(t *testing.T, dir, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, pyguardBin, args...)
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(stdin)
	var out, errout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errout
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errout.String(), took: time.Since(start)}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.ExitCode() >= 0:
		r.code = exit.ExitCode()
	default:
		t.Fatalf("pyguard %v: %v\nstderr: %s", args, err, r.stderr)
	}
	return r
}

// wantCode fails the test when r did not exit with code.
func (r result) wantCode(t *testing.T, code int) result {
	t.Helper()
	if r.code != code {
		t.Fatalf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	return r
}

// jsonReport is the contract's JSON output.
type jsonReport struct {
	Tool         string        `json:"tool"`
	Version      string        `json:"version"`
	FilesScanned int           `json:"files_scanned"`
	Findings     []jsonFinding `json:"findings"`
	Errors       []jsonError   `json:"errors"`
}

type jsonFinding struct {
	RuleID     string   `json:"rule_id"`
	Severity   string   `json:"severity"`
	Title      string   `json:"title"`
	Message    string   `json:"message"`
	Path       string   `json:"path"`
	Line       int      `json:"line"`
	Column     int      `json:"column"`
	EndLine    int      `json:"end_line"`
	EndColumn  int      `json:"end_column"`
	References []string `json:"references"`
	Fix        *struct {
		Applicability string `json:"applicability"`
		Description   string `json:"description"`
		Edits         []struct {
			StartLine   int    `json:"start_line"`
			StartColumn int    `json:"start_column"`
			EndLine     int    `json:"end_line"`
			EndColumn   int    `json:"end_column"`
			NewText     string `json:"new_text"`
		} `json:"edits"`
	} `json:"fix"`
}

type jsonError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// anyGate stands for exit code 0 or 1: a report was produced and the
// test does not care about the gate.
const anyGate = -1

// scanJSON runs `scan --format json` with args and decodes the report.
func scanJSON(t *testing.T, dir string, code int, args ...string) jsonReport {
	t.Helper()
	r := pyguard(t, dir, "", append([]string{"scan", "--format", "json"}, args...)...)
	if code != anyGate || r.code > 1 {
		r.wantCode(t, code)
	}
	return decode(t, r.stdout)
}

// decode parses a JSON report strictly: no keys beyond the contract's.
func decode(t *testing.T, out string) jsonReport {
	t.Helper()
	var rep jsonReport
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("decoding JSON: %v\n%s", err, out)
	}
	return rep
}

func (r jsonReport) ids() []string {
	out := []string{}
	for _, f := range r.Findings {
		out = append(out, f.RuleID)
	}
	return out
}

// Python sources that fire the two rules the tests rely on.
const (
	// AIML161 (high, guidance fix), reported on line 8.
	srcAIML161 = `from flask import Flask, request
import pandas as pd

app = Flask(__name__)

@app.get("/features/preview")
def preview():
    df = pd.read_csv(request.args["source"])
    return df.head().to_json()
`
	// AIML173 (low, unsafe fix), reported on line 4.
	srcAIML173 = `import warnings
from sklearn.exceptions import InconsistentVersionWarning

warnings.filterwarnings("ignore", category=InconsistentVersionWarning)
`
	srcClean = "import os\n\nprint(os.getcwd())\n"
)

// project writes files (name -> content) into a new temporary directory.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
