// Package corsfiber is corskit's CORS middleware for Fiber v3
// (github.com/gofiber/fiber/v3). It has the package name of the Fiber v2
// adapter (github.com/corskit/corskit/adapters/fiber), so that moving an
// application from Fiber v2 to v3 changes the import path and nothing
// else.
//
// Install it with app.Use before the routes, after the recover middleware:
//
//	import (
//		"github.com/gofiber/fiber/v3"
//		"github.com/gofiber/fiber/v3/middleware/recover"
//
//		corsfiber "github.com/corskit/corskit/adapters/fiberv3"
//	)
//
//	app := fiber.New()
//	app.Use(recover.New())
//	app.Use(corsfiber.New(corsfiber.Config{
//		AllowOrigins:     []string{"https://app.example.com"},
//		AllowCredentials: true,
//	}))
//	app.Get("/items", listItems)
//
// Installed with app.Use, it sees every request, whatever its path and
// method: it answers preflights (also to paths that have only a GET route,
// or no route at all) without calling the next handler, and sets the CORS
// headers of every other request before the next handler runs, so that they
// are on error responses too. On a group (app.Group("/api", mw), or
// app.Group("/api").Use(mw)) it does the same for the paths under the
// group's prefix; register it before the group's routes. Middleware given
// to a single route (app.Get(path, h, mw)) never sees that route's
// preflights, which are OPTIONS requests.
//
// The middleware reads the request's header fields and writes the
// response's the fasthttp way, with corsfasthttp.Apply
// (github.com/corskit/corskit/adapters/fasthttp), shared with the Fiber v2
// adapter, without converting the request to net/http, and allocates
// nothing per request (a hostile request with more than four lines of one
// field costs one allocation). It reads the fields by their canonical
// names; with fiber.Config.DisableHeaderNormalizing it sees only fields
// spelled that way (Origin, Access-Control-Request-Method, ...), like
// Fiber's own c.Get. A rejection is logged (Config.Logger) with the
// request's *fasthttp.RequestCtx (c.RequestCtx()) as its context, whose
// Value returns the request's Locals, as the Ctx's own does. Fiber
// answers methods missing from fiber.Config.RequestMethods (such as PURGE)
// with 501 before any middleware runs: list custom methods there.
//
// Config is corskit's configuration (see the core package,
// github.com/corskit/corskit/core), so one import suffices. For a policy
// that is built elsewhere or replaced at run time, use [FromPolicy].
package corsfiber

import (
	"github.com/gofiber/fiber/v3"

	corsfasthttp "github.com/corskit/corskit/adapters/fasthttp"
	cors "github.com/corskit/corskit/core"
)

// Config is corskit's configuration; see [cors.Config].
type Config = cors.Config

// New returns Fiber middleware that applies the CORS policy described by
// cfg. It panics, with the error naming every problem of cfg, if cfg is
// refused; use [cors.New] and [FromPolicy] to handle the error instead.
func New(cfg Config) fiber.Handler {
	return FromPolicy(cors.MustNew(cfg))
}

// FromPolicy returns Fiber middleware that applies p. p may be replaced at
// run time with [cors.Policy.Update], concurrently with requests: each
// request sees the old configuration or the new one, never a mixture. It
// panics if p is nil.
func FromPolicy(p *cors.Policy) fiber.Handler {
	if p == nil {
		panic("corsfiber: FromPolicy called with a nil *cors.Policy")
	}
	return func(c fiber.Ctx) error {
		status, body := corsfasthttp.Apply(p, c.RequestCtx())
		switch {
		case status == 0:
			return c.Next()
		case body == "":
			// An allowed preflight: no body. Unlike SendString(""),
			// ResetBody takes no buffer from fasthttp's pool for it.
			c.Status(status).Response().ResetBody()
			return nil
		}
		return c.Status(status).SendString(body)
	}
}
