package fakegithub

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Call is one request the fake received.
type Call struct {
	Method string
	// Route is the template the request matched (a Route* constant), or ""
	// for a request that matched no route (it answered 404).
	Route string
	Path  string // as requested, without the PathPrefix
	Query string
	// Status is the status code answered.
	Status int
	// Installation is the installation whose token authenticated the call
	// (0 for app-JWT and unauthenticated calls).
	Installation int64
	Time         time.Time
}

func (s *Server) record(r *http.Request, route string, status int, inst int64) {
	if status == 0 {
		status = http.StatusOK
	}
	s.mu.Lock()
	s.calls = append(s.calls, Call{Method: r.Method, Route: route, Path: r.URL.Path, Query: r.URL.RawQuery,
		Status: status, Installation: inst, Time: s.now()})
	s.mu.Unlock()
}

// Calls returns the calls received so far, in order of completion.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// CallCount counts the calls to route (a Route* constant); "" counts all.
func (s *Server) CallCount(route string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.calls {
		if route == "" || c.Route == route {
			n++
		}
	}
	return n
}

// CallCounts counts calls by route.
func (s *Server) CallCounts() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for _, c := range s.calls {
		out[c.Route]++
	}
	return out
}

// ResetCalls forgets the call log.
func (s *Server) ResetCalls() {
	s.mu.Lock()
	s.calls = nil
	s.mu.Unlock()
}

// Fault is one scripted answer: the request is answered with it instead of
// being handled.
type Fault struct {
	Status int
	// Message is the JSON error message; default the status text.
	Message string
	// DocumentationURL goes with Message.
	DocumentationURL string
	// Header is added to the answer.
	Header http.Header
	// Delay is waited before answering.
	Delay time.Duration
	// Body, when set, is sent as is (as JSON) instead of an error body;
	// with Status 200 it scripts a successful but different answer.
	Body string
	// ActThenDrop handles the request as usual and then drops the
	// connection without answering: the client sees a reset, though
	// GitHub acted (Status and the other fields are not used).
	ActThenDrop bool
}

type outage struct {
	route  string
	until  time.Time
	status int
}

// Outage makes every call of route (or AnyRoute) answer status until d has
// passed, as GitHub does during an incident.
func (s *Server) Outage(route string, d time.Duration, status int) {
	s.mu.Lock()
	s.outages = append(s.outages, outage{route: route, until: time.Now().Add(d), status: status})
	s.mu.Unlock()
}

// AnyRoute makes a fault apply to whichever route is called next.
const AnyRoute = "*"

// Inject scripts the next answers of route (a Route* constant or
// AnyRoute): each call takes the next fault until they are used up. Faults
// for a specific route are used before AnyRoute faults.
func (s *Server) Inject(route string, faults ...Fault) {
	s.mu.Lock()
	s.faults[route] = append(s.faults[route], faults...)
	s.mu.Unlock()
}

// Fail makes the next n calls of route answer status (e.g. 502).
func (s *Server) Fail(route string, n, status int) {
	for range n {
		s.Inject(route, Fault{Status: status})
	}
}

// SecondaryRateLimit makes the next n calls of route answer GitHub's
// secondary rate limit: 403 with Retry-After (seconds) and the message
// and documentation URL go-github recognises as an AbuseRateLimitError.
func (s *Server) SecondaryRateLimit(route string, n, retryAfter int) {
	for range n {
		s.Inject(route, Fault{
			Status:           http.StatusForbidden,
			Message:          "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.",
			DocumentationURL: "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
			Header:           http.Header{"Retry-After": {strconv.Itoa(retryAfter)}},
		})
	}
}

// PrimaryRateLimit makes the next n calls of route answer GitHub's primary
// rate limit: 403 with x-ratelimit-remaining: 0 and x-ratelimit-reset set
// to reset.
func (s *Server) PrimaryRateLimit(route string, n int, reset time.Time) {
	for range n {
		s.Inject(route, Fault{
			Status:           http.StatusForbidden,
			Message:          "API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.",
			DocumentationURL: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-rate-limits",
			Header: http.Header{
				"X-Ratelimit-Limit":     {"5000"},
				"X-Ratelimit-Remaining": {"0"},
				"X-Ratelimit-Used":      {"5000"},
				"X-Ratelimit-Reset":     {strconv.FormatInt(reset.Unix(), 10)},
				"X-Ratelimit-Resource":  {"core"},
			},
		})
	}
}

// PendingFaults counts the scripted faults not yet used.
func (s *Server) PendingFaults() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, f := range s.faults {
		n += len(f)
	}
	return n
}

