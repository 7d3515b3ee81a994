package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

// runHealthcheck GETs the server's /healthz and exits 0 when it answers
// 200, else 1: the container HEALTHCHECK of images without curl. The
// address defaults to PYGUARD_ADDR (as pyguard serve uses it), reached on
// the loopback interface when it names no host or an unspecified one.
func runHealthcheck(std stdio, args []string) int {
	fs := newFlagSet("healthcheck", "pyguard healthcheck [--addr ADDR | --url URL] [--timeout D]", std)
	addr := fs.String("addr", "", "address pyguard serve listens on (env "+envAddr+", default "+defaultServeAddr+")")
	target := fs.String("url", "", "full URL to check instead (e.g. http://127.0.0.1:8080/healthz)")
	timeout := fs.Duration("timeout", 5*time.Second, "give up after this long")
	operands, exit, ok := parseFlags(fs, args)
	if !ok {
		return exit
	}
	if len(operands) > 0 {
		fmt.Fprintf(std.errout, "pyguard healthcheck: unexpected argument %q\n", operands[0])
		return exitError
	}
	u := *target
	if u == "" {
		a := *addr
		if a == "" {
			a = strings.TrimSpace(os.Getenv(envAddr))
		}
		if a == "" {
			a = defaultServeAddr
		}
		var err error
		if u, err = healthzURL(a); err != nil {
			fmt.Fprintf(std.errout, "pyguard healthcheck: %v\n", err)
			return exitFindings
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		fmt.Fprintf(std.errout, "pyguard healthcheck: %v\n", err)
		return exitFindings
	}
	req.Header.Set("User-Agent", "pyguard-healthcheck/"+version())
	resp, err := (&http.Client{}).Do(req)
	if err != nil {
		fmt.Fprintf(std.errout, "pyguard healthcheck: unhealthy: %v\n", err)
		return exitFindings
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintf(std.errout, "pyguard healthcheck: unhealthy: %s answered %s\n", u, resp.Status)
		return exitFindings
	}
	fmt.Fprintf(std.out, "%s\n", strings.TrimSpace(string(body)))
	return exitOK
}

// healthzURL maps a listen address to the URL of its /healthz.
func healthzURL(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("listen address %q: %v", addr, err)
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return (&url.URL{Scheme: "http", Host: net.JoinHostPort(host, port), Path: "/healthz"}).String(), nil
}
