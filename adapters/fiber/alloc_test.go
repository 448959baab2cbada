//go:build !race

// The race detector makes sync.Pool drop values at random, so these counts
// hold only without it; `go test ./...` runs them.

package corsfiber_test

import (
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	corsfiber "github.com/corskit/corskit/adapters/fiber"
	cors "github.com/corskit/corskit/core"
)

// TestZeroAllocations drives a whole Fiber app, whose handler allocates
// nothing, through app.Handler() on a reused fasthttp.RequestCtx: with the
// middleware, every kind of request costs no allocation at all.
func TestZeroAllocations(t *testing.T) {
	reflect := testConfig()
	reflect.AllowHeaders = []string{"*"}
	pna := testConfig()
	pna.AllowPrivateNetwork = true
	public := cors.Config{AllowOrigins: []string{"*"}, ExposeHeaders: []string{"X-Request-Id"}}
	cases := []struct {
		name   string
		cfg    cors.Config
		method string
		header []string
		status int
	}{
		{"non-CORS GET", testConfig(), "GET", nil, 200},
		{"allowed GET", testConfig(), "GET", []string{"Origin", allowed}, 200},
		{"disallowed GET", testConfig(), "GET", []string{"Origin", disallowed}, 200},
		{"OPTIONS without Access-Control-Request-Method", testConfig(), "OPTIONS", []string{"Origin", allowed}, 200},
		{"allowed preflight", testConfig(), "OPTIONS", preflightHeaders(allowed), 204},
		{"rejected preflight", testConfig(), "OPTIONS", preflightHeaders(disallowed), 403},
		{"preflight with reflected request headers", reflect, "OPTIONS",
			append(preflightHeaders(allowed), "Access-Control-Request-Headers", "x-custom"), 204},
		{"private network preflight", pna, "OPTIONS",
			append(preflightHeaders(allowed), "Access-Control-Request-Private-Network", "true"), 204},
		{"any origin, non-CORS GET", public, "GET", nil, 200},
		{"Access-Control-Request-Headers of 100 lines", testConfig(), "OPTIONS",
			append(preflightHeaders(allowed), manyLines("Access-Control-Request-Headers", "x-request-id", 100)...), 403},
		{"Access-Control-Request-Headers of 8 KiB of commas", testConfig(), "OPTIONS",
			preflightHeaders(allowed)[:4:4], 403},
	}
	cases[len(cases)-1].header = append(cases[len(cases)-1].header,
		"Access-Control-Request-Headers", strings.Repeat(",", 8<<10))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			app := fiber.New()
			app.Use(corsfiber.New(c.cfg))
			ok := func(c *fiber.Ctx) error { return c.SendString("ok") }
			app.Get("/resource", ok)
			app.Options("/resource", ok)
			h := app.Handler()
			ctx := newRequestCtx(c.method, "/resource", c.header...)
			serve(h, ctx)
			if got := ctx.Response.StatusCode(); got != c.status {
				t.Fatalf("status = %d, want %d", got, c.status)
			}
			if n := testing.AllocsPerRun(100, func() { serve(h, ctx) }); n != 0 {
				t.Errorf("%v allocations per request, want 0", n)
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
