package webhook

import "testing"

// BenchmarkParseTarget is the receiver's CPU per pull_request delivery
// (GitHub's 28 KB example): validation and the fields a job needs.
func BenchmarkParseTarget(b *testing.B) {
	body := readPayload(&testing.T{}, "pull_request.synchronize.json")
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := parseTarget("pull_request", body, 1); err != nil {
			b.Fatal(err)
		}
	}
}
