package corsfiber_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// Origins of the integration tests.
const (
	allowed    = corstest.AllowedOrigin
	disallowed = corstest.DisallowedOrigin
)

// testConfig is the policy of the integration tests: the suite's
// credentialed policy.
func testConfig() cors.Config { return corstest.CredentialedConfig() }

// send sends one request through app.Test; kv are header name, value pairs,
// the names sent as written. Read the response's body with [body].
func send(t *testing.T, app *fiber.App, method, path string, kv ...string) *http.Response {
	t.Helper()
	r := httptest.NewRequest(method, "http://"+corstest.Host+path, nil)
	for i := 0; i+1 < len(kv); i += 2 {
		r.Header[kv[i]] = append(r.Header[kv[i]], kv[i+1])
	}
	resp, err := app.Test(r, -1)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp
}

// body reads and closes resp's body.
func body(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// preflightHeaders are the header fields of a preflight from origin for a
// PUT with X-Request-Id.
func preflightHeaders(origin string) []string {
	return []string{"Origin", origin, "Access-Control-Request-Method", "PUT",
		"Access-Control-Request-Headers", "x-request-id"}
}

// wantCORS fails the test unless resp allows origin and varies on Origin.
func wantCORS(t *testing.T, resp *http.Response, origin string) {
	t.Helper()
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != origin {
		t.Errorf("Access-Control-Allow-Origin = %q, want %q", got, origin)
	}
	if got := resp.Header.Get("Access-Control-Allow-Credentials"); got != "true" {
		t.Errorf("Access-Control-Allow-Credentials = %q, want true", got)
	}
	wantVary(t, resp, "Origin")
}

// wantNoCORS fails the test if resp has any Access-Control-* field.
func wantNoCORS(t *testing.T, resp *http.Response) {
	t.Helper()
	for k, v := range resp.Header {
		if strings.HasPrefix(k, "Access-Control-") {
			t.Errorf("unexpected %s: %q", k, v)
		}
	}
}

// wantVary fails the test unless resp's Vary lists every token.
func wantVary(t *testing.T, resp *http.Response, tokens ...string) {
	t.Helper()
	have := map[string]bool{}
	for _, line := range resp.Header.Values("Vary") {
		for _, tok := range strings.Split(line, ",") {
			have[strings.ToLower(strings.TrimSpace(tok))] = true
		}
	}
	for _, tok := range tokens {
		if !have[strings.ToLower(tok)] {
			t.Errorf("Vary %q lacks %q", resp.Header.Values("Vary"), tok)
		}
	}
}

// wantStatus fails the test unless resp has the status.
func wantStatus(t *testing.T, resp *http.Response, status int) {
	t.Helper()
	if resp.StatusCode != status {
		t.Errorf("status = %d, want %d", resp.StatusCode, status)
	}
}

// newRequestCtx returns a fasthttp request context holding a request, to be
// served again and again by [serve] (by benchmarks and allocation tests).
func newRequestCtx(method, path string, kv ...string) *fasthttp.RequestCtx {
	ctx := new(fasthttp.RequestCtx)
	ctx.Request.Header.SetMethod(method)
	ctx.Request.SetRequestURI(path)
	ctx.Request.Header.SetHost(corstest.Host)
	for i := 0; i+1 < len(kv); i += 2 {
		ctx.Request.Header.Add(kv[i], kv[i+1])
	}
	return ctx
}

// serve resets ctx's response and user values, as fasthttp's server does
// between requests, and serves ctx's request with h.
func serve(h fasthttp.RequestHandler, ctx *fasthttp.RequestCtx) {
	ctx.Response.Reset()
	ctx.ResetUserValues()
	h(ctx)
}
