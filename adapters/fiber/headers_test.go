package corsfiber_test

import (
	"net/http"
	"strings"
	"testing"

	cors "github.com/corskit/corskit/core"
)

// TestFieldNamesCanonical: the middleware writes field names without
// fasthttp's normalization, so they must be canonical already, or a
// handler's c.Set of the same field would add a second one.
func TestFieldNamesCanonical(t *testing.T) {
	cfg := testConfig()
	cfg.AllowHeaders = []string{"*"}
	cfg.AllowPrivateNetwork = true
	h := newHandler(cfg)
	for _, header := range [][]string{
		{"Origin", allowed},
		append(preflightHeaders(allowed), "Access-Control-Request-Private-Network", "true"),
		preflightHeaders(disallowed),
	} {
		method := "GET"
		if len(header) > 2 {
			method = "OPTIONS"
		}
		ctx := newRequestCtx(method, "/items", header...)
		serve(h, ctx)
		n := 0
		ctx.Response.Header.VisitAll(func(k, _ []byte) {
			n++
			if name := string(k); name != http.CanonicalHeaderKey(name) {
				t.Errorf("%s %v: field name %q is not canonical", method, header, name)
			}
		})
		if n < 3 {
			t.Errorf("%s %v: only %d fields", method, header, n)
		}
	}
}

// TestNoHeaderInjection: the middleware writes values without fasthttp's
// blanking of CR and LF, relying on the core never to emit them: an origin
// with CR or LF is not reflected, even by an AllowOriginFunc that accepts
// everything, so it cannot start a new header line.
func TestNoHeaderInjection(t *testing.T) {
	h := newHandler(cors.Config{AllowOriginFunc: func(string) bool { return true }})
	for _, origin := range []string{"https://a.example\r\nX-Injected: 1", "https://a.example\nX-Injected: 1", "https://a.example\rX-Injected: 1"} {
		ctx := newRequestCtx("GET", "/items")
		ctx.Request.Header.SetCanonical([]byte("Origin"), []byte(origin))
		serve(h, ctx)
		if got := string(ctx.Request.Header.Peek("Origin")); got != origin {
			t.Fatalf("request Origin = %q: the test no longer sends CR or LF", got)
		}
		if raw := ctx.Response.Header.String(); strings.Contains(raw, "X-Injected") {
			t.Errorf("Origin %q reached the response:\n%s", origin, raw)
		}
	}
}
