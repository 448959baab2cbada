package corsgin_test

import (
	"net/http"
	"testing"

	corsgin "github.com/corskit/corskit/adapters/gin"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
	"github.com/gin-gonic/gin"
)

// TestConformance runs the shared conformance suite, with its run-time
// policy updates under concurrent requests, through a real Gin engine,
// over TCP, with the middleware installed with r.Use.
func TestConformance(t *testing.T) {
	corstest.Run(t, newServer)
}

// TestServerSentEventsFlush: a streamed response carries the CORS headers
// and each event reaches the client when the handler flushes it.
func TestServerSentEventsFlush(t *testing.T) {
	corstest.RunStreaming(t, newServer)
}

// newServer serves app behind the middleware applying p, over TCP.
func newServer(t *testing.T, p *cors.Policy, app http.Handler) corstest.Server {
	return corstest.HTTPServer(t, appEngine(corsgin.FromPolicy(p), app))
}

// appEngine returns an engine that runs mw and then app for every method
// and path: r.Any covers Gin's nine standard methods, and NoRoute every
// other one (a custom method such as PURGE has no route tree).
func appEngine(mw gin.HandlerFunc, app http.Handler) *gin.Engine {
	r := gin.New()
	r.Use(mw)
	r.Any("/*path", gin.WrapH(app))
	r.NoRoute(func(c *gin.Context) {
		// Gin presets 404 for NoRoute handlers; the app expects a route's 200.
		c.Status(http.StatusOK)
		app.ServeHTTP(c.Writer, c.Request)
	})
	return r
}
