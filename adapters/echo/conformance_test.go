package corsecho_test

import (
	"net/http"
	"testing"

	corsecho "github.com/corskit/corskit/adapters/echo"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
	"github.com/labstack/echo/v4"
)

// TestConformance runs the shared conformance suite, with its run-time
// policy updates under concurrent requests, through a real Echo instance
// served over TCP, with the middleware installed by e.Use.
func TestConformance(t *testing.T) {
	corstest.Run(t, newServer)
}

// TestServerSentEvents: a streamed response carries the CORS headers and
// each event reaches the client when the handler flushes it.
func TestServerSentEvents(t *testing.T) {
	corstest.RunStreaming(t, newServer)
}

// newServer serves app behind the middleware applying p, over TCP.
func newServer(t *testing.T, p *cors.Policy, app http.Handler) corstest.Server {
	e := echo.New()
	e.Use(corsecho.FromPolicy(p))
	mountEverywhere(e, echo.WrapHandler(app))
	return corstest.HTTPServer(t, e)
}

// mountEverywhere routes every method and every path to h: e.Any covers
// Echo's eleven known methods, and the catch-all RouteNotFound route takes
// every other method (such as PURGE), which Echo would otherwise answer
// with 405 without calling h.
func mountEverywhere(e *echo.Echo, h echo.HandlerFunc) {
	e.Any("/*", h)
	e.RouteNotFound("/*", h)
}
