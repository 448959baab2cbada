package corsfasthttp_test

import (
	"net/http"
	"testing"

	"github.com/valyala/fasthttp"

	corsfasthttp "github.com/corskit/corskit/adapters/fasthttp"
	"github.com/corskit/corskit/core/corstest"
)

// TestAroundRouter proves what the README says of where the middleware
// goes: wrapped around a router that serves only GET and HEAD /items, it
// answers preflights to that path and to unknown paths, the router's 404
// and 405 and the error response of a recovering wrapper outside it (after
// a panic) carry the CORS headers, and an OPTIONS request that is not a
// preflight reaches the router. fasthttp's ctx.Error, which resets the
// whole response, drops them.
func TestAroundRouter(t *testing.T) {
	fail := func(ctx *fasthttp.RequestCtx, status int) {
		ctx.SetStatusCode(status)
		ctx.SetBodyString(fasthttp.StatusMessage(status))
	}
	router := func(ctx *fasthttp.RequestCtx) {
		switch path := string(ctx.Path()); {
		case path == "/panic":
			panic("boom")
		case path == "/error":
			ctx.Error("teapot", fasthttp.StatusTeapot)
		case path != "/items":
			fail(ctx, fasthttp.StatusNotFound)
		case ctx.IsOptions():
			ctx.Response.Header.Set("Allow", "GET, HEAD, OPTIONS")
		case !ctx.IsGet() && !ctx.IsHead():
			fail(ctx, fasthttp.StatusMethodNotAllowed)
		default:
			ctx.SetBodyString("items")
		}
	}
	cors := corsfasthttp.New(corstest.CredentialedConfig())(router)
	recovering := func(ctx *fasthttp.RequestCtx) {
		defer func() {
			if recover() != nil {
				ctx.SetStatusCode(fasthttp.StatusInternalServerError)
				ctx.SetBodyString("internal error")
			}
		}()
		cors(ctx)
	}
	srv := server(t, recovering)
	send := func(method, path string, kv ...string) corstest.Response {
		return corstest.MustSend(t, srv, method, path, kv...)
	}
	for _, path := range []string{"/items", "/nowhere"} {
		corstest.WantAnsweredPreflight(t, send("OPTIONS", path, corstest.PreflightHeader(corstest.AllowedOrigin, "PUT")...))
		corstest.WantRejectedPreflight(t, send("OPTIONS", path, corstest.PreflightHeader(corstest.DisallowedOrigin, "PUT")...))
	}
	for _, c := range []struct {
		method, path string
		status       int
	}{{"GET", "/items", 200}, {"GET", "/nowhere", 404}, {"DELETE", "/items", 405}, {"GET", "/panic", 500}, {"HEAD", "/items", 200}} {
		corstest.WantAllowedActual(t, send(c.method, c.path, "Origin", corstest.AllowedOrigin), c.status)
	}
	r := send("OPTIONS", "/items", "Origin", corstest.AllowedOrigin)
	corstest.WantAllowedActual(t, r, http.StatusOK)
	if r.Header.Get("Allow") != "GET, HEAD, OPTIONS" {
		t.Errorf("OPTIONS without Access-Control-Request-Method did not reach the router: %v", r.Header)
	}
	if r := send("GET", "/error", "Origin", corstest.AllowedOrigin); r.Status != http.StatusTeapot || len(r.CORSHeaders()) != 0 {
		t.Errorf("fasthttp changed: ctx.Error now keeps the response's headers (%d %v); update the README", r.Status, r.Header)
	}
}
