package main

import (
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/pyguard/pyguard/internal/metrics"
	"github.com/pyguard/pyguard/webhook"
)

// Environment variables of `pyguard serve` for its job queue and metrics.
const (
	envDatabaseURL = "PYGUARD_DATABASE_URL"
	envMetricsAddr = "PYGUARD_METRICS_ADDR"
)

// opsConfig is where jobs are kept and where metrics are served.
type opsConfig struct {
	// DatabaseURL is sqlite://PATH (default) or postgres://…; never log it
	// whole (a password may be in it): DatabaseLabel is safe to log.
	DatabaseURL   string
	DatabaseLabel string
	// MetricsAddr serves GET /metrics; "" when switched off ("off").
	MetricsAddr string
}

type opsFlags struct{ databaseURL, metricsAddr string }

func (f *opsFlags) register(fs interface {
	StringVar(p *string, name, value, usage string)
}) {
	fs.StringVar(&f.databaseURL, "database-url", "", "job queue database: sqlite://PATH or postgres://… for several replicas (env "+envDatabaseURL+", default "+webhook.DefaultDatabaseURL+")")
	fs.StringVar(&f.metricsAddr, "metrics-addr", "", "address of GET /metrics (Prometheus), or off (env "+envMetricsAddr+", default "+metrics.DefaultAddr+")")
}

func loadOpsConfig(f opsFlags, getenv func(string) string) (opsConfig, error) {
	var c opsConfig
	c.DatabaseURL = f.databaseURL
	src := "--database-url"
	if c.DatabaseURL == "" {
		c.DatabaseURL, src = strings.TrimSpace(getenv(envDatabaseURL)), envDatabaseURL
	}
	if c.DatabaseURL == "" {
		c.DatabaseURL = webhook.DefaultDatabaseURL
	}
	switch {
	case strings.HasPrefix(c.DatabaseURL, "postgres://"), strings.HasPrefix(c.DatabaseURL, "postgresql://"):
		u, err := url.Parse(c.DatabaseURL)
		if err != nil || u.Host == "" {
			return c, fmt.Errorf("%s: not a PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/DB)", src)
		}
		c.DatabaseLabel = u.Redacted()
	case strings.HasPrefix(c.DatabaseURL, "sqlite://"), !strings.Contains(c.DatabaseURL, "://"):
		c.DatabaseLabel = c.DatabaseURL
	default:
		return c, fmt.Errorf("%s: use sqlite://PATH or postgres://…", src)
	}

	c.MetricsAddr = f.metricsAddr
	src = "--metrics-addr"
	if c.MetricsAddr == "" {
		c.MetricsAddr, src = strings.TrimSpace(getenv(envMetricsAddr)), envMetricsAddr
	}
	switch c.MetricsAddr {
	case "":
		c.MetricsAddr = metrics.DefaultAddr
	case "off", "none", "false", "0":
		c.MetricsAddr = ""
	default:
		if _, _, err := net.SplitHostPort(c.MetricsAddr); err != nil {
			return c, fmt.Errorf("%s: want HOST:PORT (e.g. %s) or off, got %q", src, metrics.DefaultAddr, c.MetricsAddr)
		}
	}
	return c, nil
}
