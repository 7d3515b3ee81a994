// Package metrics exposes pyguard serve's Prometheus metrics: webhook
// deliveries, review durations, jobs and queue depth, GitHub API calls and
// rate limits. Everything lives in one registry owned by a *Metrics, never
// the global one, so tests and several servers in one process do not share
// counters.
//
// Every method is safe on a nil *Metrics and then does nothing, so call
// sites need no checks when metrics are disabled.
//
// Label values are bounded: webhook event names outside GitHub's list become
// "other", GitHub API paths are reduced to route templates without owners,
// repositories, numbers or file paths, and status codes outside 100-599 become
// "other". Result labels are the caller's constants.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

const namespace = "pyguard"

// reviewBuckets span a trivial PR answered from cache (0.1 s) to a large
// one waiting on GitHub (30 min).
var reviewBuckets = []float64{0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 1800}

// Metrics holds the registry and the metrics pyguard updates.
type Metrics struct {
	reg        *prometheus.Registry
	deliveries *prometheus.CounterVec
	reviews    *prometheus.HistogramVec
	github     *githubMetrics
	jobs       *jobCollector
}

// New returns metrics registered in a new registry, with the Go runtime and
// process collectors.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace,
			Name:      "webhook_deliveries_total",
			Help:      "Webhook deliveries received, by GitHub event and by what the receiver did with them.",
		}, []string{"event", "result"}),
		reviews: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace,
			Name:      "review_duration_seconds",
			Help:      "Time one review of a pull request took, by result.",
			Buckets:   reviewBuckets,
		}, []string{"result"}),
		github: newGitHubMetrics(),
		jobs:   newJobCollector(defaultJobScrapeTimeout),
	}
	m.reg.MustRegister(
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.deliveries,
		m.reviews,
		m.github.calls,
		m.github.remaining,
		m.github.limit,
		m.jobs,
	)
	return m
}

// Registry returns the registry behind Handler, for tests that gather from
// it directly (prometheus/testutil). It is nil on a nil *Metrics.
func (m *Metrics) Registry() *prometheus.Registry {
	if m == nil {
		return nil
	}
	return m.reg
}

// Handler serves the registry in the Prometheus exposition formats. A
// collector error drops that collector's series but not the scrape. On a nil
// *Metrics it answers 404.
func (m *Metrics) Handler() http.Handler {
	if m == nil {
		return http.NotFoundHandler()
	}
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{
		ErrorHandling:       promhttp.ContinueOnError,
		Registry:            m.reg, // promhttp_metric_handler_errors_total
		MaxRequestsInFlight: 4,
		Timeout:             10 * time.Second,
	})
}

// Delivery counts one webhook delivery. event is the X-GitHub-Event header
// (names GitHub does not send become "other", since unsigned requests can
// carry anything); result is what the receiver did: "queued", "coalesced",
// "ignored", "unauthorized", "bad_request", "too_large", "unavailable", ...
func (m *Metrics) Delivery(event, result string) {
	if m == nil {
		return
	}
	m.deliveries.WithLabelValues(eventLabel(event), result).Inc()
}

// ReviewDone records one finished review attempt and how long it took;
// result is "success", "failure", "error", "rescheduled", ...
func (m *Metrics) ReviewDone(result string, d time.Duration) {
	if m == nil {
		return
	}
	m.reviews.WithLabelValues(result).Observe(d.Seconds())
}
