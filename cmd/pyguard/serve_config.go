package main

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v4"
	"github.com/rs/zerolog"
)

// Environment variables of `pyguard serve` (see docs/installing.md).
const (
	envAppID           = "PYGUARD_APP_ID"
	envPrivateKey      = "PYGUARD_PRIVATE_KEY"
	envPrivateKeyPath  = "PYGUARD_PRIVATE_KEY_PATH"
	envWebhookSecret   = "PYGUARD_WEBHOOK_SECRET"
	envGitHubURL       = "PYGUARD_GITHUB_URL"
	envAddr            = "PYGUARD_ADDR"
	envLogLevel        = "PYGUARD_LOG_LEVEL"
	envLogFormat       = "PYGUARD_LOG_FORMAT"
	envShutdownTimeout = "PYGUARD_SHUTDOWN_TIMEOUT"
	envWorkers         = "PYGUARD_WORKERS"
)

const (
	defaultGitHubURL       = "https://api.github.com/"
	defaultServeAddr       = ":8080"
	defaultShutdownTimeout = 60 * time.Second
	defaultWorkers         = 4
	// maxKeyFileSize bounds PYGUARD_PRIVATE_KEY_PATH (an RSA key is ~2 KB).
	maxKeyFileSize = 64 << 10
)

// serveConfig is the validated configuration of `pyguard serve`. String()
// is not defined on purpose: never print it whole (key and secret).
type serveConfig struct {
	AppID         int64
	PrivateKey    []byte // PEM
	KeySource     string // envPrivateKey or the key file's path, for the startup log
	WebhookSecret string
	// GitHubURL is the REST API base, ending in "/".
	GitHubURL       string
	Addr            string
	LogLevel        zerolog.Level
	LogFormat       string // json | console
	ShutdownTimeout time.Duration
	Workers         int
	// Warnings are problems worth logging at startup that do not stop
	// serve (such as a key file others can read). They never contain the
	// key or the secret.
	Warnings []string
}

// serveFlags are the flags mirroring the environment. The private key and
// the webhook secret have no inline flags: command lines are visible to
// every user of the machine (ps); the key can be given as a file.
type serveFlags struct {
	appID, keyPath, githubURL, addr, logLevel, logFormat, shutdownTimeout, workers string
}

func (f *serveFlags) register(fs interface {
	StringVar(p *string, name, value, usage string)
}) {
	fs.StringVar(&f.appID, "app-id", "", "the GitHub App's numeric id (env "+envAppID+")")
	fs.StringVar(&f.keyPath, "private-key-path", "", "file holding the App's PEM private key (env "+envPrivateKeyPath+"; or the key itself in "+envPrivateKey+")")
	fs.StringVar(&f.githubURL, "github-url", "", "REST API base URL; GitHub Enterprise Server: https://HOST/api/v3/ (env "+envGitHubURL+", default "+defaultGitHubURL+")")
	fs.StringVar(&f.addr, "addr", "", "listen address (env "+envAddr+", default "+defaultServeAddr+")")
	fs.StringVar(&f.logLevel, "log-level", "", "trace|debug|info|warn|error (env "+envLogLevel+", default info)")
	fs.StringVar(&f.logFormat, "log-format", "", "json|console (env "+envLogFormat+", default json)")
	fs.StringVar(&f.shutdownTimeout, "shutdown-timeout", "", "on SIGTERM, how long in-flight reviews may take to finish (env "+envShutdownTimeout+", default 60s)")
	fs.StringVar(&f.workers, "workers", "", "concurrent reviews (env "+envWorkers+", default 4)")
}

