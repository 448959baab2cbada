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
	corstest.Run(t, func(t *testing.T, cfg cors.Config, app http.Handler) corstest.Server {
		p, err := cors.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return corstest.HTTPServer(t, p.Handler(app))
	})
}
