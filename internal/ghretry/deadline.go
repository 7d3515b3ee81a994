package ghretry

import (
	"context"
	"io"
	"net/http"
	"sync"
	"time"
)

// AttemptTimeout bounds each attempt of a call, reading its body included,
// with a context deadline that ends as soon as the body is read to the end
// or closed.
//
// It replaces http.Client.Timeout, whose timer (and goroutine) lives until
// the response body is closed: go-github v62's CheckResponse swaps the body
// of every error response for a copy and never closes the original, so
// each 4xx/5xx answer held a timer for the whole client timeout (upstream
// issue 4484) and a fault storm piled them up. Ending on io.EOF too frees
// them at once.
func AttemptTimeout(d time.Duration) func(http.RoundTripper) http.RoundTripper {
	return func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(req *http.Request) (*http.Response, error) {
			ctx, cancel := context.WithTimeout(req.Context(), d)
			resp, err := next.RoundTrip(req.WithContext(ctx))
			if err != nil || resp == nil || resp.Body == nil {
				cancel()
				return resp, err
			}
			resp.Body = &cancelOnEnd{ReadCloser: resp.Body, cancel: cancel}
			return resp, nil
		})
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// cancelOnEnd ends the attempt's context at EOF, on a read error or on
// Close, whichever comes first.
type cancelOnEnd struct {
	io.ReadCloser
	cancel context.CancelFunc
	once   sync.Once
}

func (b *cancelOnEnd) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil {
		b.once.Do(b.cancel)
	}
	return n, err
}

func (b *cancelOnEnd) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.cancel)
	return err
}
