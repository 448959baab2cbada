package corsfasthttp_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"

	corsfasthttp "github.com/corskit/corskit/adapters/fasthttp"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// TestFieldNamesCanonical: the middleware writes field names without
// fasthttp's normalization, so they must be canonical already, or a
// handler's Set of the same field (Fiber's c.Set) would add a second one.
func TestFieldNamesCanonical(t *testing.T) {
	cfg := corstest.CredentialedConfig()
	cfg.AllowHeaders = []string{"*"}
	cfg.AllowPrivateNetwork = true
	h := corsfasthttp.New(cfg)(okHandler)
	for _, header := range [][]string{
		{"Origin", corstest.AllowedOrigin},
		append(corstest.PreflightHeader(corstest.AllowedOrigin, "PUT", "x-request-id"), "Access-Control-Request-Private-Network", "true"),
		corstest.PreflightHeader(corstest.DisallowedOrigin, "PUT"),
	} {
		method := "GET"
		if len(header) > 2 {
			method = "OPTIONS"
		}
		ctx := request(method, header...)
		h(ctx)
		lines := strings.Split(strings.TrimSpace(ctx.Response.Header.String()), "\r\n")[1:] // after the status line
		for _, line := range lines {
			if name, _, _ := strings.Cut(line, ":"); name != http.CanonicalHeaderKey(name) {
				t.Errorf("%s %v: field name %q is not canonical", method, header, name)
			}
		}
		if len(lines) < 3 {
			t.Errorf("%s %v: only %d fields", method, header, len(lines))
		}
	}
}

// TestNoHeaderInjection: the middleware writes values without fasthttp's
// blanking of CR and LF, relying on the core never to emit them: an origin
// with CR or LF is not reflected, even by an AllowOriginFunc that accepts
// everything, so it cannot start a new header line.
func TestNoHeaderInjection(t *testing.T) {
	h := corsfasthttp.New(cors.Config{AllowOriginFunc: func(string) bool { return true }})(okHandler)
	for _, origin := range []string{"https://a.example\r\nX-Injected: 1", "https://a.example\nX-Injected: 1", "https://a.example\rX-Injected: 1"} {
		ctx := request("GET")
		ctx.Request.Header.SetCanonical([]byte("Origin"), []byte(origin))
		h(ctx)
		if got := string(ctx.Request.Header.Peek("Origin")); got != origin {
			t.Fatalf("request Origin = %q: the test no longer sends CR or LF", got)
		}
		if raw := ctx.Response.Header.String(); strings.Contains(raw, "X-Injected") {
			t.Errorf("Origin %q reached the response:\n%s", origin, raw)
		}
	}
}

// request returns a request context holding a request for /items, with
// the header fields kv given as name, value pairs.
func request(method string, kv ...string) *fasthttp.RequestCtx {
	ctx := new(fasthttp.RequestCtx)
	ctx.Request.Header.SetMethod(method)
	ctx.Request.SetRequestURI("/items")
	for i := 0; i+1 < len(kv); i += 2 {
		ctx.Request.Header.Add(kv[i], kv[i+1])
	}
	return ctx
}
