package webhook

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/pyguard/pyguard/review"
)

// BenchmarkWebhookAck measures how long GitHub waits for its answer: 200
// concurrent signed deliveries over real connections, each committed as a
// job before the 202. Reported: p50 and p99 acknowledgement latency.
//
//	go test ./webhook -run '^$' -bench WebhookAck -benchtime 2000x
func BenchmarkWebhookAck(b *testing.B) {
	dbs := []struct{ name, url string }{{"sqlite", ""}}
	if pg := os.Getenv("PYGUARD_TEST_DATABASE_URL"); pg != "" {
		dbs = append(dbs, struct{ name, url string }{"postgres", pg})
	}
	for _, db := range dbs {
		b.Run(db.name, func(b *testing.B) {
			url := db.url
			if url == "" {
				url = "sqlite://" + filepath.Join(b.TempDir(), "queue.db")
			}
			benchAck(b, url)
		})
	}
}

func benchAck(b *testing.B, dbURL string) {
	const concurrency = 200
	// Reviews take a while, as real ones do (seconds): the workers take
	// jobs at their pace while the receiver commits new ones.
	runner := &fakeRunner{fn: func(ctx context.Context, _ review.Target) error {
		select {
		case <-time.After(time.Second):
		case <-ctx.Done():
		}
		return nil
	}}
	q, err := OpenQueue(context.Background(), QueueConfig{DatabaseURL: dbURL, Runner: runner, Logger: zerolog.Nop(),
		ID: "bench-" + strconv.FormatInt(time.Now().UnixNano(), 36)})
	if err != nil {
		b.Fatal(err)
	}
	if err := q.Start(context.Background()); err != nil {
		b.Fatal(err)
	}
	defer q.Shutdown(context.Background())
	benchAckQ(b, q)
}

// benchAckQ measures the acknowledgements of a receiver in front of q.
func benchAckQ(b *testing.B, q Queue) {
	const concurrency = 200
	s, err := NewHandler(Config{Secret: testSecret, AppID: 1, Queue: q, Logger: zerolog.Nop()})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: concurrency}
	client := &http.Client{Transport: tr}

	// Distinct pull requests (a unique job each), bodies signed up front.
	run := strconv.FormatInt(time.Now().UnixNano(), 36)
	bodies := make([][]byte, b.N)
	t := &testing.T{}
	for i := range bodies {
		bodies[i] = prPayload(t, "synchronize", i+1, run+"-"+strconv.Itoa(i))
	}
	lat := make([]time.Duration, b.N)
	var next sync.Mutex
	n := 0
	b.ResetTimer()
	var wg sync.WaitGroup
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				next.Lock()
				i := n
				n++
				next.Unlock()
				if i >= b.N {
					return
				}
				req, _ := http.NewRequest(http.MethodPost, ts.URL+"/webhook", bytes.NewReader(bodies[i]))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("X-GitHub-Event", "pull_request")
				req.Header.Set("X-GitHub-Delivery", run+strconv.Itoa(i))
				req.Header.Set("X-Hub-Signature-256", sign(bodies[i], testSecret))
				start := time.Now()
				resp, err := client.Do(req)
				lat[i] = time.Since(start)
				if err != nil {
					b.Error(err)
					return
				}
				resp.Body.Close()
				if resp.StatusCode != http.StatusAccepted {
					b.Errorf("status %d", resp.StatusCode)
				}
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
