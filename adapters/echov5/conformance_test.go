package corsecho_test

import (
	"net/http"
	"testing"

	"github.com/labstack/echo/v5"

	corsecho "github.com/corskit/corskit/adapters/echov5"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// TestConformance runs the shared conformance suite, with its run-time
// policy updates under concurrent requests, through a real Echo v5
// instance served over TCP, with the middleware installed by e.Use. e.Any
// routes every method, custom ones (PURGE) included, to the application.
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
	e := newEcho()
	e.Use(corsecho.FromPolicy(p))
	e.Any("/*", echo.WrapHandler(app))
	return corstest.HTTPServer(t, e)
}
