package cors_test

import (
	"net/http"
	"testing"

	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// TestConformance runs the shared conformance suite against the core's own
// net/http middleware, and against ServeCORS as an adapter calls it: the two
// are written out separately (see Policy.Handler), so both are held to the
// contract.
func TestConformance(t *testing.T) {
	t.Run("Handler", func(t *testing.T) {
		corstest.Run(t, func(t *testing.T, p *cors.Policy, app http.Handler) corstest.Server {
			return corstest.HTTPServer(t, p.Handler(app))
		})
	})
	t.Run("ServeCORS", func(t *testing.T) {
		corstest.Run(t, func(t *testing.T, p *cors.Policy, app http.Handler) corstest.Server {
			return corstest.HTTPServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if p.ServeCORS(w, r) {
					return
				}
				app.ServeHTTP(w, r)
			}))
		})
	})
}
