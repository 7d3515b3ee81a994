package main

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
)

var (
	testKeyOnce sync.Once
	testKeyPEM  []byte
)

// testKey is a PKCS#1 PEM RSA key, generated once per test binary.
func testKey(t testing.TB) []byte {
	t.Helper()
	testKeyOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		testKeyPEM = pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)})
	})
	return testKeyPEM
}

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func validEnv(t *testing.T) map[string]string {
	return map[string]string{
		envAppID:         "12345",
		envPrivateKey:    string(testKey(t)),
		envWebhookSecret: "s3cret-webhook",
	}
}

func TestServeConfigDefaults(t *testing.T) {
	cfg, err := loadServeConfig(serveFlags{}, envOf(validEnv(t)))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.AppID != 12345 || cfg.WebhookSecret != "s3cret-webhook" || cfg.KeySource != envPrivateKey {
		t.Errorf("cfg %+v", cfg)
	}
	if cfg.GitHubURL != "https://api.github.com/" || cfg.Addr != ":8080" || cfg.LogLevel != zerolog.InfoLevel ||
		cfg.LogFormat != "json" || cfg.ShutdownTimeout != 60*time.Second || cfg.Workers != 4 {
		t.Errorf("defaults: %q %q %v %q %v %d", cfg.GitHubURL, cfg.Addr, cfg.LogLevel, cfg.LogFormat, cfg.ShutdownTimeout, cfg.Workers)
	}
	if !strings.HasPrefix(string(cfg.PrivateKey), "-----BEGIN RSA PRIVATE KEY-----") {
		t.Errorf("key not kept as PEM")
	}
}

func TestServeConfigGitHubURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://api.github.com":              "https://api.github.com/",
		"https://api.github.com/":             "https://api.github.com/",
		"https://ghes.example.com/api/v3":     "https://ghes.example.com/api/v3/",
		"https://ghes.example.com/api/v3/":    "https://ghes.example.com/api/v3/",
		"http://127.0.0.1:8765/":              "http://127.0.0.1:8765/",
		"http://127.0.0.1:8765":               "http://127.0.0.1:8765/",
		" http://localhost:9/prefix/gh ":      "http://localhost:9/prefix/gh/",
		"https://proxy.internal:8443/github/": "https://proxy.internal:8443/github/",
	} {
		env := validEnv(t)
		env[envGitHubURL] = in
		cfg, err := loadServeConfig(serveFlags{}, envOf(env))
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if cfg.GitHubURL != want {
			t.Errorf("%q → %q, want %q", in, cfg.GitHubURL, want)
		}
	}
	for _, bad := range []string{"api.github.com", "ftp://x/", "https://", "https://x/?a=b", "https://u:p@x/"} {
		env := validEnv(t)
		env[envGitHubURL] = bad
		if _, err := loadServeConfig(serveFlags{}, envOf(env)); err == nil || !strings.Contains(err.Error(), envGitHubURL) {
			t.Errorf("%q: err %v, want one naming %s", bad, err, envGitHubURL)
		}
	}
	if got := graphQLURL("https://ghes.example.com/api/v3/"); got != "https://ghes.example.com/api/graphql" {
		t.Errorf("GHES graphql %q", got)
	}
	if got := graphQLURL("https://api.github.com/"); got != "https://api.github.com/graphql" {
		t.Errorf("graphql %q", got)
	}
}

func TestServeConfigKeyForms(t *testing.T) {
	key := string(testKey(t))
	dir := t.TempDir()
	path := filepath.Join(dir, "app.pem")
	if err := os.WriteFile(path, testKey(t), 0o600); err != nil {
		t.Fatal(err)
	}
	forms := map[string]map[string]string{
		"pem":            {envPrivateKey: key},
		"escaped":        {envPrivateKey: strings.ReplaceAll(strings.TrimSpace(key), "\n", `\n`)},
		"base64":         {envPrivateKey: base64.StdEncoding.EncodeToString([]byte(key))},
		"base64 wrapped": {envPrivateKey: wrap(base64.StdEncoding.EncodeToString([]byte(key)), 76)},
		"crlf":           {envPrivateKey: strings.ReplaceAll(key, "\n", "\r\n")},
		"path":           {envPrivateKeyPath: path},
		"pkcs8":          {envPrivateKey: pkcs8PEM(t)},
	}
	for name, kv := range forms {
		env := validEnv(t)
		delete(env, envPrivateKey)
		for k, v := range kv {
			env[k] = v
		}
		cfg, err := loadServeConfig(serveFlags{}, envOf(env))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !strings.Contains(string(cfg.PrivateKey), "PRIVATE KEY-----\n") {
			t.Errorf("%s: key %q", name, cfg.PrivateKey)
		}
	}
	// The flag names a file too.
	env := validEnv(t)
	delete(env, envPrivateKey)
	if cfg, err := loadServeConfig(serveFlags{keyPath: path}, envOf(env)); err != nil || cfg.KeySource != path {
		t.Errorf("--private-key-path: %v %q", err, cfg.KeySource)
	}
}

