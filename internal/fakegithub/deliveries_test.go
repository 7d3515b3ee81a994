package fakegithub

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// appCall sends method path with an app JWT (jwt true) or none.
func appCall(t *testing.T, s *Server, method, path string, jwt bool) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, s.URL()+strings.TrimPrefix(path, "/"), nil)
	if jwt {
		tok, err := AppJWT(s.PrivateKey(), s.AppID(), time.Now(), 5*time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestHookDeliveriesCursorAndRedelivery(t *testing.T) {
	s := New(t, Options{})
	now := time.Now()
	var ids []int64
	for i := range 5 {
		ids = append(ids, s.AddDelivery(Delivery{DeliveredAt: now.Add(-time.Duration(i) * time.Minute), StatusCode: 502, Event: "pull_request", Action: "opened", RepositoryID: 9}))
	}
	s.AddDelivery(Delivery{DeliveredAt: now.Add(-73 * time.Hour), StatusCode: 502, Event: "pull_request"}) // past retention

	if resp, _ := appCall(t, s, "GET", "app/hook/deliveries", false); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("without a JWT: %d", resp.StatusCode)
	}

	var got []int64
	next := "app/hook/deliveries?per_page=2"
	linkRE := regexp.MustCompile(`^<([^>]+)>; rel="next"$`)
	for pages := 0; next != ""; pages++ {
		if pages > 5 {
			t.Fatal("cursor does not end")
		}
		resp, body := appCall(t, s, "GET", next, true)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %s", next, resp.StatusCode, body)
		}
		var page []map[string]any
		if err := json.Unmarshal(body, &page); err != nil {
			t.Fatal(err)
		}
		for _, d := range page {
			got = append(got, int64(d["id"].(float64)))
			if d["status"] != "Invalid HTTP Response: 502" || d["redelivery"] != false || d["action"] != "opened" ||
				d["installation_id"] != nil || d["repository_id"].(float64) != 9 || d["guid"] == "" {
				t.Errorf("delivery %v", d)
			}
		}
		next = ""
		if l := resp.Header.Get("Link"); l != "" {
			m := linkRE.FindStringSubmatch(l)
			if m == nil {
				t.Fatalf("Link %q", l)
			}
			u, _ := url.Parse(m[1])
			if u.Query().Get("cursor") == "" || u.Query().Get("per_page") != "2" {
				t.Fatalf("Link %q", l)
			}
			next = strings.TrimPrefix(u.RequestURI(), "/")
		}
	}
	if len(got) != 5 || got[0] != ids[0] || got[4] != ids[4] {
		t.Fatalf("listed %v, want newest first %v", got, ids)
	}

	if resp, _ := appCall(t, s, "GET", "app/hook/deliveries?cursor=bogus", true); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("bad cursor: %d", resp.StatusCode)
	}
	if resp, _ := appCall(t, s, "POST", "app/hook/deliveries/1/attempts", true); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown delivery: %d", resp.StatusCode)
	}
	if resp, _ := appCall(t, s, "POST", "app/hook/deliveries/"+strconv.FormatInt(ids[2], 10)+"/attempts", false); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("redelivery without a JWT: %d", resp.StatusCode)
	}

	s.SetRedeliveryStatus(503)
	if resp, body := appCall(t, s, "POST", "app/hook/deliveries/"+strconv.FormatInt(ids[2], 10)+"/attempts", true); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("redeliver: %d %s", resp.StatusCode, body)
	}
	reqs := s.Redeliveries()
	all := s.Deliveries()
	if len(reqs) != 1 || reqs[0].DeliveryID != ids[2] || all[0].ID != reqs[0].NewDeliveryID {
		t.Fatalf("requests %+v, newest %+v", reqs, all[0])
	}
	if a := all[0]; !a.Redelivery || a.StatusCode != 503 || a.GUID != all[3].GUID || a.Event != "pull_request" {
		t.Errorf("attempt %+v (original %+v)", a, all[3])
	}
	if n := s.CallCount(RouteRedeliverHook); n != 3 {
		t.Errorf("%d calls recorded on %s", n, RouteRedeliverHook)
	}
}
