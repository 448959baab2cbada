// Package corschi is corskit's CORS middleware for chi
// (github.com/go-chi/chi/v5). All CORS behaviour lives in the core package,
// github.com/corskit/corskit/core; chi middleware is plain net/http
// middleware, so this package hands the core's [cors.Policy.Handler] to
// chi, and nothing more.
//
// Import it under the name corschi and install it with r.Use on the router,
// before the routes (chi requires that):
//
//	import corschi "github.com/corskit/corskit/adapters/chi"
//
//	r := chi.NewRouter()
//	r.Use(middleware.Recoverer)
//	r.Use(corschi.New(corschi.Config{
//		AllowOrigins:     []string{"https://app.example.com"},
//		AllowMethods:     []string{"PUT", "DELETE"},
//		AllowHeaders:     []string{"Authorization"},
//		AllowCredentials: true,
//	}))
//	r.Get("/api/items", listItems)
//
// Middleware installed with Use runs before chi looks for a route, so it
// answers the preflights to every path, including routes that have no
// OPTIONS handler. To limit CORS to part of the application, install it
// with Use on a subrouter made with r.Route or r.Mount, never with r.Group
// or r.With: those wrap only the handlers of matching routes, so a
// preflight to a route without an OPTIONS handler would get chi's 405
// without CORS headers.
package corschi

import (
	"net/http"

	cors "github.com/corskit/corskit/core"
)

// Config is the CORS configuration, the core's [cors.Config]: importing
// corschi alone is enough to configure the middleware.
type Config = cors.Config

// New returns chi middleware that applies the CORS policy cfg. It panics,
// with every problem of cfg and its fix, if cfg is refused by [cors.New];
// use [FromPolicy] to handle that error yourself.
func New(cfg Config) func(http.Handler) http.Handler {
	return FromPolicy(cors.MustNew(cfg))
}

// FromPolicy returns chi middleware that applies p, the core's
// [cors.Policy.Handler]. The policy may be replaced at run time with
// [cors.Policy.Update]; every request sees either the old configuration or
// the new one. FromPolicy panics if p is nil.
//
// The middleware sets the CORS response headers before the next handler
// runs, so they are also on error responses, including the 500 that
// chi's middleware.Recoverer writes after a panic. It answers a preflight
// itself; every other request, including an OPTIONS request that is not a
// preflight, goes on to the next handler with the ResponseWriter it came
// with, unwrapped.
func FromPolicy(p *cors.Policy) func(http.Handler) http.Handler {
	if p == nil {
		panic("corschi: FromPolicy called with a nil *cors.Policy")
	}
	return p.Handler
}
