package webhook

import (
	"container/list"
	"sync"
	"time"
)

// deliverySet remembers recently accepted delivery ids (X-GitHub-Delivery)
// so that a redelivered event is acknowledged without being queued again.
// It is bounded twice: entries expire after ttl, and when more than max are
// remembered the oldest is forgotten first.
type deliverySet struct {
	mu  sync.Mutex
	ttl time.Duration
	max int
	now func() time.Time

	order *list.List               // of *deliveryEntry, oldest first
	byID  map[string]*list.Element // id → element of order
}

type deliveryEntry struct {
	id string
	at time.Time
}

func newDeliverySet(ttl time.Duration, max int, now func() time.Time) *deliverySet {
	if now == nil {
		now = time.Now
	}
	return &deliverySet{ttl: ttl, max: max, now: now, order: list.New(), byID: map[string]*list.Element{}}
}

// add records id and reports whether it was new (false: a duplicate still
// remembered).
func (s *deliverySet) add(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	s.expire(now)
	if _, ok := s.byID[id]; ok {
		return false
	}
	for s.order.Len() >= s.max && s.order.Len() > 0 {
		s.drop(s.order.Front())
	}
	s.byID[id] = s.order.PushBack(&deliveryEntry{id: id, at: now})
	return true
}

// remove forgets id (used when the delivery could not be queued after all,
// so that a retry is not mistaken for a duplicate).
func (s *deliverySet) remove(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e, ok := s.byID[id]; ok {
		s.drop(e)
	}
}

func (s *deliverySet) len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expire(s.now())
	return s.order.Len()
}

// expire drops entries older than ttl; entries are in insertion order, so
// it stops at the first young one.
func (s *deliverySet) expire(now time.Time) {
	for e := s.order.Front(); e != nil; e = s.order.Front() {
		if now.Sub(e.Value.(*deliveryEntry).at) < s.ttl {
			return
		}
		s.drop(e)
	}
}

func (s *deliverySet) drop(e *list.Element) {
	delete(s.byID, e.Value.(*deliveryEntry).id)
	s.order.Remove(e)
}

// has reports whether id is remembered.
func (s *deliverySet) has(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expire(s.now())
	_, ok := s.byID[id]
	return ok
}
