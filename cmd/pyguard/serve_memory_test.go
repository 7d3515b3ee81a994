package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pyguard/pyguard/internal/fakegithub"
)

// peakRSS is the process's high-water resident set (VmHWM), in bytes.
func peakRSS(t *testing.T, pid int) int64 {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skip("no /proc:", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	t.Fatal("no VmHWM")
	return 0
}

// zeros is an endless body of n bytes that costs the sender no memory.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > z.n {
		p = p[:z.n]
	}
	clear(p)
	z.n -= int64(len(p))
	return len(p), nil
}

// Nothing large is held before the signature is checked: 80 concurrent
// 25 MB bodies with forged signatures, then 1,000 connections sending
// 1 MB of headers each, leave the server under 256 MiB of RSS.
func TestServeMemoryUnderHostileDeliveries(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	fake := fakegithub.New(t, fakegithub.Options{AppID: e2eAppID})
	srv := startServe(t, fake, "PYGUARD_LOG_LEVEL=info")
	pid := srv.cmd.Process.Pid
	base := peakRSS(t, pid)

	const bodies, bodySize = 80, 25_000_000
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: bodies}, Timeout: 2 * time.Minute}
	var wg sync.WaitGroup
	codes := make([]int, bodies)
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPost, srv.url+"/webhook", &zeros{n: bodySize})
			req.ContentLength = bodySize
			req.Header.Set("X-GitHub-Event", "pull_request")
			req.Header.Set("X-Hub-Signature-256", "sha256="+strings.Repeat("ab", 32))
			resp, err := client.Do(req)
			if err != nil {
				codes[i] = -1
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			codes[i] = resp.StatusCode
		}()
	}
	wg.Wait()
	counts := map[int]int{}
	for _, c := range codes {
		counts[c]++
	}
	afterBodies := peakRSS(t, pid)
	t.Logf("%d forged 25 MB bodies: answers %v; peak RSS %d MiB (idle %d MiB)", bodies, counts, afterBodies>>20, base>>20)
	for c := range counts {
		if c != http.StatusUnauthorized && c != http.StatusServiceUnavailable {
			t.Errorf("answer %d to a forged body, want 401 (or 503 when no read slot)", c)
		}
	}
	if counts[http.StatusUnauthorized] == 0 {
		t.Error("no forged body was read to the end: the test proves nothing")
	}

	// 1,000 connections, each sending 1 MB of headers.
	addr := strings.TrimPrefix(srv.url, "http://")
	junk := "X-Junk: " + strings.Repeat("a", 8000) + "\r\n"
	var hwg sync.WaitGroup
	var mu sync.Mutex
	answers := map[string]int{}
	for range 1000 {
		hwg.Add(1)
		go func() {
			defer hwg.Done()
			conn, err := net.DialTimeout("tcp", addr, 10*time.Second)
			if err != nil {
				mu.Lock()
				answers["dial error"]++
				mu.Unlock()
				return
			}
			defer conn.Close()
			conn.SetDeadline(time.Now().Add(30 * time.Second))
			w := bufio.NewWriter(conn)
			w.WriteString("POST /webhook HTTP/1.1\r\nHost: x\r\n")
			for sent := 0; sent < 1<<20; sent += len(junk) {
				if _, err := w.WriteString(junk); err != nil {
					break
				}
			}
			w.WriteString("\r\n")
			w.Flush()
			line, _ := bufio.NewReader(conn).ReadString('\n')
			mu.Lock()
			answers[strings.TrimSpace(line)]++
			mu.Unlock()
		}()
	}
	hwg.Wait()
	afterHeaders := peakRSS(t, pid)
	t.Logf("1,000 connections × 1 MB of headers: answers %v; peak RSS %d MiB", answers, afterHeaders>>20)
	if afterHeaders > 256<<20 {
		t.Errorf("peak RSS %d MiB, want < 256 MiB", afterHeaders>>20)
	}

	// Still serving.
	resp, err := http.Get(srv.url + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Equal(bytes.TrimSpace(b), []byte("ok")) {
		t.Errorf("healthz after the storm: %q", b)
	}
}
