package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	repo "github.com/pyguard/pyguard"
)

// The manifest asks for least privilege: exactly these permissions and
// events, nothing else.
func TestAppManifest(t *testing.T) {
	var m struct {
		Name           string            `yaml:"name"`
		URL            string            `yaml:"url"`
		Description    string            `yaml:"description"`
		HookAttributes map[string]any    `yaml:"hook_attributes"`
		RedirectURL    string            `yaml:"redirect_url"`
		Public         *bool             `yaml:"public"`
		DefaultEvents  []string          `yaml:"default_events"`
		DefaultPerms   map[string]string `yaml:"default_permissions"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(repo.AppManifest))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		t.Fatalf("app.yml: %v", err)
	}
	wantPerms := map[string]string{"checks": "write", "pull_requests": "write", "contents": "read", "metadata": "read"}
	if !reflect.DeepEqual(m.DefaultPerms, wantPerms) {
		t.Errorf("default_permissions %v, want exactly %v", m.DefaultPerms, wantPerms)
	}
	if want := []string{"pull_request", "check_suite", "check_run"}; !reflect.DeepEqual(m.DefaultEvents, want) {
		t.Errorf("default_events %v, want exactly %v", m.DefaultEvents, want)
	}
	if m.Name != "PyGuard" || m.URL == "" || m.Description == "" || m.RedirectURL == "" {
		t.Errorf("name/url/description/redirect_url: %+v", m)
	}
	if m.Public == nil || *m.Public {
		t.Error("public must be false")
	}
	if m.HookAttributes["active"] != true || m.HookAttributes["url"] == "" {
		t.Errorf("hook_attributes %v", m.HookAttributes)
	}
	// The file on disk is the one embedded.
	disk, err := os.ReadFile("../../app.yml")
	if err != nil || !bytes.Equal(disk, repo.AppManifest) {
		t.Errorf("app.yml on disk differs from the embedded manifest (%v)", err)
	}
}

// conversionServer is GitHub's POST /app-manifests/{code}/conversions.
func conversionServer(t *testing.T, code string, pemKey []byte) (*httptest.Server, *atomic.Int32) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.Method != http.MethodPost || r.URL.Path != "/api/v3/app-manifests/"+code+"/conversions" {
			w.WriteHeader(http.StatusNotFound)
			fmt.Fprint(w, `{"message":"Not Found"}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		json.NewEncoder(w).Encode(map[string]any{
			"id": 424242, "slug": "pyguard-acme", "node_id": "MDM6QXBwNTk=", "name": "PyGuard Acme",
			"owner":          map[string]any{"login": "acme"},
			"html_url":       "https://ghes.example.com/github-apps/pyguard-acme",
			"client_id":      "Iv1.8a61f9b3a7aba766",
			"client_secret":  "1726be1638095a19edd134c77bde3aa2ece1e5d8",
			"webhook_secret": "e340154128314309424b7c8e90325147d99fdafa",
			"pem":            string(pemKey),
		})
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

func newTestSetup(t *testing.T, apiURL, out string, force bool) *setupServer {
	t.Helper()
	o := setupOptions{webhookURL: "https://pyguard.acme.dev", org: "acme", webURL: "https://ghes.example.com", out: out, force: force}
	if err := o.validate(apiURL); err != nil {
		t.Fatal(err)
	}
	s, err := newSetupServer(o, "http://127.0.0.1:3000")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

func TestSetupPage(t *testing.T) {
	dir := t.TempDir()
	s := newTestSetup(t, "", filepath.Join(dir, "app.env"), false)
	if s.opt.apiURL != "https://ghes.example.com/api/v3/" {
		t.Errorf("GHES API URL derived as %q", s.opt.apiURL)
	}
	rec := get(t, s, "/")
	if rec.Code != 200 {
		t.Fatalf("GET / = %d", rec.Code)
	}
	page := rec.Body.String()
	action := regexp.MustCompile(`<form action="([^"]+)" method="post">`).FindStringSubmatch(page)
	if action == nil {
		t.Fatalf("no form in\n%s", page)
	}
	if want := "https://ghes.example.com/organizations/acme/settings/apps/new?state=" + s.state; html.UnescapeString(action[1]) != want {
		t.Errorf("form action %q, want %q", html.UnescapeString(action[1]), want)
	}
	val := regexp.MustCompile(`name="manifest" value="([^"]+)"`).FindStringSubmatch(page)
	if val == nil {
		t.Fatal("no manifest field")
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(html.UnescapeString(val[1])), &m); err != nil {
		t.Fatalf("manifest is not JSON: %v", err)
	}
	if m["redirect_url"] != "http://127.0.0.1:3000/callback" {
		t.Errorf("redirect_url %v", m["redirect_url"])
	}
	hook := m["hook_attributes"].(map[string]any)
	if hook["url"] != "https://pyguard.acme.dev/webhook" || hook["active"] != true {
		t.Errorf("hook_attributes %v", hook)
	}
	if m["name"] != "PyGuard" || m["public"] != false || m["url"] != "https://github.com/pyguard/pyguard" {
		t.Errorf("manifest %v", m)
	}
	perms := m["default_permissions"].(map[string]any)
	if len(perms) != 4 || perms["checks"] != "write" {
		t.Errorf("permissions %v", perms)
	}

	// New-app pages for a user and for github.com.
	o := setupOptions{webhookURL: "https://x.dev/hook", webURL: "https://github.com/", out: filepath.Join(dir, "other.env")}
	if err := o.validate(""); err != nil {
		t.Fatal(err)
	}
	s2, _ := newSetupServer(o, "http://127.0.0.1:3000")
	if got := s2.newAppURL(); got != "https://github.com/settings/apps/new" {
		t.Errorf("user new-app URL %q", got)
	}
	if s2.opt.apiURL != "https://api.github.com/" || s2.opt.webhookURL != "https://x.dev/hook" {
		t.Errorf("github.com: api %q webhook %q", s2.opt.apiURL, s2.opt.webhookURL)
	}
	s2.opt.org = "octo-org"
	if got := s2.newAppURL(); got != "https://github.com/organizations/octo-org/settings/apps/new" {
		t.Errorf("org new-app URL %q", got)
	}
}

func TestSetupCallback(t *testing.T) {
	key := testKey(t)
	gh, calls := conversionServer(t, "the-code", key)
	dir := t.TempDir()
	out := filepath.Join(dir, "pyguard-app.env")
	s := newTestSetup(t, gh.URL+"/api/v3", out, false)

	// A wrong or missing state is refused before GitHub is called.
	for _, q := range []string{"?code=the-code&state=forged", "?code=the-code", "?code=the-code&state=" + s.state[:10]} {
		if rec := get(t, s, "/callback"+q); rec.Code != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", q, rec.Code)
		}
	}
	if calls.Load() != 0 {
		t.Fatalf("GitHub called %d times for forged callbacks", calls.Load())
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatalf("file written for a forged callback")
	}

	// An unknown code: GitHub's 404 becomes a 502 page, nothing written.
	if rec := get(t, s, "/callback?code=expired&state="+s.state); rec.Code != http.StatusBadGateway || !strings.Contains(rec.Body.String(), "single-use") {
		t.Errorf("expired code: %d %s", rec.Code, rec.Body.String())
	}

	rec := get(t, s, "/callback?code=the-code&state="+s.state)
	if rec.Code != 200 {
		t.Fatalf("callback: %d %s", rec.Code, rec.Body.String())
	}
	if !strings.Contains(rec.Body.String(), "https://ghes.example.com/github-apps/pyguard-acme/installations/new") {
		t.Errorf("page lacks the install link:\n%s", rec.Body.String())
	}
	res := <-s.done
	if res.app.ID != 424242 || res.path != out {
		t.Errorf("result %+v", res)
	}

	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	env := readEnvFile(t, out)
	want := map[string]string{
		"PYGUARD_APP_ID":         "424242",
		"PYGUARD_APP_SLUG":       "pyguard-acme",
		"PYGUARD_GITHUB_URL":     gh.URL + "/api/v3/",
		"PYGUARD_WEBHOOK_SECRET": "e340154128314309424b7c8e90325147d99fdafa",
		"PYGUARD_CLIENT_ID":      "Iv1.8a61f9b3a7aba766",
		"PYGUARD_CLIENT_SECRET":  "1726be1638095a19edd134c77bde3aa2ece1e5d8",
	}
	for k, v := range want {
		if env[k] != v {
			t.Errorf("%s=%q, want %q", k, env[k], v)
		}
	}
	pemBytes, err := base64.StdEncoding.DecodeString(env["PYGUARD_PRIVATE_KEY"])
	if err != nil || !bytes.Equal(bytes.TrimSpace(pemBytes), bytes.TrimSpace(key)) {
		t.Errorf("PYGUARD_PRIVATE_KEY does not decode to the key (%v)", err)
	}

	// The file configures pyguard serve as it is.
	cfg, err := loadServeConfig(serveFlags{}, envOf(env))
	if err != nil {
		t.Fatalf("serve does not accept the written file: %v", err)
	}
	if cfg.AppID != 424242 || cfg.GitHubURL != gh.URL+"/api/v3/" || cfg.WebhookSecret != want["PYGUARD_WEBHOOK_SECRET"] {
		t.Errorf("serve config from the file: %+v", cfg)
	}

	// The session is spent.
	if rec := get(t, s, "/callback?code=the-code&state="+s.state); rec.Code != http.StatusConflict {
		t.Errorf("second callback: %d", rec.Code)
	}

	// Next steps.
	var buf bytes.Buffer
	printNextSteps(&buf, res, s.opt)
	for _, w := range []string{"installations/new", "pyguard serve", "--env-file " + out, "https://pyguard.acme.dev/webhook"} {
		if !strings.Contains(buf.String(), w) {
			t.Errorf("next steps lack %q:\n%s", w, buf.String())
		}
	}
}

// readEnvFile parses KEY=VALUE lines, checking that comments and values are
// in the form every env file reader accepts.
func readEnvFile(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	env := map[string]string{}
	for _, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok || !regexp.MustCompile(`^[A-Z_]+$`).MatchString(k) || !envSafe(v) {
			t.Fatalf("bad env line %q", line)
		}
		env[k] = v
	}
	return env
}

func TestSetupRefusesOverwrite(t *testing.T) {
	key := testKey(t)
	gh, calls := conversionServer(t, "c0de", key)
	dir := t.TempDir()
	out := filepath.Join(dir, "pyguard-app.env")
	if err := os.WriteFile(out, []byte("KEEP=1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	o := setupOptions{webhookURL: "https://x.dev/webhook", webURL: "https://github.com", out: out}
	if err := o.validate(gh.URL + "/api/v3/"); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("existing --out: err %v", err)
	}

	// Created between the start and the callback: still not overwritten.
	o.out = filepath.Join(dir, "late.env")
	if err := o.validate(gh.URL + "/api/v3/"); err != nil {
		t.Fatal(err)
	}
	s, _ := newSetupServer(o, "http://127.0.0.1:3000")
	os.WriteFile(o.out, []byte("KEEP=1\n"), 0o644)
	if rec := get(t, s, "/callback?code=c0de&state="+s.state); rec.Code != http.StatusInternalServerError {
		t.Errorf("late file: %d", rec.Code)
	}
	if b, _ := os.ReadFile(o.out); string(b) != "KEEP=1\n" {
		t.Errorf("file overwritten: %q", b)
	}

	// --force replaces it, with mode 0600.
	o.force = true
	if err := o.validate(gh.URL + "/api/v3/"); err != nil {
		t.Fatal(err)
	}
	s, _ = newSetupServer(o, "http://127.0.0.1:3000")
	if rec := get(t, s, "/callback?code=c0de&state="+s.state); rec.Code != 200 {
		t.Fatalf("--force: %d %s", rec.Code, rec.Body.String())
	}
	fi, _ := os.Stat(o.out)
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	if env := readEnvFile(t, o.out); env["PYGUARD_APP_ID"] != "424242" {
		t.Errorf("not replaced: %v", env)
	}
	if calls.Load() != 2 {
		t.Errorf("%d conversions", calls.Load())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestSetupFlags(t *testing.T) {
	dir := t.TempDir()
	if r := pyguardEnv(t, dir, nil, "setup"); r.code != exitError || !strings.Contains(r.stderr, "--webhook-url is required") {
		t.Errorf("no --webhook-url: %d %s", r.code, r.stderr)
	}
	os.WriteFile(filepath.Join(dir, "pyguard-app.env"), nil, 0o600)
	if r := pyguardEnv(t, dir, nil, "setup", "--webhook-url", "https://x.dev/webhook"); r.code != exitError || !strings.Contains(r.stderr, "--force") {
		t.Errorf("existing out: %d %s", r.code, r.stderr)
	}
	if r := pyguardEnv(t, dir, nil, "setup", "--webhook-url", "ftp://x"); r.code != exitError {
		t.Errorf("bad url: %d", r.code)
	}
}

// The whole flow through the binary, GitHub's browser redirect simulated.
func TestSetupBinaryFlow(t *testing.T) {
	gh, _ := conversionServer(t, "code-123", testKey(t))
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, pyguardBin, "setup", "--addr", "127.0.0.1:0", "--webhook-url", "https://pyguard.acme.dev/webhook",
		"--github-url", "https://ghes.example.com", "--api-url", gh.URL+"/api/v3/", "--out", "app.env")
	cmd.Dir = dir
	cmd.Env = cleanEnv()
	stdout, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	rd := bufio.NewReader(stdout)
	first, err := rd.ReadString('\n')
	if err != nil {
		t.Fatalf("reading the first line: %v (stderr %s)", err, stderr.String())
	}
	page := regexp.MustCompile(`Open (http://127\.0\.0\.1:\d+/) in your browser`).FindStringSubmatch(first)
	if page == nil {
		t.Fatalf("first line %q", first)
	}
	resp, err := http.Get(page[1])
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	state := regexp.MustCompile(`state=([0-9a-f]+)`).FindStringSubmatch(string(body))
	if state == nil {
		t.Fatalf("no state in the page:\n%s", body)
	}
	resp, err = http.Get(page[1] + "callback?code=code-123&state=" + state[1])
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("callback %d", resp.StatusCode)
	}
	rest, _ := io.ReadAll(rd)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("setup: %v\nstdout %s\nstderr %s", err, rest, stderr.String())
	}
	for _, w := range []string{"Created GitHub App", "installations/new", "pyguard serve"} {
		if !strings.Contains(string(rest), w) {
			t.Errorf("output lacks %q:\n%s", w, rest)
		}
	}
	if env := readEnvFile(t, filepath.Join(dir, "app.env")); env["PYGUARD_APP_ID"] != "424242" {
		t.Errorf("env %v", env)
	}
}
