package scan

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestBudgetBoundsBytesInFlight(t *testing.T) {
	b := newBudget(10)
	var inFlight, peak atomic.Int64
	var wg sync.WaitGroup
	for _, n := range []int64{4, 4, 4, 4, 25, 1, 1} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := b.acquire(n)
			defer b.release(got)
			now := inFlight.Add(got)
			for p := peak.Load(); now > p && !peak.CompareAndSwap(p, now); p = peak.Load() {
			}
			time.Sleep(5 * time.Millisecond)
			inFlight.Add(-got)
		}()
	}
	wg.Wait()
	if peak.Load() > 10 {
		t.Errorf("peak %d bytes in flight, budget 10", peak.Load())
	}
	if b.free != 10 {
		t.Errorf("free %d after all released", b.free)
	}
}
