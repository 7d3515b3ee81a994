package ghretry

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// OnlyHost refuses every request to a host other than base's, so that the
// installation token (set on each request by ghinstallation) never leaves
// for another host, not even through a redirect the client follows.
func OnlyHost(base string, next http.RoundTripper) (http.RoundTripper, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	host := strings.ToLower(u.Host)
	return roundTripFunc(func(req *http.Request) (*http.Response, error) {
		if h := strings.ToLower(req.URL.Host); h != host {
			return nil, fmt.Errorf("refused a request to %s: API calls go only to %s", h, host)
		}
		return next.RoundTrip(req)
	}), nil
}
