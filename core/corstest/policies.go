package corstest

import (
	"net/http"
	"sync"
	"testing"

	cors "github.com/corskit/corskit/core"
)

// runZeroPolicy checks that a zero cors.Policy allows no origin: an actual
// request reaches the handler with Vary: Origin and no CORS field, and a
// preflight is rejected.
func runZeroPolicy(t *testing.T, newServer NewServer) {
	srv := newServer(t, &cors.Policy{}, http.HandlerFunc(DefaultApp))
	r := MustSend(t, srv, "GET", "/resource", "Origin", AllowedOrigin)
	WantNoCORS(t, r)
	if r.Status != http.StatusOK || r.Body != AppBody || !r.VaryHas("Origin") {
		t.Errorf("actual request: got %d %v %q, want the handler's answer with Vary: Origin", r.Status, r.Header, r.Body)
	}
	r = MustSend(t, srv, "OPTIONS", "/resource", "Origin", AllowedOrigin, "Access-Control-Request-Method", "PUT")
	WantNoCORS(t, r)
	if r.Status != http.StatusForbidden {
		t.Errorf("preflight: got %d, want %d", r.Status, http.StatusForbidden)
	}
}

// runKeptOrigins checks that the origin AllowOriginFunc receives is the
// function's to keep: a function that remembers its answers by origin (the
// common cache) must find its keys unchanged after later requests, even
// where the server reuses its buffers from one request to the next. Origins
// of equal length make a shared buffer show.
func runKeptOrigins(t *testing.T, newServer NewServer) {
	const good, evil = "https://good.example.org", "https://evil.example.org"
	var mu sync.Mutex
	var seen []string
	p, err := cors.New(cors.Config{
		AllowOriginFunc: func(origin string) bool {
			mu.Lock()
			defer mu.Unlock()
			seen = append(seen, origin)
			return origin == good
		},
		AllowCredentials: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, p, http.HandlerFunc(DefaultApp))
	var sent []string
	for i := 0; i < 50; i++ {
		origin := good
		if i%2 == 1 {
			origin = evil
		}
		sent = append(sent, origin)
		r := MustSend(t, srv, "GET", "/resource", "Origin", origin)
		if got := r.Header.Get("Access-Control-Allow-Origin"); (origin == good) != (got == good) {
			t.Fatalf("request %d from %s: Access-Control-Allow-Origin %q", i, origin, got)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for i := range seen {
		if i >= len(sent) || seen[i] != sent[i] {
			t.Fatalf("AllowOriginFunc's kept origins changed after later requests: %q, sent %q", seen, sent)
		}
	}
}
