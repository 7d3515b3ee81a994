package review

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"

	"github.com/bradleyfalzon/ghinstallation/v2"
	"github.com/google/go-github/v62/github"
)

// ErrBusy is returned when another review of the same pull request holds
// its lease (another job, or another replica): the queue tries again
// shortly, so one pull request is never reviewed twice at once.
var ErrBusy = errors.New("another review of this pull request is running")

// RetryAt reports when GitHub asked us to come back: a secondary rate
// limit's Retry-After, or a primary limit's reset. The queue reschedules the
// job to that time instead of failing it, whatever the length of the wait.
func RetryAt(err error, now time.Time) (time.Time, bool) {
	var rl *github.RateLimitError
	if errors.As(err, &rl) && !rl.Rate.Reset.Time.IsZero() {
		return rl.Rate.Reset.Time, true
	}
	var ab *github.AbuseRateLimitError
	if errors.As(err, &ab) && ab.RetryAfter != nil {
		return now.Add(*ab.RetryAfter), true
	}
	resp := errorResponse(err)
	if resp == nil || (resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusTooManyRequests) {
		return time.Time{}, false
	}
	if v := resp.Header.Get("Retry-After"); v != "" {
		if s, err := strconv.ParseInt(v, 10, 64); err == nil && s >= 0 {
			return now.Add(time.Duration(s) * time.Second), true
		}
		if t, err := http.ParseTime(v); err == nil {
			return t, true
		}
	}
	if resp.Header.Get("X-RateLimit-Remaining") == "0" {
		if s, err := strconv.ParseInt(resp.Header.Get("X-RateLimit-Reset"), 10, 64); err == nil {
			return time.Unix(s, 0), true
		}
	}
	if resp.StatusCode == http.StatusTooManyRequests || ab != nil {
		// A secondary limit that names no time: GitHub asks for at least a
		// minute.
		return now.Add(time.Minute), true
	}
	return time.Time{}, false
}

// Transient reports whether err is worth retrying later as it is: a server
// error, a reset connection, an unreachable API, a timeout. Client errors
// (404, 422, 403 without a rate limit) are not: trying again changes nothing.
func Transient(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	if errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return true
	}
	if resp := errorResponse(err); resp != nil {
		return resp.StatusCode >= 500
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	var op *net.OpError
	return errors.As(err, &op)
}

// Unauthorized reports a 401: the installation token was revoked or
// expired early. The reviewer refreshes it once.
func Unauthorized(err error) bool {
	resp := errorResponse(err)
	return resp != nil && resp.StatusCode == http.StatusUnauthorized
}

// errorResponse is the HTTP response behind a GitHub API error, or the
// installation-token response behind a failed token fetch.
func errorResponse(err error) *http.Response {
	var er *github.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		return er.Response
	}
	var rl *github.RateLimitError
	if errors.As(err, &rl) && rl.Response != nil {
		return rl.Response
	}
	var ab *github.AbuseRateLimitError
	if errors.As(err, &ab) && ab.Response != nil {
		return ab.Response
	}
	var tok *ghinstallation.HTTPError
	if errors.As(err, &tok) && tok.Response != nil {
		return tok.Response
	}
	return nil
}

// Permanent reports a refusal that another attempt would meet again: a 4xx
// answer of GitHub's other than a rate limit (the repository is gone, the
// App lacks a permission, the installation was removed).
func Permanent(err error, now time.Time) bool {
	resp := errorResponse(err)
	if resp == nil || resp.StatusCode < 400 || resp.StatusCode >= 500 {
		return false
	}
	_, limited := RetryAt(err, now)
	return !limited
}
