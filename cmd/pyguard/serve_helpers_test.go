package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// cleanEnv is the test process's environment without PYGUARD_* variables,
// plus extra.
func cleanEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PYGUARD_") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// pyguardEnv runs the binary in dir with a clean environment plus env.
func pyguardEnv(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, pyguardBin, args...)
	cmd.Dir = dir
	cmd.Env = cleanEnv(env...)
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
		t.Fatalf("running pyguard %v: %v", args, err)
	}
	return r
}