// loadServeConfig merges flags (which win) over the environment and
// validates. Errors name the variable at fault and never contain the key or
// the secret.
func loadServeConfig(f serveFlags, getenv func(string) string) (serveConfig, error) {
	pick := func(flagVal, env string) (string, string) {
		if flagVal != "" {
			return flagVal, "--" + flagName(env)
		}
		return strings.TrimSpace(getenv(env)), env
	}
	var cfg serveConfig
	var errs []error

	// App id.
	if v, src := pick(f.appID, envAppID); v == "" {
		errs = append(errs, fmt.Errorf("%s is required (the GitHub App's numeric id, on the App's settings page)", envAppID))
	} else if id, err := strconv.ParseInt(v, 10, 64); err != nil || id <= 0 {
		errs = append(errs, fmt.Errorf("%s must be a positive number, got %q", src, v))
	} else {
		cfg.AppID = id
	}

	// Private key: inline or a file, exactly one.
	inline := getenv(envPrivateKey)
	path, pathSrc := pick(f.keyPath, envPrivateKeyPath)
	switch {
	case strings.TrimSpace(inline) != "" && path != "":
		errs = append(errs, fmt.Errorf("set only one of %s and %s", envPrivateKey, pathSrc))
	case strings.TrimSpace(inline) != "":
		if key, err := decodePrivateKey(inline); err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", envPrivateKey, err))
		} else {
			cfg.PrivateKey, cfg.KeySource = key, envPrivateKey
		}
	case path != "":
		if key, err := readPrivateKeyFile(path); err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", pathSrc, err))
		} else {
			cfg.PrivateKey, cfg.KeySource = key, path
			if w := keyFileWarning(path); w != "" {
				cfg.Warnings = append(cfg.Warnings, w)
			}
		}
	default:
		errs = append(errs, fmt.Errorf("the App's private key is required: set %s (the PEM text) or %s (a file)", envPrivateKey, envPrivateKeyPath))
	}

	// Webhook secret (not trimmed: it is compared byte for byte).
	if cfg.WebhookSecret = getenv(envWebhookSecret); cfg.WebhookSecret == "" {
		errs = append(errs, fmt.Errorf("%s is required (the App's webhook secret)", envWebhookSecret))
	}

	// API base URL.
	v, src := pick(f.githubURL, envGitHubURL)
	if v == "" {
		v = defaultGitHubURL
	}
	if u, err := normalizeAPIURL(v); err != nil {
		errs = append(errs, fmt.Errorf("%s: %v", src, err))
	} else {
		cfg.GitHubURL = u
	}

	if cfg.Addr, _ = pick(f.addr, envAddr); cfg.Addr == "" {
		cfg.Addr = defaultServeAddr
	}

	v, src = pick(f.logLevel, envLogLevel)
	if v == "" {
		v = "info"
	}
	if lvl, err := zerolog.ParseLevel(strings.ToLower(v)); err != nil || v == "" || lvl == zerolog.NoLevel {
		errs = append(errs, fmt.Errorf("%s must be one of trace, debug, info, warn, error, fatal, panic, disabled; got %q", src, v))
	} else {
		cfg.LogLevel = lvl
	}

	v, src = pick(f.logFormat, envLogFormat)
	switch v = strings.ToLower(v); v {
	case "", "json":
		cfg.LogFormat = "json"
	case "console":
		cfg.LogFormat = "console"
	default:
		errs = append(errs, fmt.Errorf("%s must be json or console, got %q", src, v))
	}

	cfg.ShutdownTimeout = defaultShutdownTimeout
	if v, src = pick(f.shutdownTimeout, envShutdownTimeout); v != "" {
		if d, err := parseDurationOrSeconds(v); err != nil || d <= 0 {
			errs = append(errs, fmt.Errorf("%s must be a positive duration such as 60s or 2m, got %q", src, v))
		} else {
			cfg.ShutdownTimeout = d
		}
	}

	cfg.Workers = defaultWorkers
	if v, src = pick(f.workers, envWorkers); v != "" {
		if n, err := strconv.Atoi(v); err != nil || n <= 0 || n > 256 {
			errs = append(errs, fmt.Errorf("%s must be a number from 1 to 256, got %q", src, v))
		} else {
			cfg.Workers = n
		}
	}
	return cfg, errors.Join(errs...)
}

// flagName maps an environment variable to its flag.
func flagName(env string) string {
	switch env {
	case envAppID:
		return "app-id"
	case envPrivateKeyPath:
		return "private-key-path"
	case envGitHubURL:
		return "github-url"
	case envAddr:
		return "addr"
	case envLogLevel:
		return "log-level"
	case envLogFormat:
		return "log-format"
	case envShutdownTimeout:
		return "shutdown-timeout"
	case envWorkers:
		return "workers"
	}
	return strings.ToLower(env)
}