func wrap(s string, n int) string {
	var b strings.Builder
	for len(s) > n {
		b.WriteString(s[:n] + "\n")
		s = s[n:]
	}
	return b.String() + s
}

func TestServeConfigErrors(t *testing.T) {
	secretKey := string(testKey(t))
	garbageKey := "-----BEGIN RSA PRIVATE KEY-----\nTOPSECRETMATERIAL\n-----END RSA PRIVATE KEY-----\n"
	cases := []struct {
		name  string
		edit  func(env map[string]string)
		flags serveFlags
		want  string
	}{
		{"no app id", func(e map[string]string) { delete(e, envAppID) }, serveFlags{}, "PYGUARD_APP_ID is required"},
		{"bad app id", func(e map[string]string) { e[envAppID] = "my-app" }, serveFlags{}, "PYGUARD_APP_ID must be a positive number"},
		{"zero app id", func(e map[string]string) { e[envAppID] = "0" }, serveFlags{}, "PYGUARD_APP_ID must be a positive number"},
		{"bad app id flag", nil, serveFlags{appID: "-3"}, "--app-id must be a positive number"},
		{"no key", func(e map[string]string) { delete(e, envPrivateKey) }, serveFlags{}, "private key is required"},
		{"both keys", func(e map[string]string) { e[envPrivateKeyPath] = "/x.pem" }, serveFlags{}, "set only one of PYGUARD_PRIVATE_KEY and PYGUARD_PRIVATE_KEY_PATH"},
		{"garbage key", func(e map[string]string) { e[envPrivateKey] = garbageKey }, serveFlags{}, "PYGUARD_PRIVATE_KEY: not a valid RSA private key"},
		{"missing key file", func(e map[string]string) { delete(e, envPrivateKey); e[envPrivateKeyPath] = "/nonexistent/app.pem" }, serveFlags{}, "PYGUARD_PRIVATE_KEY_PATH: cannot read the key file"},
		{"no secret", func(e map[string]string) { delete(e, envWebhookSecret) }, serveFlags{}, "PYGUARD_WEBHOOK_SECRET is required"},
		{"log level", func(e map[string]string) { e[envLogLevel] = "loud" }, serveFlags{}, "PYGUARD_LOG_LEVEL must be one of"},
		{"log format", func(e map[string]string) { e[envLogFormat] = "xml" }, serveFlags{}, "PYGUARD_LOG_FORMAT must be json or console"},
		{"shutdown", func(e map[string]string) { e[envShutdownTimeout] = "soon" }, serveFlags{}, "PYGUARD_SHUTDOWN_TIMEOUT must be a positive duration"},
		{"workers", func(e map[string]string) { e[envWorkers] = "0" }, serveFlags{}, "PYGUARD_WORKERS must be a number"},
	}
	for _, c := range cases {
		env := validEnv(t)
		if c.edit != nil {
			c.edit(env)
		}
		_, err := loadServeConfig(c.flags, envOf(env))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q", c.name, err, c.want)
			continue
		}
		for _, secret := range []string{"s3cret-webhook", "TOPSECRETMATERIAL", secretKey[40:80]} {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("%s: the error leaks a secret: %v", c.name, err)
			}
		}
	}
}

