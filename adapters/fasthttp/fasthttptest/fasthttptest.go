// Package fasthttptest holds the checks that corskit's adapters built on
// fasthttp (corsfasthttp, and the Fiber v2 and v3 adapters) share besides
// the conformance suite (package corstest of the core): [Handler], which
// mounts the suite's net/http application on fasthttp, and
// [RunZeroAllocations], which counts what the middleware costs per request.
package fasthttptest

import (
	"slices"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"

	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// Path is the path [RunZeroAllocations] requests: the handler under test
// must route GET and OPTIONS requests for it to a handler that answers
// 200 and allocates nothing.
const Path = "/items"

// RunZeroAllocations serves, with the handler newHandler returns for each
// configuration, every kind of request again and again on one reused
// fasthttp.RequestCtx, and fails t unless the whole handler (the
// framework, the middleware, the route's handler) costs no allocation per
// request, except a hostile request with more lines of a field than any
// client sends, which must cost exactly one. The handler's routes must
// allocate nothing (answer with SetBodyString or Fiber's SendString).
//
// It skips under the race detector, which makes sync.Pool drop values:
// fasthttp and Fiber pool their request contexts, so that even a bare
// framework then allocates. Run `go test` without -race for it.
func RunZeroAllocations(t *testing.T, newHandler func(cors.Config) fasthttp.RequestHandler) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop values: run without -race to count allocations")
	}
	allowed, disallowed := corstest.AllowedOrigin, corstest.DisallowedOrigin
	credentialed := corstest.CredentialedConfig()
	reflect := corstest.CredentialedConfig()
	reflect.AllowHeaders = []string{"*"}
	pna := corstest.CredentialedConfig()
	pna.AllowPrivateNetwork = true
	public := cors.Config{AllowOrigins: []string{"*"}, ExposeHeaders: []string{"X-Request-Id"}}
	preflight := func(origin string) []string { return corstest.PreflightHeader(origin, "PUT", "x-request-id") }
	pre := slices.Clip(corstest.PreflightHeader(allowed, "PUT")) // each case appends its own lines
	cases := []struct {
		name   string
		cfg    cors.Config
		method string
		header []string
		status int
		allocs float64
	}{
		{"non-CORS GET", credentialed, "GET", nil, 200, 0},
		{"allowed GET", credentialed, "GET", []string{"Origin", allowed}, 200, 0},
		{"disallowed GET", credentialed, "GET", []string{"Origin", disallowed}, 200, 0},
		{"OPTIONS without Access-Control-Request-Method", credentialed, "OPTIONS", []string{"Origin", allowed}, 200, 0},
		{"allowed preflight", credentialed, "OPTIONS", preflight(allowed), 204, 0},
		{"rejected preflight", credentialed, "OPTIONS", preflight(disallowed), 403, 0},
		{"preflight with two reflected lines", reflect, "OPTIONS",
			corstest.PreflightHeader(allowed, "PUT", "x-request-id", "x-custom"), 204, 0},
		{"private network preflight", pna, "OPTIONS",
			append(preflight(allowed), "Access-Control-Request-Private-Network", "true"), 204, 0},
		{"any origin, non-CORS GET", public, "GET", nil, 200, 0},
		{"Access-Control-Request-Headers of 4 lines", credentialed, "OPTIONS",
			append(pre, manyLines("Access-Control-Request-Headers", "x-request-id", 4)...), 204, 0},
		{"Access-Control-Request-Headers of 8 KiB of commas", credentialed, "OPTIONS",
			append(pre, "Access-Control-Request-Headers", strings.Repeat(",", 8<<10)), 403, 0},
		{"Access-Control-Request-Headers of 100 lines", credentialed, "OPTIONS",
			append(pre, manyLines("Access-Control-Request-Headers", "x-request-id", 100)...), 403, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHandler(c.cfg)
			ctx := newRequestCtx(c.method, Path, c.header...)
			serve(h, ctx)
			if got := ctx.Response.StatusCode(); got != c.status {
				t.Fatalf("status = %d, want %d", got, c.status)
			}
			if n := testing.AllocsPerRun(100, func() { serve(h, ctx) }); n != c.allocs {
				t.Errorf("%v allocations per request, want %v", n, c.allocs)
			}
		})
	}
}

func manyLines(name, value string, n int) []string {
	kv := make([]string, 0, 2*n)
	for range n {
		kv = append(kv, name, value)
	}
	return kv
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
