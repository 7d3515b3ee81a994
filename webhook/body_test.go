package webhook

import (
	"bytes"
	"errors"
	"testing"
)

// Bodies are returned only when signed, in memory and spilled alike.
func TestReadSigned(t *testing.T) {
	for _, n := range []int{0, 10, bodyMemoryLimit, bodyMemoryLimit + 1, 3 << 20} {
		body := bytes.Repeat([]byte("x"), n)
		got, err := readSigned(bytes.NewReader(body), sign(body, testSecret), testSecret, nil)
		if err != nil || !bytes.Equal(got, body) {
			t.Errorf("%d bytes signed: %d bytes back, err %v", n, len(got), err)
		}
		if _, err := readSigned(bytes.NewReader(body), sign(body, "other"), testSecret, nil); !errors.Is(err, errBadSignature) {
			t.Errorf("%d bytes, wrong secret: err %v", n, err)
		}
		tampered := append(append([]byte(nil), body...), 'y')
		if _, err := readSigned(bytes.NewReader(tampered), sign(body, testSecret), testSecret, nil); !errors.Is(err, errBadSignature) {
			t.Errorf("%d bytes, one byte added: err %v", n, err)
		}
	}
	for _, h := range []string{"", "sha256=", "sha256=zz", "sha256=" + string(bytes.Repeat([]byte("a"), 63))} {
		if _, err := readSigned(bytes.NewReader([]byte("{}")), h, testSecret, nil); !errors.Is(err, errBadSignature) {
			t.Errorf("header %q: err %v", h, err)
		}
	}
	// The large-body slot is taken only past the memory limit.
	taken := 0
	large := func() (func(), error) { taken++; return func() {}, nil }
	small := []byte("{}")
	readSigned(bytes.NewReader(small), sign(small, testSecret), testSecret, large)
	big := bytes.Repeat([]byte("x"), bodyMemoryLimit+1)
	readSigned(bytes.NewReader(big), sign(big, testSecret), testSecret, large)
	if taken != 1 {
		t.Errorf("large slot taken %d times, want 1", taken)
	}
}