func TestServeConfigFlagsOverrideEnv(t *testing.T) {
	env := validEnv(t)
	env[envAddr] = ":9000"
	env[envLogLevel] = "warn"
	cfg, err := loadServeConfig(serveFlags{addr: "127.0.0.1:0", logLevel: "debug", logFormat: "console", shutdownTimeout: "90", appID: "7", workers: "8"}, envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != "127.0.0.1:0" || cfg.LogLevel != zerolog.DebugLevel || cfg.LogFormat != "console" ||
		cfg.ShutdownTimeout != 90*time.Second || cfg.AppID != 7 || cfg.Workers != 8 {
		t.Errorf("cfg %+v", cfg)
	}
}

// The binary: a missing or invalid configuration exits 2 with the reason on
// stderr and without the secrets.
func TestServeBinaryConfigErrors(t *testing.T) {
	dir := t.TempDir()
	r := pyguardEnv(t, dir, []string{"PYGUARD_WEBHOOK_SECRET=hush-hush-secret", "PYGUARD_PRIVATE_KEY=-----BEGIN RSA PRIVATE KEY-----\nQUFBQUFBQUFB\n-----END RSA PRIVATE KEY-----"}, "serve")
	if r.code != exitError {
		t.Fatalf("exit %d, want 2; stderr %s", r.code, r.stderr)
	}
	for _, want := range []string{"PYGUARD_APP_ID is required", "PYGUARD_PRIVATE_KEY: not a valid RSA private key"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr+r.stdout, "hush-hush-secret") || strings.Contains(r.stderr+r.stdout, "QUFBQUFBQUFB") {
		t.Errorf("output leaks a secret:\n%s", r.stderr)
	}
	if r := pyguardEnv(t, dir, nil, "serve", "extra"); r.code != exitError {
		t.Errorf("operand: exit %d", r.code)
	}
	if r := pyguardEnv(t, dir, nil, "serve", "-h"); r.code != exitOK || !strings.Contains(r.stderr+r.stdout, "-github-url") {
		t.Errorf("-h: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// pkcs8PEM is a "BEGIN PRIVATE KEY" key, as openssl genpkey writes.
func pkcs8PEM(t *testing.T) string {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKCS8PrivateKey(k)
	if err != nil {
		t.Fatal(err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}))
}

// A key file that its group or others may use is worth a warning (with
// the fix), never an error, and the warning never holds the key.
func TestServeConfigKeyFileModeWarning(t *testing.T) {
	dir := t.TempDir()
	key := testKey(t)
	cases := []struct {
		name string
		mode os.FileMode
		want string // "" for no warning
	}{
		{"owner only.pem", 0o600, ""},
		{"read only.pem", 0o400, ""},
		{"world.pem", 0o644, "is readable by group/others (mode 0644); chmod 600 "},
		{"group.pem", 0o640, "is readable by group/others (mode 0640); chmod 600 "},
		{"group write.pem", 0o620, "is accessible by group/others (mode 0620); chmod 600 "},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, key, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, c.mode); err != nil {
			t.Fatal(err)
		}
		env := validEnv(t)
		delete(env, envPrivateKey)
		env[envPrivateKeyPath] = path
		cfg, err := loadServeConfig(serveFlags{}, envOf(env))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if c.want == "" {
			if len(cfg.Warnings) != 0 {
				t.Errorf("%s: warnings %q", c.name, cfg.Warnings)
			}
			continue
		}
		want := "private key file " + path + " " + c.want + shellQuote(path)
		if len(cfg.Warnings) != 1 || cfg.Warnings[0] != want {
			t.Errorf("%s: warnings %q, want %q", c.name, cfg.Warnings, want)
			continue
		}
		if strings.Contains(cfg.Warnings[0], string(key[40:80])) {
			t.Errorf("%s: the warning holds the key", c.name)
		}
	}

	// Through a symlink (a Kubernetes secret volume), the target's mode
	// counts; an inline key has no file to judge.
	target := filepath.Join(dir, "world.pem")
	link := filepath.Join(dir, "link.pem")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	env := validEnv(t)
	delete(env, envPrivateKey)
	if cfg, err := loadServeConfig(serveFlags{keyPath: link}, envOf(env)); err != nil || len(cfg.Warnings) != 1 ||
		!strings.Contains(cfg.Warnings[0], "private key file "+link+" is readable by group/others (mode 0644)") {
		t.Errorf("symlink: %v %q", err, cfg.Warnings)
	}
	if cfg, err := loadServeConfig(serveFlags{}, envOf(validEnv(t))); err != nil || len(cfg.Warnings) != 0 {
		t.Errorf("inline key: %v %q", err, cfg.Warnings)
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/etc/pyguard/app.pem": "/etc/pyguard/app.pem",
		"/keys/my key.pem":     "'/keys/my key.pem'",
		"/keys/it's.pem":       `'/keys/it'\''s.pem'`,
		"/keys/$HOME.pem":      "'/keys/$HOME.pem'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
