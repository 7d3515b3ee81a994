package ghretry

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A redirect to another host is refused before anything is sent there,
// so the token on the request never leaves the configured server.
func TestOnlyHostRefusesRedirectElsewhere(t *testing.T) {
	var leaked bool
	other := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { leaked = true }))
	defer other.Close()
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/steal", http.StatusFound)
	}))
	defer api.Close()
	rt, err := OnlyHost(api.URL+"/", http.DefaultTransport)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodGet, api.URL+"/repos/o/r", nil)
	req.Header.Set("Authorization", "token ghs_secret")
	_, err = (&http.Client{Transport: rt}).Do(req)
	if err == nil || !strings.Contains(err.Error(), "API calls go only to") {
		t.Fatalf("err %v, want a refusal", err)
	}
	if leaked {
		t.Fatal("the request reached the other host")
	}
}
