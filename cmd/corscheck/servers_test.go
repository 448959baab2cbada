package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
)

// trusted is the origin the test servers' policies allow.
const trusted = "https://app.example.com"

// handlerTransport answers every request with a handler, in memory, so
// that the output of a run is the same every time (no Date, no port).
type handlerTransport struct{ h http.Handler }

// RoundTrip implements http.RoundTripper.
func (t handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	w := httptest.NewRecorder()
	t.h.ServeHTTP(w, r)
	return w.Result(), nil
}

// strict is a careful policy: the trusted origin with credentials, PUT
// and X-Custom, Vary on every response, and a bare 403 for a refused
// preflight.
func strict(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		strictPreflight(w, r, origin)
		return
	}
	if origin == trusted {
		h.Set("Access-Control-Allow-Origin", origin)
		h.Set("Access-Control-Allow-Credentials", "true")
	}
	io.WriteString(w, "hello\n")
}

// strictPreflight answers a preflight for strict.
func strictPreflight(w http.ResponseWriter, r *http.Request, origin string) {
	method := r.Header.Get("Access-Control-Request-Method")
	headers := strings.Split(r.Header.Get("Access-Control-Request-Headers"), ",")
	if origin != trusted || !slices.Contains([]string{"GET", "POST", "PUT"}, method) ||
		slices.ContainsFunc(headers, func(s string) bool { return s != "" && s != "x-custom" && s != "content-type" }) {
		w.WriteHeader(http.StatusForbidden)
		return
	}
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", origin)
	h.Set("Access-Control-Allow-Credentials", "true")
	h.Set("Access-Control-Allow-Methods", "PUT")
	h.Set("Access-Control-Allow-Headers", "Content-Type, X-Custom")
	h.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
}

// reflecting copies Origin and the preflight's requests into the answer,
// with credentials, a Max-Age above Chromium's cap and no Vary.
func reflecting(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if o := r.Header.Get("Origin"); o != "" {
		h.Set("Access-Control-Allow-Origin", o)
		h.Set("Access-Control-Allow-Credentials", "true")
	}
	if r.Method == http.MethodOptions {
		h.Set("Access-Control-Allow-Methods", r.Header.Get("Access-Control-Request-Method"))
		h.Set("Access-Control-Allow-Headers", r.Header.Get("Access-Control-Request-Headers"))
		h.Set("Access-Control-Max-Age", "86400")
		return
	}
	io.WriteString(w, "hello\n")
}

// wildcard sends Access-Control-Allow-Origin: * with credentials, and a
// preflight response full of fields whatever the origin.
func wildcard(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Allow-Credentials", "true")
	if r.Method == http.MethodOptions {
		h.Set("Access-Control-Allow-Methods", "GET, POST, PUT")
		w.WriteHeader(http.StatusNoContent)
	}
}

// lookAlikeRegex allows origins with an unanchored, unescaped pattern, as
// a hand-written check would: anything containing "app.example.com" with
// the dots matching any byte.
func lookAlikeRegex(w http.ResponseWriter, r *http.Request) {
	o := r.Header.Get("Origin")
	if o != "" && o != "null" && strings.Contains(o, "app") && strings.Contains(o, "example") {
		w.Header().Set("Access-Control-Allow-Origin", o)
		w.Header().Set("Access-Control-Allow-Credentials", "true")
		w.Header().Set("Vary", "Origin")
	}
	io.WriteString(w, "hello\n")
}

// leaky answers a refused preflight with 403 but still lists its methods
// and headers, as fiber v2 did.
func leaky(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Origin")
	if r.Method == http.MethodOptions && r.Header.Get("Origin") != trusted {
		w.Header().Set("Access-Control-Allow-Methods", "GET, PUT, DELETE")
		w.Header().Set("Access-Control-Allow-Headers", "Authorization, X-Admin-Token")
		w.WriteHeader(http.StatusForbidden)
		return
	}
	strict(w, r)
}
