// Package corsgin is corskit's CORS middleware for Gin
// (github.com/gin-gonic/gin). All CORS behaviour lives in the core package,
// github.com/corskit/corskit/core; this package only connects it to Gin.
//
// Import it under the name corsgin and install it on the engine, before the
// routes:
//
//	import corsgin "github.com/corskit/corskit/adapters/gin"
//
//	r := gin.New()
//	r.Use(gin.Recovery())
//	r.Use(corsgin.New(corsgin.Config{
//		AllowOrigins:     []string{"https://app.example.com"},
//		AllowMethods:     []string{"PUT", "DELETE"},
//		AllowHeaders:     []string{"Authorization"},
//		AllowCredentials: true,
//	}))
//	r.GET("/api/items", listItems)
//
// Installed on the engine, the middleware also runs for requests that match
// no route, so it answers the preflights to every path, including routes
// that have no OPTIONS handler. A middleware attached to a route group with
// RouterGroup.Use does not: Gin runs a group's middleware only for the
// routes registered on it, and a preflight is an OPTIONS request. Use
// [Group] to limit CORS to one group.
package corsgin

import (
	"net/http"
	"strings"

	cors "github.com/corskit/corskit/core"
	"github.com/gin-gonic/gin"
)

// Config is the CORS configuration, the core's [cors.Config]: importing
// corsgin alone is enough to configure the middleware.
type Config = cors.Config

// New returns Gin middleware that applies the CORS policy cfg. It panics,
// with every problem of cfg and its fix, if cfg is refused by [cors.New];
// use [FromPolicy] to handle that error yourself.
func New(cfg Config) gin.HandlerFunc {
	return FromPolicy(cors.MustNew(cfg))
}

// FromPolicy returns Gin middleware that applies p. The policy may be
// replaced at run time with [cors.Policy.Update]; every request sees either
// the old configuration or the new one. FromPolicy panics if p is nil.
//
// The middleware sets the CORS response headers before the rest of the
// chain runs, so they are also on error responses, including the 500 that
// gin.Recovery writes after a panic. It answers a preflight itself and
// aborts the chain; every other request, including an OPTIONS request that
// is not a preflight, continues to its handler.
func FromPolicy(p *cors.Policy) gin.HandlerFunc {
	if p == nil {
		panic("corsgin: FromPolicy called with a nil *cors.Policy")
	}
	return func(c *gin.Context) {
		if p.ServeCORS(c.Writer, c.Request) {
			// As c.AbortWithStatus does: the response is complete.
			c.Writer.WriteHeaderNow()
			c.Abort()
			return
		}
		c.Next()
	}
}

// Group returns a new route group of parent at relativePath that runs the
// CORS middleware mw (from [New] or [FromPolicy]) for its routes and also
// for the preflights to any path under it. Gin runs a group's middleware
// only for routes registered on that group, so Group registers an OPTIONS
// route for the group's path and every path under it: mw answers the
// preflights, and any other OPTIONS request gets Gin's usual 404.
//
// Middleware added to the returned group afterwards runs for its routes but
// not for those preflights, as browsers send preflights without
// credentials. Because of the OPTIONS routes, the group cannot have OPTIONS
// routes of its own (Gin refuses them when they are registered), and
// PreflightPassthrough has no handler to pass to: for either, install the
// middleware on the engine instead.
func Group(parent gin.IRouter, relativePath string, mw gin.HandlerFunc) *gin.RouterGroup {
	g := parent.Group(relativePath, mw)
	if !strings.HasSuffix(g.BasePath(), "/") {
		g.OPTIONS("", notFound) // the group's own path, without a slash
	}
	g.OPTIONS("/*path", notFound)
	return g
}

// notFound answers an OPTIONS request under a [Group] that the middleware
// did not answer, as Gin answers a request that matches no route.
func notFound(c *gin.Context) {
	c.Data(http.StatusNotFound, gin.MIMEPlain, []byte(default404Body))
}

// default404Body is the body of Gin's default 404 response.
const default404Body = "404 page not found"
