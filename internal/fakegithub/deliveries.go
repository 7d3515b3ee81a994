package fakegithub

import (
	"crypto/rand"
	"fmt"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"
	"weak"
)

// The App's webhook deliveries, as GitHub's "Deliveries" tab and
// GET /app/hook/deliveries show them. GitHub lists each attempt separately
// (a redelivery has redelivery=true and the guid of the original), newest
// first, paginated with an opaque cursor in the Link header, and keeps
// deliveries for three days. It never retries a failed delivery itself.

// deliveryRetention is how long GitHub lists a delivery.
const deliveryRetention = 72 * time.Hour

// Delivery is one attempt to deliver a webhook to the App.
type Delivery struct {
	// ID is assigned by AddDelivery when zero.
	ID int64
	// GUID is the X-GitHub-Delivery header; a random UUID when empty.
	// Redeliveries keep the original's.
	GUID string
	// DeliveredAt defaults to now.
	DeliveredAt time.Time
	Redelivery  bool
	// StatusCode is the receiver's HTTP status; 0 when no response came
	// (GitHub's "failed to connect", "timed out").
	StatusCode int
	// Status is GitHub's description; derived from StatusCode when empty
	// ("OK", "Invalid HTTP Response: 502", "failed to connect to host").
	Status         string
	Duration       float64 // seconds
	Event          string  // X-GitHub-Event, e.g. "pull_request"
	Action         string  // the payload's action, "" for events without one
	InstallationID int64   // 0: none (null)
	RepositoryID   int64   // 0: none (null)
}

// Succeeded reports whether the receiver answered 2xx.
func (d Delivery) Succeeded() bool { return d.StatusCode >= 200 && d.StatusCode < 300 }

// RedeliveryRequest is one POST /app/hook/deliveries/{delivery_id}/attempts
// the fake accepted.
type RedeliveryRequest struct {
	DeliveryID int64 // the delivery asked for
	GUID       string
	// NewDeliveryID is the attempt the request produced.
	NewDeliveryID int64
	Time          time.Time
}

// hookDeliveries is the deliveries state of one Server.
type hookDeliveries struct {
	mu          sync.Mutex
	list        []Delivery
	redelivered []RedeliveryRequest
	// redeliveryStatus is what a redelivery attempt records.
	redeliveryStatus int
}

// The deliveries state lives beside Server rather than in it (Server's
// fields belong to server.go). Keys are weak so that a closed, unreachable
// fake does not stay in memory through this table.
var (
	hookStatesMu sync.Mutex
	hookStates   = map[weak.Pointer[Server]]*hookDeliveries{}
)

func (s *Server) hooks() *hookDeliveries {
	key := weak.Make(s)
	hookStatesMu.Lock()
	defer hookStatesMu.Unlock()
	h := hookStates[key]
	if h == nil {
		h = &hookDeliveries{redeliveryStatus: http.StatusOK}
		hookStates[key] = h
		runtime.AddCleanup(s, func(k weak.Pointer[Server]) {
			hookStatesMu.Lock()
			delete(hookStates, k)
			hookStatesMu.Unlock()
		}, key)
	}
	return h
}

// AddDelivery scripts a delivery attempt and returns its id. Zero fields
// take the defaults documented on Delivery.
func (s *Server) AddDelivery(d Delivery) int64 {
	if d.ID == 0 {
		d.ID = s.lockedID()
	}
	if d.GUID == "" {
		d.GUID = newGUID()
	}
	if d.DeliveredAt.IsZero() {
		d.DeliveredAt = s.now()
	}
	if d.Status == "" {
		d.Status = deliveryStatus(d.StatusCode)
	}
	h := s.hooks()
	h.mu.Lock()
	h.list = append(h.list, d)
	h.mu.Unlock()
	return d.ID
}

// Deliveries returns every delivery attempt, redeliveries included, newest
// first (as listed; those past the three-day retention included).
func (s *Server) Deliveries() []Delivery {
	h := s.hooks()
	h.mu.Lock()
	out := append([]Delivery(nil), h.list...)
	h.mu.Unlock()
	sortNewestFirst(out)
	return out
}

// Redeliveries returns the redelivery requests accepted so far, in order.
func (s *Server) Redeliveries() []RedeliveryRequest {
	h := s.hooks()
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]RedeliveryRequest(nil), h.redelivered...)
}

// SetRedeliveryStatus sets the receiver's status code that later
// redelivery attempts record (default 200; 0 for "failed to connect").
func (s *Server) SetRedeliveryStatus(statusCode int) {
	h := s.hooks()
	h.mu.Lock()
	h.redeliveryStatus = statusCode
	h.mu.Unlock()
}

func (s *Server) lockedID() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.id()
}

func deliveryStatus(code int) string {
	switch {
	case code == 0:
		return "failed to connect to host"
	case code >= 200 && code < 300:
		return "OK"
	default:
		return "Invalid HTTP Response: " + strconv.Itoa(code)
	}
}

func newGUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// sortNewestFirst orders by delivery time, then id, descending: GitHub's
// listing order, and the order the cursor walks.
func sortNewestFirst(ds []Delivery) {
	sort.Slice(ds, func(i, j int) bool { return newer(ds[i], ds[j]) })
}

func newer(a, b Delivery) bool {
	if !a.DeliveredAt.Equal(b.DeliveredAt) {
		return a.DeliveredAt.After(b.DeliveredAt)
	}
	return a.ID > b.ID
}

// cursorFor is the opaque cursor of the page after d: its position in the
// listing order, so attempts added meanwhile (at the top) do not shift
// later pages.
func cursorFor(d Delivery) string {
	return fmt.Sprintf("v1_%d_%d", d.DeliveredAt.UnixNano(), d.ID)
}

func parseCursor(c string) (Delivery, bool) {
	var nanos, id int64
	if n, err := fmt.Sscanf(c, "v1_%d_%d", &nanos, &id); err != nil || n != 2 || c != fmt.Sprintf("v1_%d_%d", nanos, id) {
		return Delivery{}, false
	}
	return Delivery{DeliveredAt: time.Unix(0, nanos), ID: id}, true
}

func deliveryJSON(d Delivery) map[string]any {
	j := map[string]any{
		"id": d.ID, "guid": d.GUID, "delivered_at": d.DeliveredAt.UTC().Format(time.RFC3339),
		"redelivery": d.Redelivery, "duration": d.Duration, "status": d.Status, "status_code": d.StatusCode,
		"event": d.Event, "action": nil, "installation_id": nil, "repository_id": nil,
	}
	if d.Action != "" {
		j["action"] = d.Action
	}
	if d.InstallationID != 0 {
		j["installation_id"] = d.InstallationID
	}
	if d.RepositoryID != 0 {
		j["repository_id"] = d.RepositoryID
	}
	return j
}

// listHookDeliveries answers GET /app/hook/deliveries: per_page (default
// 30, max 100) and cursor; rel="next" in the Link header while more remain.
func (s *Server) listHookDeliveries(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	q := r.URL.Query()
	per := 30
	if v, err := strconv.Atoi(q.Get("per_page")); err == nil && v > 0 {
		per = min(v, 100)
	}
	var after *Delivery
	if v := q.Get("cursor"); v != "" {
		d, ok := parseCursor(v)
		if !ok {
			validation(w, "Hook", "cursor", "invalid", "")
			return
		}
		after = &d
	}
	cutoff := s.now().Add(-deliveryRetention)
	var page []Delivery
	more := false
	for _, d := range s.Deliveries() {
		if d.DeliveredAt.Before(cutoff) || (after != nil && !newer(*after, d)) {
			continue
		}
		if len(page) == per {
			more = true
			break
		}
		page = append(page, d)
	}
	if more {
		u := *r.URL
		qq := u.Query()
		qq.Set("per_page", strconv.Itoa(per))
		qq.Set("cursor", cursorFor(page[len(page)-1]))
		qq.Del("page")
		u.RawQuery = qq.Encode()
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		w.Header().Set("Link", fmt.Sprintf(`<%s://%s%s>; rel="next"`, scheme, r.Host, reqPath(r, u.RequestURI())))
	}
	out := make([]map[string]any, 0, len(page))
	for _, d := range page {
		out = append(out, deliveryJSON(d))
	}
	writeJSON(w, http.StatusOK, out)
}

// redeliverHookDelivery answers POST /app/hook/deliveries/{delivery_id}/attempts
// with 202, and records the new attempt (same guid, redelivery=true) at once.
func (s *Server) redeliverHookDelivery(w http.ResponseWriter, r *http.Request, c *reqCtx) {
	id, err := strconv.ParseInt(r.PathValue("delivery_id"), 10, 64)
	h := s.hooks()
	h.mu.Lock()
	var orig *Delivery
	for i := range h.list {
		if h.list[i].ID == id {
			orig = &h.list[i]
			break
		}
	}
	if err != nil || orig == nil || orig.DeliveredAt.Before(s.now().Add(-deliveryRetention)) {
		h.mu.Unlock()
		writeError(w, http.StatusNotFound, "Not Found", "https://docs.github.com/rest/apps/webhooks#redeliver-a-delivery-for-an-app-webhook")
		return
	}
	attempt := *orig
	h.mu.Unlock()

	attempt.ID = s.lockedID()
	attempt.Redelivery = true
	attempt.DeliveredAt = s.now()
	attempt.Duration = 0.05
	h.mu.Lock()
	attempt.StatusCode = h.redeliveryStatus
	attempt.Status = deliveryStatus(attempt.StatusCode)
	h.list = append(h.list, attempt)
	h.redelivered = append(h.redelivered, RedeliveryRequest{DeliveryID: id, GUID: attempt.GUID, NewDeliveryID: attempt.ID, Time: attempt.DeliveredAt})
	h.mu.Unlock()
	writeJSON(w, http.StatusAccepted, map[string]any{})
}
