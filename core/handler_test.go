package cors_test

import (
	"net/http"
	"testing"

	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// TestConformance runs the shared conformance suite against the core's own
// net/http middleware.
func TestConformance(t *testing.T) {
	corstest.Run(t, func(t *testing.T, p *cors.Policy, app http.Handler) corstest.Server {
		return corstest.HTTPServer(t, p.Handler(app))
	})
}
