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
	corstest.Run(t, func(t *testing.T, p *cors.Policy, app http.Handler) corstest.Server {
		e := echo.New()
		e.Use(corsecho.FromPolicy(p))
		mountEverywhere(e, echo.WrapHandler(app))
		return corstest.HTTPServer(t, e)
	})
}

// mountEverywhere routes every method and every path to h: e.Any covers
// Echo's eleven known methods, and the catch-all RouteNotFound route takes
// every other method (such as PURGE), which Echo would otherwise answer
// with 405 without calling h.
func mountEverywhere(e *echo.Echo, h echo.HandlerFunc) {
	e.Any("/*", h)
	e.RouteNotFound("/*", h)
}

// TestMountEverywhere proves that the conformance server's routing hands
// every method, including ones Echo does not know, and every path to the
// application.
func TestMountEverywhere(t *testing.T) {
	e := newEcho()
	mountEverywhere(e, func(c echo.Context) error {
		return c.String(http.StatusOK, c.Request().Method+" "+c.Request().URL.Path)
	})
	for _, method := range []string{"GET", "OPTIONS", "PURGE", "HEAD", "TRACE", "PROPFIND"} {
		for _, path := range []string{"/", "/resource", "/a/b/c"} {
			r := serve(t, e, method, path)
			if want := method + " " + path; r.Status != 200 || (method != "HEAD" && r.Body != want) {
				t.Errorf("%s %s: %d %q, want the application", method, path, r.Status, r.Body)
			}
		}
	}
}
