package corsfiber_test

import (
	"net/http"
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

// server returns a corstest.Server that sends each request through
// app.Test: written to and read from Fiber's server as bytes.
func server(app *fiber.App) corstest.Server {
	return func(r *http.Request) (*http.Response, error) { return app.Test(r, -1) }
}

// send sends one request through app.Test, with the header fields kv
// given as name, value pairs.
func send(t *testing.T, app *fiber.App, method, path string, kv ...string) corstest.Response {
	t.Helper()
	resp, err := corstest.Send(server(app), method, path, kv...)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	return resp
}

// preflightHeaders are the header fields of a preflight from origin for a
// PUT with X-Request-Id.
func preflightHeaders(origin string) []string {
	return []string{"Origin", origin, "Access-Control-Request-Method", "PUT",
		"Access-Control-Request-Headers", "x-request-id"}
}

// want fails the test unless resp has the status and, if origin is not
// empty, allows origin with credentials and varies on Origin; if origin is
// empty, resp must have no Access-Control-* field.
func want(t *testing.T, resp corstest.Response, status int, origin string) {
	t.Helper()
	if resp.Status != status {
		t.Errorf("status = %d, want %d", resp.Status, status)
	}
	got := resp.CORSHeaders()
	switch {
	case origin == "" && len(got) > 0:
		t.Errorf("unexpected CORS fields %q", got)
	case origin == "":
	case got["Access-Control-Allow-Origin"] != origin || got["Access-Control-Allow-Credentials"] != "true" || !resp.VaryHas("Origin"):
		t.Errorf("CORS fields %q, Vary %q: want %s allowed with credentials, and Vary: Origin", got, resp.Header.Values("Vary"), origin)
	}
}

// newRequestCtx returns a fasthttp request context holding a request, to be
// served again and again by [serve].
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
