package metrics

import (
	"net/http"
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
)

type githubMetrics struct {
	calls     *prometheus.CounterVec
	remaining *prometheus.GaugeVec
	limit     *prometheus.GaugeVec
}

func newGitHubMetrics() *githubMetrics {
	return &githubMetrics{
		calls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace,
			Name:      "github_api_calls_total",
			Help:      "HTTP requests sent to the GitHub API, by method, route template, status class (2xx..5xx, error) and status code.",
		}, []string{"method", "route", "status", "code"}),
		remaining: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Namespace: namespace,
			Name:      "github_rate_limit_remaining",
			Help:      "X-RateLimit-Remaining of the last GitHub response carrying it, by X-RateLimit-Resource.",
		}, []string{"resource"}),
		limit: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Namespace: namespace,
			Name:      "github_rate_limit_limit",
			Help:      "X-RateLimit-Limit of the last GitHub response carrying it, by X-RateLimit-Resource.",
		}, []string{"resource"}),
	}
}

// Transport wraps next (http.DefaultTransport when nil) so that every request
// it sends to GitHub is counted and every rate-limit header seen is
// recorded. Placed below a retrying transport, each attempt counts. On a nil
// *Metrics it returns next unchanged.
func (m *Metrics) Transport(next http.RoundTripper) http.RoundTripper {
	if m == nil {
		return next
	}
	if next == nil {
		next = http.DefaultTransport
	}
	return &countingTransport{next: next, m: m.github}
}

type countingTransport struct {
	next http.RoundTripper
	m    *githubMetrics
}

func (t *countingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	status, code := "error", "none"
	if err == nil {
		status, code = statusLabels(resp.StatusCode)
		t.m.observeRateLimit(resp.Header)
	}
	t.m.calls.WithLabelValues(methodLabel(req.Method), route(req.URL.Path), status, code).Inc()
	return resp, err
}

// observeRateLimit records the rate-limit headers of one response, if any.
// Installations share the gauge: it shows the last value seen.
func (g *githubMetrics) observeRateLimit(h http.Header) {
	resource := resourceLabel(h.Get("X-RateLimit-Resource"))
	if v, err := strconv.ParseFloat(h.Get("X-RateLimit-Remaining"), 64); err == nil {
		g.remaining.WithLabelValues(resource).Set(v)
	}
	if v, err := strconv.ParseFloat(h.Get("X-RateLimit-Limit"), 64); err == nil {
		g.limit.WithLabelValues(resource).Set(v)
	}
}

func statusLabels(code int) (status, codeLabel string) {
	if code < 100 || code > 599 {
		return "other", "other"
	}
	return strconv.Itoa(code/100) + "xx", strconv.Itoa(code)
}

func methodLabel(method string) string {
	switch method {
	case "": // net/http's spelling of GET
		return http.MethodGet
	case http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut,
		http.MethodPatch, http.MethodDelete, http.MethodOptions:
		return method
	}
	return "OTHER"
}

// rateLimitResources are the X-RateLimit-Resource values GitHub documents
// ("Get rate limit status for the authenticated user").
var rateLimitResources = map[string]bool{
	"core": true, "search": true, "code_search": true, "graphql": true,
	"integration_manifest": true, "source_import": true,
	"code_scanning_upload": true, "code_scanning_autofix": true,
	"actions_runner_registration": true, "scim": true,
	"dependency_snapshots": true, "dependency_sbom": true,
	"audit_log": true, "audit_log_streaming": true,
}

func resourceLabel(resource string) string {
	switch {
	case resource == "":
		return "core" // GitHub's default bucket for REST calls
	case rateLimitResources[resource]:
		return resource
	}
	return "other"
}
