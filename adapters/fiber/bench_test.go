package corsfiber_test

import (
	"fmt"
	"testing"

	"github.com/gofiber/fiber/v2"

	corsfiber "github.com/corskit/corskit/adapters/fiber"
	cors "github.com/corskit/corskit/core"
)

// benchConfig is the policy of the anchor benchmarks: 52 exact origins,
// credentials, a few methods and headers.
func benchConfig() cors.Config {
	origins := make([]string, 52)
	for i := range origins {
		origins[i] = fmt.Sprintf("https://app%d.example.com", i+1)
	}
	return cors.Config{
		AllowOrigins:     origins,
		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Content-Type", "Authorization", "X-Request-Id"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
		MaxAge:           600,
	}
}

// benchApp returns a constructor of a Fiber app with a GET and an OPTIONS
// route (the same in every variant), with the middleware mw in front of
// them unless it is nil.
func benchApp(mw fiber.Handler) func() *fiber.App {
	return func() *fiber.App {
		app := fiber.New()
		if mw != nil {
			app.Use(mw)
		}
		app.Get("/resource", func(c *fiber.Ctx) error { return c.SendString("ok") })
		app.Options("/resource", func(c *fiber.Ctx) error { return c.SendStatus(fiber.StatusNoContent) })
		return app
	}
}

// BenchmarkFiber compares bare Fiber with Fiber behind corskit, request by
// request: compare with `benchstat -col /mw`. The noop variant, a middleware
// that only calls c.Next, shows what any Fiber middleware costs. Each
// iteration serves the same request on a reused fasthttp.RequestCtx, reset
// as fasthttp's server resets it between requests. Besides ns/op, it
// reports cpu-ns/op, the process's CPU time per request, which a busy
// machine does not inflate as it does the wall clock.
func BenchmarkFiber(b *testing.B) {
	const origin = "https://app2.example.com"
	requests := []struct {
		name   string
		method string
		header []string
	}{
		{"non-CORS_GET", "GET", nil},
		{"allowed_GET", "GET", []string{"Origin", origin}},
		{"disallowed_GET", "GET", []string{"Origin", disallowed}},
		{"allowed_preflight", "OPTIONS", []string{"Origin", origin,
			"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type,x-request-id"}},
		{"rejected_preflight", "OPTIONS", []string{"Origin", origin,
			"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type,x-nope"}},
	}
	variants := []struct {
		name string
		app  func() *fiber.App
	}{
		{"bare", benchApp(nil)},
		{"noop", benchApp(func(c *fiber.Ctx) error { return c.Next() })},
		{"corskit", benchApp(corsfiber.New(benchConfig()))},
	}
	for _, r := range requests {
		for _, v := range variants {
			b.Run("req="+r.name+"/mw="+v.name, func(b *testing.B) {
				h := v.app().Handler()
				ctx := newRequestCtx(r.method, "/resource", r.header...)
				serve(h, ctx)
				if s := ctx.Response.StatusCode(); s >= 300 && s != 403 {
					b.Fatalf("status %d", s)
				}
				b.ReportAllocs()
				start, ok := processCPU()
				for b.Loop() {
					serve(h, ctx)
				}
				if end, ok2 := processCPU(); ok && ok2 {
					b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
				}
			})
		}
	}
}
