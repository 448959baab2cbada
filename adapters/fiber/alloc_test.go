//go:build !race

// Under the race detector, sync.Pool drops values at random, and Fiber and
// fasthttp pool their request contexts: even an app without middleware
// then allocates. `go test ./...` runs these counts.

package corsfiber_test

import (
	"slices"
	"strings"
	"testing"

	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// TestZeroAllocations drives a whole Fiber app, whose handlers allocate
// nothing, through app.Handler() on a reused fasthttp.RequestCtx: with the
// middleware, every kind of request costs no allocation at all, except a
// hostile one with more lines of a field than any client sends, which
// costs exactly one.
func TestZeroAllocations(t *testing.T) {
	reflect := testConfig()
	reflect.AllowHeaders = []string{"*"}
	pna := testConfig()
	pna.AllowPrivateNetwork = true
	public := cors.Config{AllowOrigins: []string{"*"}, ExposeHeaders: []string{"X-Request-Id"}}
	pre := slices.Clip(corstest.PreflightHeader(allowed, "PUT")) // each case appends its own lines
	cases := []struct {
		name   string
		cfg    cors.Config
		method string
		header []string
		status int
		allocs float64
	}{
		{"non-CORS GET", testConfig(), "GET", nil, 200, 0},
		{"allowed GET", testConfig(), "GET", []string{"Origin", allowed}, 200, 0},
		{"disallowed GET", testConfig(), "GET", []string{"Origin", disallowed}, 200, 0},
		{"OPTIONS without Access-Control-Request-Method", testConfig(), "OPTIONS", []string{"Origin", allowed}, 200, 0},
		{"allowed preflight", testConfig(), "OPTIONS", preflightHeaders(allowed), 204, 0},
		{"rejected preflight", testConfig(), "OPTIONS", preflightHeaders(disallowed), 403, 0},
		{"preflight with two reflected lines", reflect, "OPTIONS",
			corstest.PreflightHeader(allowed, "PUT", "x-request-id", "x-custom"), 204, 0},
		{"private network preflight", pna, "OPTIONS",
			append(preflightHeaders(allowed), "Access-Control-Request-Private-Network", "true"), 204, 0},
		{"any origin, non-CORS GET", public, "GET", nil, 200, 0},
		{"Access-Control-Request-Headers of 4 lines", testConfig(), "OPTIONS",
			append(pre, manyLines("Access-Control-Request-Headers", "x-request-id", 4)...), 204, 0},
		{"Access-Control-Request-Headers of 8 KiB of commas", testConfig(), "OPTIONS",
			append(pre, "Access-Control-Request-Headers", strings.Repeat(",", 8<<10)), 403, 0},
		{"Access-Control-Request-Headers of 100 lines", testConfig(), "OPTIONS",
			append(pre, manyLines("Access-Control-Request-Headers", "x-request-id", 100)...), 403, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHandler(c.cfg)
			ctx := newRequestCtx(c.method, "/items", c.header...)
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
