package metrics

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/rs/zerolog"
)

// scrape serves m's handler over HTTP and compares the named families with
// want, in the text exposition format.
func scrape(t *testing.T, m *Metrics, want string, names ...string) {
	t.Helper()
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	if err := testutil.ScrapeAndCompare(srv.URL, strings.NewReader(want), names...); err != nil {
		t.Error(err)
	}
}

// get returns the status and body of GET url.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

func TestDeliveries(t *testing.T) {
	m := New()
	m.Delivery("pull_request", "queued")
	m.Delivery("pull_request", "queued")
	m.Delivery("pull_request", "coalesced")
	m.Delivery("check_suite", "ignored")
	m.Delivery("ping", "unauthorized")
	// Unsigned requests can name any event: they must not add series.
	m.Delivery("made_up_1", "unauthorized")
	m.Delivery("made_up_2", "unauthorized")
	m.Delivery("", "bad_request")

	scrape(t, m, `
# HELP pyguard_webhook_deliveries_total Webhook deliveries received, by GitHub event and by what the receiver did with them.
# TYPE pyguard_webhook_deliveries_total counter
pyguard_webhook_deliveries_total{event="check_suite",result="ignored"} 1
pyguard_webhook_deliveries_total{event="other",result="bad_request"} 1
pyguard_webhook_deliveries_total{event="other",result="unauthorized"} 2
pyguard_webhook_deliveries_total{event="ping",result="unauthorized"} 1
pyguard_webhook_deliveries_total{event="pull_request",result="coalesced"} 1
pyguard_webhook_deliveries_total{event="pull_request",result="queued"} 2
`, "pyguard_webhook_deliveries_total")
}

func TestReviewDuration(t *testing.T) {
	m := New()
	m.ReviewDone("success", 80*time.Millisecond)
	m.ReviewDone("success", 3*time.Second)
	m.ReviewDone("failure", 45*time.Minute) // past the last bucket: +Inf only

	scrape(t, m, `
# HELP pyguard_review_duration_seconds Time one review of a pull request took, by result.
# TYPE pyguard_review_duration_seconds histogram
pyguard_review_duration_seconds_bucket{result="failure",le="0.1"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="0.25"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="0.5"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="1"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="2.5"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="5"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="10"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="30"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="60"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="120"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="300"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="600"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="1200"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="1800"} 0
pyguard_review_duration_seconds_bucket{result="failure",le="+Inf"} 1
pyguard_review_duration_seconds_sum{result="failure"} 2700
pyguard_review_duration_seconds_count{result="failure"} 1
pyguard_review_duration_seconds_bucket{result="success",le="0.1"} 1
pyguard_review_duration_seconds_bucket{result="success",le="0.25"} 1
pyguard_review_duration_seconds_bucket{result="success",le="0.5"} 1
pyguard_review_duration_seconds_bucket{result="success",le="1"} 1
pyguard_review_duration_seconds_bucket{result="success",le="2.5"} 1
pyguard_review_duration_seconds_bucket{result="success",le="5"} 2
pyguard_review_duration_seconds_bucket{result="success",le="10"} 2
pyguard_review_duration_seconds_bucket{result="success",le="30"} 2
pyguard_review_duration_seconds_bucket{result="success",le="60"} 2
pyguard_review_duration_seconds_bucket{result="success",le="120"} 2
pyguard_review_duration_seconds_bucket{result="success",le="300"} 2
pyguard_review_duration_seconds_bucket{result="success",le="600"} 2
pyguard_review_duration_seconds_bucket{result="success",le="1200"} 2
pyguard_review_duration_seconds_bucket{result="success",le="1800"} 2
pyguard_review_duration_seconds_bucket{result="success",le="+Inf"} 2
pyguard_review_duration_seconds_sum{result="success"} 3.08
pyguard_review_duration_seconds_count{result="success"} 2
`, "pyguard_review_duration_seconds")
}

