package corschi_test

import (
	"net/http"
	"testing"

	corschi "github.com/corskit/corskit/adapters/chi"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
	"github.com/go-chi/chi/v5"
)

// TestConformance runs the shared conformance suite, with its run-time
// policy updates under concurrent requests, through a real chi router,
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
	return corstest.HTTPServer(t, appRouter(corschi.FromPolicy(p), app))
}

// appRouter returns a router that runs mw and then app for every method
// and path: "/*" with Handle covers chi's standard methods, and the
// method-not-allowed handler every method chi does not know (a custom
// method such as PURGE), for which chi looks for no route.
func appRouter(mw func(http.Handler) http.Handler, app http.Handler) *chi.Mux {
	r := chi.NewRouter()
	r.Use(mw)
	r.Handle("/*", app)
	r.NotFound(app.ServeHTTP)
	r.MethodNotAllowed(app.ServeHTTP)
	return r
}
