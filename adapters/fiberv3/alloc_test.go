package corsfiber_test

import (
	"testing"

	"github.com/gofiber/fiber/v3"
	"github.com/valyala/fasthttp"

	"github.com/corskit/corskit/adapters/fasthttp/fasthttptest"
	corsfiber "github.com/corskit/corskit/adapters/fiberv3"
	cors "github.com/corskit/corskit/core"
)

// TestZeroAllocations drives a whole Fiber app through app.Handler(): with
// the middleware, every kind of request costs no allocation (see
// [fasthttptest.RunZeroAllocations]; it needs a run without -race).
func TestZeroAllocations(t *testing.T) {
	fasthttptest.RunZeroAllocations(t, func(cfg cors.Config) fasthttp.RequestHandler {
		app := fiber.New()
		app.Use(corsfiber.New(cfg))
		app.Get(fasthttptest.Path, okHandler)
		app.Options(fasthttptest.Path, okHandler)
		return app.Handler()
	})
}
