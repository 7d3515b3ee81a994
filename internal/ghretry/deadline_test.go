package ghretry

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"testing"
	"time"

	"github.com/google/go-github/v62/github"
)

// leftAfter runs n failing calls through a go-github client on hc and
// returns how many goroutines and how many bytes of live heap outlive them.
func leftAfter(t *testing.T, hc *http.Client, base string, n int) (goroutines int, heap int64) {
	t.Helper()
	gh := github.NewClient(hc)
	gh.BaseURL, _ = url.Parse(base)
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	before := runtime.NumGoroutine()
	for i := 0; i < n; i++ {
		if _, _, err := gh.Repositories.Get(context.Background(), "o", "r"); err == nil {
			t.Fatal("the call succeeded")
		}
	}
	hc.CloseIdleConnections()
	time.Sleep(50 * time.Millisecond)
	runtime.GC()
	runtime.ReadMemStats(&m1)
	return runtime.NumGoroutine() - before, int64(m1.HeapAlloc) - int64(m0.HeapAlloc)
}

// go-github v62 never closes the body of an error response, so
// http.Client.Timeout's timer goroutine lives on for the whole timeout;
// AttemptTimeout ends at EOF, and a fault storm leaves nothing behind.
func TestAttemptTimeoutLeavesNothingBehind(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"message":"Not Found"}`))
	}))
	defer srv.Close()
	const calls = 200

	leaky := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone(), Timeout: 5 * time.Minute}
	g, heapLeaky := leftAfter(t, leaky, srv.URL+"/", calls)
	t.Logf("control, http.Client.Timeout: %d goroutines and %d KiB of heap left after %d error responses", g, heapLeaky>>10, calls)

	fixed := &http.Client{Transport: AttemptTimeout(5 * time.Minute)(http.DefaultTransport.(*http.Transport).Clone())}
	g, heapFixed := leftAfter(t, fixed, srv.URL+"/", calls)
	t.Logf("AttemptTimeout: %d goroutines and %d KiB of heap left", g, heapFixed>>10)
	if g > 5 {
		t.Errorf("AttemptTimeout left %d goroutines after %d error responses, want ~0", g, calls)
	}
	if heapFixed > heapLeaky/4 && heapLeaky > 256<<10 {
		t.Errorf("AttemptTimeout left %d KiB of heap, the leaky client %d KiB: not freed", heapFixed>>10, heapLeaky>>10)
	}
}

// A body that is never read to the end still ends the attempt's context
// on Close, and a slow server is cut off at the deadline.
func TestAttemptTimeoutBoundsAnAttempt(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	hc := &http.Client{Transport: AttemptTimeout(100 * time.Millisecond)(http.DefaultTransport)}
	start := time.Now()
	_, err := hc.Get(srv.URL)
	if err == nil || time.Since(start) > 2*time.Second {
		t.Fatalf("err %v after %v, want a deadline error after ~100ms", err, time.Since(start))
	}
}
