package e2e

import (
	"io"
	"net"
	"net/http"
	"testing"
)

// pages are the origins the test pages are served from. Two loopback
// listeners serve the same blank page for any host name: the first is the
// allowed origin (and, under *.localhost names, the subdomain scenario's
// origins), the second the disallowed one. All are "localhost" sites, like
// the API, so cookies flow between them while CORS still applies.
type pages struct {
	allowed    string // http://localhost:A, listed in the policies
	disallowed string // http://localhost:B, listed nowhere
	subdomain  string // http://a.example.localhost:A, matched by pattern
	apex       string // http://example.localhost:A, not matched by pattern
	pattern    string // http://*.example.localhost:A
}

// startPages serves the test pages until t ends.
func startPages(t *testing.T) pages {
	t.Helper()
	a := serveHTTP(t, listen(t), http.HandlerFunc(servePage))
	b := serveHTTP(t, listen(t), http.HandlerFunc(servePage))
	return pages{
		allowed:    "http://localhost:" + a,
		disallowed: "http://localhost:" + b,
		subdomain:  "http://a.example.localhost:" + a,
		apex:       "http://example.localhost:" + a,
		pattern:    "http://*.example.localhost:" + a,
	}
}

// servePage serves a blank HTML page at / and nothing elsewhere (the
// browser asks for /favicon.ico).
func servePage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if r.URL.Path != "/" {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	io.WriteString(w, "<!doctype html><meta charset=utf-8><title>corskit e2e</title><body></body>\n")
}

// listen opens a listener on a free loopback port.
func listen(t *testing.T) net.Listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listening on loopback: %v", err)
	}
	return ln
}

// serveHTTP serves h on ln until t ends and returns ln's port.
func serveHTTP(t *testing.T, ln net.Listener, h http.Handler) string {
	t.Helper()
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return port(ln)
}

// port returns the port ln listens on.
func port(ln net.Listener) string {
	_, p, _ := net.SplitHostPort(ln.Addr().String())
	return p
}