// fault answers the request with the next scripted fault or an ongoing
// outage, if any.
// It reports dropAfter when the fault is ActThenDrop: the caller handles
// the request, then drops the connection.
func (s *Server) fault(w http.ResponseWriter, route string) (answered, dropAfter bool) {
	s.mu.Lock()
	var f Fault
	found := false
	for _, o := range s.outages {
		if (o.route == route || o.route == AnyRoute) && time.Now().Before(o.until) {
			f, found = Fault{Status: o.status}, true
			break
		}
	}
	for _, k := range []string{route, AnyRoute} {
		if found {
			break
		}
		if q := s.faults[k]; len(q) > 0 {
			f, s.faults[k], found = q[0], q[1:], true
			break
		}
	}
	s.mu.Unlock()
	if !found {
		return false, false
	}
	if f.ActThenDrop {
		return false, true
	}
	if f.Delay > 0 {
		time.Sleep(f.Delay)
	}
	for k, vs := range f.Header {
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
	if f.Body != "" {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(f.Status)
		_, _ = w.Write([]byte(f.Body))
		return true, false
	}
	msg := f.Message
	if msg == "" {
		msg = http.StatusText(f.Status)
	}
	if f.Status >= 500 && f.Message == "" {
		// GitHub's edge answers gateway errors with an HTML page.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(f.Status)
		fmt.Fprintf(w, "<html><body><h1>%d %s</h1></body></html>\n", f.Status, msg)
		return true, false
	}
	writeError(w, f.Status, msg, f.DocumentationURL)
	return true, false
}

// rateHeaders adds GitHub's x-ratelimit-* headers to a successful call.
func (s *Server) rateHeaders(w http.ResponseWriter, inst int64) {
	if inst == 0 {
		return
	}
	s.mu.Lock()
	if s.rateRemaining > 0 {
		s.rateRemaining--
	}
	rem := s.rateRemaining
	s.mu.Unlock()
	h := w.Header()
	h.Set("X-Ratelimit-Limit", "5000")
	h.Set("X-Ratelimit-Remaining", strconv.Itoa(rem))
	h.Set("X-Ratelimit-Used", strconv.Itoa(5000-rem))
	h.Set("X-Ratelimit-Reset", strconv.FormatInt(s.now().Add(time.Hour).Unix(), 10))
	h.Set("X-Ratelimit-Resource", "core")
}

// apiError is GitHub's error body.
type apiError struct {
	Message          string `json:"message"`
	Errors           []any  `json:"errors,omitempty"`
	DocumentationURL string `json:"documentation_url,omitempty"`
	Status           string `json:"status,omitempty"`
}

func writeError(w http.ResponseWriter, status int, msg, doc string, errs ...any) {
	writeJSON(w, status, apiError{Message: msg, DocumentationURL: doc, Errors: errs, Status: strconv.Itoa(status)})
}

// validation answers 422 "Validation Failed" with one error object.
func validation(w http.ResponseWriter, resource, field, code, message string) {
	e := map[string]string{"resource": resource, "field": field, "code": code}
	if message != "" {
		e["message"] = message
	}
	writeError(w, http.StatusUnprocessableEntity, "Validation Failed", "https://docs.github.com/rest", e)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-GitHub-Media-Type", "github.v3; format=json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// decodeBody reads a JSON request body; on failure it answers 400 like
// GitHub ("Problems parsing JSON").
func decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 32<<20))
	if err := dec.Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, "Problems parsing JSON", "https://docs.github.com/rest")
		return false
	}
	return true
}

// paginate slices items by the request's page and per_page (default 30,
// max 100) and sets the Link header.
func paginate[T any](w http.ResponseWriter, r *http.Request, items []T) []T {
	q := r.URL.Query()
	per := 30
	if v, err := strconv.Atoi(q.Get("per_page")); err == nil && v > 0 {
		per = min(v, 100)
	}
	page := 1
	if v, err := strconv.Atoi(q.Get("page")); err == nil && v > 0 {
		page = v
	}
	last := max(1, (len(items)+per-1)/per)
	link := func(p int, rel string) string {
		u := *r.URL
		qq := u.Query()
		qq.Set("page", strconv.Itoa(p))
		qq.Set("per_page", strconv.Itoa(per))
		u.RawQuery = qq.Encode()
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		return fmt.Sprintf(`<%s://%s%s>; rel="%s"`, scheme, r.Host, reqPath(r, u.RequestURI()), rel)
	}
	var links []string
	if page < last {
		links = append(links, link(page+1, "next"), link(last, "last"))
	}
	if page > 1 {
		links = append(links, link(1, "first"), link(min(page-1, last), "prev"))
	}
	if len(links) > 0 {
		w.Header().Set("Link", strings.Join(links, ", "))
	}
	lo := (page - 1) * per
	if lo >= len(items) {
		return []T{}
	}
	return items[lo:min(lo+per, len(items))]
}

// reqPath puts the PathPrefix back in front of a stripped path.
func reqPath(r *http.Request, p string) string {
	if pre, ok := r.Context().Value(prefixKey{}).(string); ok {
		return pre + p
	}
	return p
}

type prefixKey struct{}
