package corsfiber_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"

	"github.com/corskit/corskit/adapters/fasthttp/fasthttptest"
	corsfiber "github.com/corskit/corskit/adapters/fiber"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// suiteReadBufferSize lets Fiber's server read the suite's largest requests
// (8 KiB of Access-Control-Request-Headers; 100 lines of it): with the
// default 4096 bytes it answers 431 before any middleware runs.
const suiteReadBufferSize = 32 << 10

// TestConformance runs the shared conformance suite, with its run-time
// policy updates under concurrent requests, through a real Fiber app, over
// app.Test (the request is written to and the response read from
// Fiber's server as bytes on a connection).
func TestConformance(t *testing.T) {
	corstest.Run(t, func(t *testing.T, p *cors.Policy, app http.Handler) corstest.Server {
		f := fiber.New(fiber.Config{ReadBufferSize: suiteReadBufferSize, RequestMethods: suiteMethods()})
		f.Use(corsfiber.FromPolicy(p))
		f.All("/*", func(c *fiber.Ctx) error {
			fasthttptest.Handler(app)(c.Context())
			return nil
		})
		return server(f)
	})
}

// suiteMethods returns Fiber's default methods and the others the suite
// sends (such as PURGE): Fiber answers a method its configuration does not
// list with 400 before any middleware runs.
func suiteMethods() []string {
	methods := slices.Clone(fiber.DefaultMethods)
	for _, m := range corstest.Methods() {
		if !slices.Contains(methods, m) {
			methods = append(methods, m)
		}
	}
	return methods
}

// TestAdaptorAddsInsteadOfReplacing records why the suite mounts its
// handler with [fasthttptest.Handler] rather than Fiber's middleware/adaptor: the
// adaptor adds the handler's fields to the response (so Vary is kept), but
// the handler cannot see, and so cannot replace, a field already set.
func TestAdaptorAddsInsteadOfReplacing(t *testing.T) {
	app := fiber.New()
	app.Use(func(c *fiber.Ctx) error {
		c.Set("Vary", "Origin")
		c.Set("Access-Control-Expose-Headers", "X-Request-Id")
		return c.Next()
	})
	app.Get("/", adaptor.HTTPHandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if v := w.Header().Get("Vary"); v != "" {
			t.Errorf("the handler sees Vary %q; the adaptor now shares headers: use it", v)
		}
		w.Header().Add("Vary", "Accept-Encoding")
		w.Header().Set("Access-Control-Expose-Headers", "X-Other")
	}))
	resp := send(t, app, "GET", "/")
	if got := resp.Header.Values("Vary"); len(got) != 2 {
		t.Errorf("Vary = %q, want the middleware's and the handler's lines", got)
	}
	if got := resp.Header.Values("Access-Control-Expose-Headers"); len(got) != 2 {
		t.Errorf("Access-Control-Expose-Headers = %q, want both lines (not replaced)", got)
	}
}