func TestGitHubTransport(t *testing.T) {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/files"):
			w.Header().Set("X-RateLimit-Resource", "core")
			w.Header().Set("X-RateLimit-Limit", "5000")
			w.Header().Set("X-RateLimit-Remaining", "4999")
			w.WriteHeader(http.StatusOK)
		case strings.Contains(r.URL.Path, "/contents/"):
			// The later response wins: the gauge is the last value seen.
			w.Header().Set("X-RateLimit-Limit", "5000")
			w.Header().Set("X-RateLimit-Remaining", "4998")
			w.WriteHeader(http.StatusNotFound)
		case r.URL.Path == "/graphql":
			w.Header().Set("X-RateLimit-Resource", "graphql")
			w.Header().Set("X-RateLimit-Limit", "5000")
			w.Header().Set("X-RateLimit-Remaining", "17")
			w.WriteHeader(http.StatusOK)
		default:
			w.WriteHeader(http.StatusBadGateway)
		}
	}))
	defer api.Close()

	m := New()
	client := &http.Client{Transport: m.Transport(nil)}
	call := func(method, url string) {
		t.Helper()
		req, err := http.NewRequest(method, url, nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	call("GET", api.URL+"/repos/acme/app/pulls/7/files?per_page=100")
	call("GET", api.URL+"/repos/other/lib/pulls/12/files")
	call("GET", api.URL+"/repos/acme/app/contents/src/pulls/x.py?ref=abc")
	call("PATCH", api.URL+"/repos/acme/app/check-runs/99")
	call("POST", api.URL+"/graphql")

	// A transport error: nothing listens there any more.
	dead := httptest.NewServer(http.NotFoundHandler())
	deadURL := dead.URL
	dead.Close()
	if _, err := client.Get(deadURL + "/app/installations/5/access_tokens"); err == nil {
		t.Fatal("call to a closed server succeeded")
	}

	scrape(t, m, `
# HELP pyguard_github_api_calls_total HTTP requests sent to the GitHub API, by method, route template, status class (2xx..5xx, error) and status code.
# TYPE pyguard_github_api_calls_total counter
pyguard_github_api_calls_total{code="200",method="GET",route="/repos/*/pulls/*/files",status="2xx"} 2
pyguard_github_api_calls_total{code="200",method="POST",route="/graphql",status="2xx"} 1
pyguard_github_api_calls_total{code="404",method="GET",route="/repos/*/contents/*",status="4xx"} 1
pyguard_github_api_calls_total{code="502",method="PATCH",route="/repos/*/check-runs/*",status="5xx"} 1
pyguard_github_api_calls_total{code="none",method="GET",route="/app/installations/*/access_tokens",status="error"} 1
# HELP pyguard_github_rate_limit_limit X-RateLimit-Limit of the last GitHub response carrying it, by X-RateLimit-Resource.
# TYPE pyguard_github_rate_limit_limit gauge
pyguard_github_rate_limit_limit{resource="core"} 5000
pyguard_github_rate_limit_limit{resource="graphql"} 5000
# HELP pyguard_github_rate_limit_remaining X-RateLimit-Remaining of the last GitHub response carrying it, by X-RateLimit-Resource.
# TYPE pyguard_github_rate_limit_remaining gauge
pyguard_github_rate_limit_remaining{resource="core"} 4998
pyguard_github_rate_limit_remaining{resource="graphql"} 17
`, "pyguard_github_api_calls_total", "pyguard_github_rate_limit_limit", "pyguard_github_rate_limit_remaining")
}

func TestRoute(t *testing.T) {
	for path, want := range map[string]string{
		"/repos/acme/app/pulls/7/files":                    "/repos/*/pulls/*/files",
		"/repos/acme/app/pulls/7/reviews":                  "/repos/*/pulls/*/reviews",
		"/repos/acme/app/pulls/7":                          "/repos/*/pulls/*",
		"/repos/acme/app/git/blobs/3f2a9c":                 "/repos/*/git/blobs/*",
		"/repos/acme/app/contents/a/b/c.py":                "/repos/*/contents/*",
		"/repos/acme/app/contents/":                        "/repos/*/contents",
		"/repos/acme/app/git/refs/heads/feat/x":            "/repos/*/git/refs/*",
		"/repos/acme/app/compare/main...feat":              "/repos/*/compare/*",
		"/repos/acme/app/commits/abc/check-suites":         "/repos/*/commits/*/check-suites",
		"/repos/pulls/files/pulls/1":                       "/repos/*/pulls/*", // owner/repo spelled like words
		"/repos/acme":                                      "/repos/*",
		"/app/installations/123/access_tokens":             "/app/installations/*/access_tokens",
		"/app/hook/deliveries/42/attempts":                 "/app/hook/deliveries/*/attempts",
		"/installation/repositories":                       "/installation/repositories",
		"/api/v3/repos/acme/app/pulls/7/files":             "/repos/*/pulls/*/files",
		"/github/api/v3/repos/acme/app/check-runs/1":       "/repos/*/check-runs/*",
		"/api/graphql":                                     "/graphql",
		"/":                                                "/",
		"":                                                 "/",
		"/some/unknown/thing/9":                            "/*",
		"/a/repos/b/c/d":                                   "/*/repos/*",
		"/pulls/1/pulls/2/pulls/3/pulls/4/pulls/5/pulls/6": "/pulls/*/pulls/*/pulls/*/pulls/*/pulls/*/...",
	} {
		if got := route(path); got != want {
			t.Errorf("route(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestStatusAndMethodLabels(t *testing.T) {
	for code, want := range map[int]string{200: "2xx", 304: "3xx", 429: "4xx", 503: "5xx", 99: "other", 600: "other"} {
		if got, _ := statusLabels(code); got != want {
			t.Errorf("statusLabels(%d) = %q, want %q", code, got, want)
		}
	}
	for method, want := range map[string]string{"": "GET", "PATCH": "PATCH", "BREW": "OTHER", "get": "OTHER"} {
		if got := methodLabel(method); got != want {
			t.Errorf("methodLabel(%q) = %q, want %q", method, got, want)
		}
	}
	for res, want := range map[string]string{"": "core", "search": "search", "x" + strings.Repeat("y", 99): "other"} {
		if got := resourceLabel(res); got != want {
			t.Errorf("resourceLabel(%q) = %q, want %q", res, got, want)
		}
	}
}

func TestJobs(t *testing.T) {
	m := New()
	// No source yet: no job series, but the error counter is there.
	scrape(t, m, `
# HELP pyguard_jobs_scrape_errors_total Scrapes whose job statistics could not be read (error or timeout); their job series are left out.
# TYPE pyguard_jobs_scrape_errors_total counter
pyguard_jobs_scrape_errors_total 0
`, "pyguard_jobs", "pyguard_queue_depth", "pyguard_queue_oldest_age_seconds", "pyguard_jobs_scrape_errors_total")

	var gotDeadline bool
	m.SetJobSource(func(ctx context.Context) (JobStats, error) {
		_, gotDeadline = ctx.Deadline()
		return JobStats{
			ByState: map[string]int{
				"available": 3, "scheduled": 2, "retryable": 1, "pending": 4,
				"running": 5, "completed": 100, "frozen": 7,
			},
			OldestAvailable: 90 * time.Second,
		}, nil
	})
	scrape(t, m, `
# HELP pyguard_jobs Jobs in the queue's database, by river job state.
# TYPE pyguard_jobs gauge
pyguard_jobs{state="available"} 3
pyguard_jobs{state="cancelled"} 0
pyguard_jobs{state="completed"} 100
pyguard_jobs{state="discarded"} 0
pyguard_jobs{state="frozen"} 7
pyguard_jobs{state="pending"} 4
pyguard_jobs{state="retryable"} 1
pyguard_jobs{state="running"} 5
pyguard_jobs{state="scheduled"} 2
# HELP pyguard_queue_depth Jobs waiting to run: available, scheduled, retryable and pending.
# TYPE pyguard_queue_depth gauge
pyguard_queue_depth 10
# HELP pyguard_queue_oldest_age_seconds How long the oldest job ready to run has waited for a worker.
# TYPE pyguard_queue_oldest_age_seconds gauge
pyguard_queue_oldest_age_seconds 90
`, "pyguard_jobs", "pyguard_queue_depth", "pyguard_queue_oldest_age_seconds")
	if !gotDeadline {
		t.Error("the job source got a context without a deadline")
	}
}

func TestJobSourceFailureKeepsTheScrape(t *testing.T) {
	m := New()
	m.jobs.timeout = 50 * time.Millisecond
	m.Delivery("pull_request", "queued")
	m.SetJobSource(func(context.Context) (JobStats, error) {
		return JobStats{}, errors.New("database is locked")
	})
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()

	code, body := get(t, srv.URL)
	if code != http.StatusOK {
		t.Fatalf("scrape with a failing job source: HTTP %d\n%s", code, body)
	}
	for _, want := range []string{
		`pyguard_jobs_scrape_errors_total 1`,
		`pyguard_webhook_deliveries_total{event="pull_request",result="queued"} 1`,
		`go_goroutines `,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("scrape lacks %q", want)
		}
	}
	if strings.Contains(body, "pyguard_jobs{") || strings.Contains(body, "pyguard_queue_depth") {
		t.Errorf("job series from a failed read:\n%s", body)
	}

	// A source that ignores its context holds the scrape only until the
	// timeout.
	release := make(chan struct{})
	defer close(release)
	m.SetJobSource(func(context.Context) (JobStats, error) {
		<-release
		return JobStats{}, nil
	})
	start := time.Now()
	code, body = get(t, srv.URL)
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Errorf("scrape with a stuck job source took %v", elapsed)
	}
	if code != http.StatusOK || !strings.Contains(body, "pyguard_jobs_scrape_errors_total 2") {
		t.Errorf("scrape with a stuck job source: HTTP %d\n%s", code, body)
	}
}

func TestNilMetrics(t *testing.T) {
	var m *Metrics
	m.Delivery("pull_request", "queued")
	m.ReviewDone("success", time.Second)
	m.SetJobSource(func(context.Context) (JobStats, error) { return JobStats{}, nil })
	if m.Registry() != nil {
		t.Error("nil Metrics has a registry")
	}
	next := http.DefaultTransport
	if got := m.Transport(next); got != next {
		t.Error("nil Metrics wrapped the transport")
	}
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("nil Metrics handler: HTTP %d", rec.Code)
	}
}

func TestStart(t *testing.T) {
	m := New()
	srv, err := Start("127.0.0.1:0", m.Handler(), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + srv.Addr()
	if code, body := get(t, base+Path); code != http.StatusOK ||
		!strings.Contains(body, "process_resident_memory_bytes") || !strings.Contains(body, "go_goroutines") {
		t.Errorf("GET %s: HTTP %d\n%s", Path, code, body)
	}
	if code, _ := get(t, base+"/"); code != http.StatusNotFound {
		t.Errorf("GET /: HTTP %d, want 404", code)
	}
	resp, err := http.Post(base+Path, "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST %s: HTTP %d, want 405", Path, resp.StatusCode)
	}

	// The address is taken: a second server fails at once.
	if _, err := Start(srv.Addr(), m.Handler(), zerolog.Nop()); err == nil {
		t.Error("second Start on a bound address succeeded")
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := srv.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(base + Path); err == nil {
		t.Error("metrics still served after Shutdown")
	}
}

func TestDefaultAddrIsLoopback(t *testing.T) {
	if !strings.HasPrefix(DefaultAddr, "127.0.0.1:") {
		t.Errorf("DefaultAddr %q is not loopback", DefaultAddr)
	}
}
