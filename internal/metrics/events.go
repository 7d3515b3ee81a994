package metrics

import "github.com/google/go-github/v62/github"

// knownEvents are the webhook event names GitHub sends (go-github's list).
var knownEvents = func() map[string]bool {
	set := map[string]bool{}
	for _, e := range github.MessageTypes() {
		set[e] = true
	}
	return set
}()

// eventLabel bounds the event label: the header is read before the
// signature is checked, and one series per made-up name would let anyone
// grow the registry without limit.
func eventLabel(event string) string {
	if knownEvents[event] {
		return event
	}
	return "other"
}
