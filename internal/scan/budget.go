package scan

import "sync"

// maxBytesInFlight bounds the source bytes being analysed at once. A
// syntax tree and its facts take one to two hundred times the size of the
// source, so without a bound a machine with many CPUs would analyse many
// maximal (hostile) files at once and run out of memory. Ordinary files
// are far smaller, so the bound costs no parallelism in practice.
const maxBytesInFlight = 8 << 20

// budget is a counting semaphore over bytes.
type budget struct {
	mu    sync.Mutex
	freed sync.Cond
	free  int64
	total int64
}

func newBudget(total int64) *budget {
	b := &budget{free: total, total: total}
	b.freed.L = &b.mu
	return b
}

// acquire waits until n bytes are free and takes them. A request above
// the total takes the whole budget, so a big file runs alone rather than
// never. It returns what to release.
func (b *budget) acquire(n int64) int64 {
	n = min(n, b.total)
	b.mu.Lock()
	for b.free < n {
		b.freed.Wait()
	}
	b.free -= n
	b.mu.Unlock()
	return n
}

func (b *budget) release(n int64) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.freed.Broadcast()
}
