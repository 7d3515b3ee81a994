package webhook

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"strings"
)

// How much of an unauthenticated body is held in memory while its HMAC is
// computed; the rest spills to a temporary file. GitHub's deliveries are
// mostly a few KB to a few hundred KB, and only a signed body is ever read
// back whole, so forged 25 MB bodies cost disk, not memory.
const bodyMemoryLimit = 256 << 10

// errBadSignature is a body whose HMAC does not match the header.
var errBadSignature = errors.New("payload signature check failed")

// readSigned reads the body through an HMAC-SHA256 keyed with secret and
// returns it only when it matches header ("sha256=<hex>"), compared in
// constant time. Over bodyMemoryLimit it spills to disk while reading; the
// signed body is then read back.
//
// large, when not nil, is called before spilling and returns a release
// func: it bounds how many large bodies are read at once.
func readSigned(body io.Reader, header, secret string, large func() (func(), error)) ([]byte, error) {
	want, err := hex.DecodeString(strings.TrimPrefix(header, signaturePrefix))
	if err != nil || len(want) != sha256.Size {
		return nil, errBadSignature
	}
	mac := hmac.New(sha256.New, []byte(secret))
	var mem bytes.Buffer
	head := io.LimitReader(body, bodyMemoryLimit+1)
	if _, err := io.Copy(io.MultiWriter(&mem, mac), head); err != nil {
		return nil, err
	}
	if mem.Len() <= bodyMemoryLimit {
		if !hmac.Equal(mac.Sum(nil), want) {
			return nil, errBadSignature
		}
		return mem.Bytes(), nil
	}

	if large != nil {
		release, err := large()
		if err != nil {
			return nil, err
		}
		defer release()
	}
	spill, err := os.CreateTemp("", "pyguard-webhook-*")
	if err != nil {
		return nil, err
	}
	defer func() {
		spill.Close()
		os.Remove(spill.Name())
	}()
	if _, err := spill.Write(mem.Bytes()); err != nil { // hashed already
		return nil, err
	}
	if _, err := io.Copy(io.MultiWriter(spill, mac), body); err != nil {
		return nil, err
	}
	if !hmac.Equal(mac.Sum(nil), want) {
		return nil, errBadSignature
	}
	if _, err := spill.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return io.ReadAll(spill)
}