// normalizeAPIURL checks a REST API base URL and gives it the trailing
// slash go-github needs. It is used as given otherwise: api.github.com,
// GHES's https://HOST/api/v3/, or a local stand-in such as
// http://127.0.0.1:PORT/.
func normalizeAPIURL(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		if strings.Contains(s, "@") {
			return "", errors.New("not a URL") // it may hold credentials: not echoed
		}
		return "", fmt.Errorf("not a URL: %q", s)
	}
	// First: the messages below echo the URL.
	if u.User != nil {
		return "", errors.New("must not contain credentials")
	}
	if u.Scheme != "https" && u.Scheme != "http" {
		return "", fmt.Errorf("must be an http(s) URL such as %s or https://HOST/api/v3/, got %q", defaultGitHubURL, s)
	}
	if u.Host == "" {
		return "", fmt.Errorf("has no host: %q", s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("must not have a query or fragment: %q", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
		if u.RawPath != "" {
			u.RawPath += "/"
		}
	}
	return u.String(), nil
}

// graphQLURL derives the GraphQL endpoint from the REST base (unused by the
// review, given to go-githubapp for completeness): GHES https://HOST/api/v3/
// → https://HOST/api/graphql, otherwise BASE/graphql.
func graphQLURL(rest string) string {
	if strings.HasSuffix(rest, "/api/v3/") {
		return strings.TrimSuffix(rest, "v3/") + "graphql"
	}
	return rest + "graphql"
}

// decodePrivateKey accepts the PEM text; the PEM with its newlines written
// as literal \n (env files that hold one line per variable); or the PEM
// base64-encoded (what `pyguard setup` writes, safe in every env file
// format). It checks that the result is an RSA private key.
func decodePrivateKey(v string) ([]byte, error) {
	v = strings.TrimSpace(v)
	var pemText string
	switch {
	case strings.Contains(v, "-----BEGIN"):
		pemText = v
		if !strings.Contains(v, "\n") {
			pemText = strings.ReplaceAll(v, `\n`, "\n")
		}
	default:
		compact := strings.Join(strings.Fields(v), "")
		var raw []byte
		var err error
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
			if raw, err = enc.DecodeString(compact); err == nil {
				break
			}
		}
		if err != nil || !strings.Contains(string(raw), "-----BEGIN") {
			return nil, errors.New("not a PEM private key (nor a base64-encoded one)")
		}
		pemText = string(raw)
	}
	key := []byte(strings.TrimSpace(pemText) + "\n")
	if _, err := jwt.ParseRSAPrivateKeyFromPEM(key); err != nil {
		return nil, errors.New("not a valid RSA private key in PEM form (download a new key from the App's settings page)")
	}
	return key, nil
}

func readPrivateKeyFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the key file: %v", err)
	}
	if !fi.Mode().IsRegular() || fi.Size() > maxKeyFileSize {
		return nil, errors.New("not a PEM key file")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the key file: %v", err)
	}
	return decodePrivateKey(string(b))
}

// keyFileWarning is a warning when the key file's mode grants any
// permission to its group or to others, else "". The mode is the
// target's when path is a symlink (as in Kubernetes secret volumes).
// Windows has no such bits (files report 0666), so it is not judged there.
func keyFileWarning(path string) string {
	fi, err := os.Stat(path)
	if err != nil || runtime.GOOS == "windows" {
		return ""
	}
	perm := fi.Mode().Perm()
	if perm&0o077 == 0 {
		return ""
	}
	what := "readable"
	if perm&0o044 == 0 {
		what = "accessible"
	}
	return fmt.Sprintf("private key file %s is %s by group/others (mode %04o); chmod 600 %s", path, what, perm, shellQuote(path))
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-+:@%,=") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// parseDurationOrSeconds accepts Go durations ("90s", "2m") and bare
// seconds ("90").
func parseDurationOrSeconds(s string) (time.Duration, error) {
	if n, err := strconv.Atoi(s); err == nil {
		return time.Duration(n) * time.Second, nil
	}
	return time.ParseDuration(s)
}
