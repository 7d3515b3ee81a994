package metrics

import (
	"context"
	"errors"
	"slices"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// defaultJobScrapeTimeout bounds one call of the job source, so a slow
// database cannot hold a scrape.
const defaultJobScrapeTimeout = 2 * time.Second

// jobStates are river's job states (rivertype.JobStates), always exposed so
// that a state with no jobs reads 0 instead of vanishing.
var jobStates = []string{
	"available", "cancelled", "completed", "discarded",
	"pending", "retryable", "running", "scheduled",
}

// queuedStates are the states of a job waiting to run: the queue depth.
var queuedStates = []string{"available", "pending", "retryable", "scheduled"}

// JobStats is a snapshot of the job queue.
type JobStats struct {
	// ByState counts jobs by river job state.
	ByState map[string]int
	// OldestAvailable is how long the oldest job ready to run has been
	// waiting for a worker (0 when none is).
	OldestAvailable time.Duration
}

// JobSource reports the job queue; it is called at every scrape with a
// context that ends after a short timeout.
type JobSource func(context.Context) (JobStats, error)

// SetJobSource makes scrapes report the jobs src returns. Until it is called
// no job series are exposed.
func (m *Metrics) SetJobSource(src JobSource) {
	if m == nil {
		return
	}
	m.jobs.source.Store(&src)
}

// jobCollector asks its source at scrape time rather than caching, so the
// numbers are those of the database now, whichever replica did the work.
type jobCollector struct {
	source  atomic.Pointer[JobSource]
	timeout time.Duration

	byState *prometheus.Desc
	depth   *prometheus.Desc
	oldest  *prometheus.Desc
	errors  prometheus.Counter
}

func newJobCollector(timeout time.Duration) *jobCollector {
	return &jobCollector{
		timeout: timeout,
		byState: prometheus.NewDesc(namespace+"_jobs",
			"Jobs in the queue's database, by river job state.", []string{"state"}, nil),
		depth: prometheus.NewDesc(namespace+"_queue_depth",
			"Jobs waiting to run: available, scheduled, retryable and pending.", nil, nil),
		oldest: prometheus.NewDesc(namespace+"_queue_oldest_age_seconds",
			"How long the oldest job ready to run has waited for a worker.", nil, nil),
		errors: prometheus.NewCounter(prometheus.CounterOpts{
			Namespace: namespace,
			Name:      "jobs_scrape_errors_total",
			Help:      "Scrapes whose job statistics could not be read (error or timeout); their job series are left out.",
		}),
	}
}

func (c *jobCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.byState
	ch <- c.depth
	ch <- c.oldest
	c.errors.Describe(ch)
}

func (c *jobCollector) Collect(ch chan<- prometheus.Metric) {
	if src := c.source.Load(); src != nil {
		if stats, err := c.read(*src); err != nil {
			c.errors.Inc()
		} else {
			c.emit(ch, stats)
		}
	}
	c.errors.Collect(ch)
}

var errJobSourceTimeout = errors.New("job source did not answer in time")

// read calls src under the timeout and gives up at the deadline even if src
// ignores its context.
func (c *jobCollector) read(src JobSource) (JobStats, error) {
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	type answer struct {
		stats JobStats
		err   error
	}
	done := make(chan answer, 1) // buffered: a late answer does not block
	go func() {
		stats, err := src(ctx)
		done <- answer{stats, err}
	}()
	select {
	case a := <-done:
		return a.stats, a.err
	case <-ctx.Done():
		return JobStats{}, errJobSourceTimeout
	}
}

func (c *jobCollector) emit(ch chan<- prometheus.Metric, stats JobStats) {
	for _, state := range jobStates {
		ch <- prometheus.MustNewConstMetric(c.byState, prometheus.GaugeValue,
			float64(stats.ByState[state]), state)
	}
	for state, n := range stats.ByState {
		if !slices.Contains(jobStates, state) { // a state added by a newer river
			ch <- prometheus.MustNewConstMetric(c.byState, prometheus.GaugeValue, float64(n), state)
		}
	}
	depth := 0
	for _, state := range queuedStates {
		depth += stats.ByState[state]
	}
	ch <- prometheus.MustNewConstMetric(c.depth, prometheus.GaugeValue, float64(depth))
	ch <- prometheus.MustNewConstMetric(c.oldest, prometheus.GaugeValue,
		max(stats.OldestAvailable, 0).Seconds())
}
