// Package examplestest checks that an example server answers CORS requests
// the way its configuration says: the frontend on http://localhost:3000 is
// allowed, any other origin gets no CORS header at all.
package examplestest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Origins used by the checks.
const (
	// AllowedOrigin is the frontend every example allows.
	AllowedOrigin = "http://localhost:3000"
	// DisallowedOrigin is a frontend no example allows.
	DisallowedOrigin = "http://localhost:3001"
)

// A RoundTrip sends one request to the server under test and returns its
// response.
type RoundTrip func(*http.Request) *http.Response

// Handler returns a RoundTrip that serves each request with h in memory.
func Handler(h http.Handler) RoundTrip {
	return func(r *http.Request) *http.Response {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec.Result()
	}
}

// Run checks, against the example served by rt, that an allowed preflight
// and an allowed GET of path get the right CORS headers and that a
// disallowed origin gets none.
func Run(t *testing.T, rt RoundTrip, path string) {
	t.Run("allowed preflight", func(t *testing.T) { allowedPreflight(t, rt, path) })
	t.Run("allowed GET", func(t *testing.T) { allowedGet(t, rt, path) })
	t.Run("disallowed preflight", func(t *testing.T) { disallowedPreflight(t, rt, path) })
	t.Run("disallowed GET", func(t *testing.T) { disallowedGet(t, rt, path) })
}

func preflight(origin, path string) *http.Request {
	r := httptest.NewRequest(http.MethodOptions, path, nil)
	r.Header.Set("Origin", origin)
	r.Header.Set("Access-Control-Request-Method", "PUT")
	r.Header.Set("Access-Control-Request-Headers", "authorization")
	return r
}

func get(origin, path string) *http.Request {
	r := httptest.NewRequest(http.MethodGet, path, nil)
	r.Header.Set("Origin", origin)
	return r
}

func allowedPreflight(t *testing.T, rt RoundTrip, path string) {
	res := rt(preflight(AllowedOrigin, path))
	want(t, res, http.StatusNoContent)
	header(t, res, "Access-Control-Allow-Origin", AllowedOrigin)
	header(t, res, "Access-Control-Allow-Credentials", "true")
	contains(t, res, "Access-Control-Allow-Methods", "PUT")
	contains(t, res, "Access-Control-Allow-Headers", "authorization")
	contains(t, res, "Vary", "Origin")
}

func allowedGet(t *testing.T, rt RoundTrip, path string) {
	res := rt(get(AllowedOrigin, path))
	want(t, res, http.StatusOK)
	header(t, res, "Access-Control-Allow-Origin", AllowedOrigin)
	header(t, res, "Access-Control-Allow-Credentials", "true")
	header(t, res, "Content-Type", "application/json")
	contains(t, res, "Vary", "Origin")
}

func disallowedPreflight(t *testing.T, rt RoundTrip, path string) {
	res := rt(preflight(DisallowedOrigin, path))
	want(t, res, http.StatusForbidden)
	noCORS(t, res)
}

func disallowedGet(t *testing.T, rt RoundTrip, path string) {
	res := rt(get(DisallowedOrigin, path))
	// CORS is not access control: the handler runs, the browser hides
	// the response from the page because it carries no CORS header.
	want(t, res, http.StatusOK)
	noCORS(t, res)
	contains(t, res, "Vary", "Origin")
}

func want(t *testing.T, res *http.Response, status int) {
	t.Helper()
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != status {
		t.Fatalf("status %d, want %d (body %q)", res.StatusCode, status, body)
	}
}

func header(t *testing.T, res *http.Response, name, value string) {
	t.Helper()
	got := res.Header.Values(name)
	if len(got) != 1 || !strings.HasPrefix(got[0], value) {
		t.Errorf("%s = %q, want one line starting with %q", name, got, value)
	}
}

func contains(t *testing.T, res *http.Response, name, value string) {
	t.Helper()
	for _, line := range res.Header.Values(name) {
		for item := range strings.SplitSeq(line, ",") {
			if strings.EqualFold(strings.TrimSpace(item), value) {
				return
			}
		}
	}
	t.Errorf("%s = %q, want it to list %q", name, res.Header.Values(name), value)
}

func noCORS(t *testing.T, res *http.Response) {
	t.Helper()
	for name := range res.Header {
		if strings.HasPrefix(name, "Access-Control-") {
			t.Errorf("disallowed origin got %s: %q", name, res.Header.Values(name))
		}
	}
}
