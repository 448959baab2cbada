// Package corsecho is the corskit CORS middleware for Echo v5
// (github.com/labstack/echo/v5). It has the package name of the Echo v4
// adapter (github.com/corskit/corskit/adapters/echo), so that moving an
// application from Echo v4 to v5 changes the import path and nothing else.
//
// Import it under the alias corsecho and install it with e.Use, so that it
// runs for every request Echo serves, whatever route (or none) matched:
//
//	import corsecho "github.com/corskit/corskit/adapters/echov5"
//
//	e := echo.New()
//	e.Use(middleware.Recover())
//	e.Use(corsecho.New(corsecho.Config{
//		AllowOrigins:     []string{"https://app.example.com"},
//		AllowMethods:     []string{"PUT", "DELETE"},
//		AllowHeaders:     []string{"Authorization"},
//		AllowCredentials: true,
//	}))
//	e.GET("/items", listItems)
//
// Echo runs e.Use middleware after routing but around whatever handler the
// router chose, including its 404 and 405 handlers and its automatic
// OPTIONS handler, so preflights to routes without an OPTIONS handler and
// to unknown paths are answered too. e.Pre works as well. For one route
// group, pass it to e.Group("/api", corsecho.New(cfg)) (or call g.Use before
// adding the group's routes: Echo applies group middleware when a route is
// added); it then covers every path under the prefix, since Echo registers
// a catch-all route for the group (unless
// echo.Config.NoGroupAutoRegister404Routes is set). Middleware given to a
// single route (e.GET(path, h, mw)) never sees preflights and must not be
// used for CORS.
//
// The CORS headers are set before the next handler runs, so they are on
// responses written by Echo's HTTPErrorHandler too: a returned error, or a
// panic recovered by middleware.Recover. The middleware does not wrap the
// response writer: an answered preflight is written through c.Response(),
// Echo's *echo.Response, which records its status and size.
//
// All CORS behaviour lives in the core package
// (github.com/corskit/corskit/core); this package only connects it to Echo,
// with [cors.Policy.ServeCORS].
package corsecho

import (
	"github.com/labstack/echo/v5"

	cors "github.com/corskit/corskit/core"
)

// Config is the core's configuration, so that importing this package alone
// suffices. See [cors.Config] for its fields.
type Config = cors.Config

// New returns Echo middleware applying the CORS policy cfg describes. It
// panics, with the error listing every problem of cfg, if cfg is refused;
// use [cors.New] and [FromPolicy] to handle that error instead.
func New(cfg Config) echo.MiddlewareFunc {
	return FromPolicy(cors.MustNew(cfg))
}

// FromPolicy returns Echo middleware applying p. The policy may be replaced
// at run time with [cors.Policy.Update]; the middleware applies whatever
// configuration is in force when each request arrives. It panics if p is
// nil.
//
// A preflight the policy answers is written in full (status, headers, body)
// and the next handler is not called. Every other request reaches the next
// handler with its CORS headers already set.
func FromPolicy(p *cors.Policy) echo.MiddlewareFunc {
	if p == nil {
		panic("corsecho: FromPolicy called with a nil *cors.Policy")
	}
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			if p.ServeCORS(c.Response(), c.Request()) {
				return nil
			}
			return next(c)
		}
	}
}
