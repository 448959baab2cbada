package corsecho_test

import (
	"net/http"
	"testing"

	"github.com/corskit/corskit/core/corstest"
	"github.com/labstack/echo/v4"
)

// TestOPTIONSWithoutACRMReachesHandler proves that an OPTIONS request that
// is not a preflight (no Access-Control-Request-Method) reaches the route's
// OPTIONS handler, with the actual-request CORS headers when it has an
// allowed Origin; and that on a route without an OPTIONS handler Echo's
// own OPTIONS answer (204 with Allow) gets them too.
func TestOPTIONSWithoutACRMReachesHandler(t *testing.T) {
	e := newCORSEcho()
	e.OPTIONS("/opts", func(c echo.Context) error {
		c.Response().Header().Set("X-Handler", "ran")
		return c.String(http.StatusOK, "options body")
	})
	e.GET("/items", ok)

	r := serve(t, e, "OPTIONS", "/opts", "Origin", allowedOrigin)
	if r.Header.Get("X-Handler") != "ran" || r.Body != "options body" {
		t.Errorf("OPTIONS with Origin: %d %v %q", r.Status, r.Header, r.Body)
	}
	corstest.WantAllowedActual(t, r, http.StatusOK)

	r = serve(t, e, "OPTIONS", "/opts")
	if r.Status != 200 || r.Header.Get("X-Handler") != "ran" || len(r.CORSHeaders()) != 0 {
		t.Errorf("OPTIONS without Origin: %d %v", r.Status, r.Header)
	}

	r = serve(t, e, "OPTIONS", "/items", "Origin", allowedOrigin)
	if r.Header.Get("Allow") == "" {
		t.Errorf("OPTIONS to a GET route: %d %v, want Echo's 204 with Allow", r.Status, r.Header)
	}
	corstest.WantAllowedActual(t, r, http.StatusNoContent)
}

// TestHEAD proves that a HEAD request to a route registered for HEAD runs
// its handler and gets the CORS headers and no body over a real
// connection, and that Echo's 405 for a GET-only route carries them too.
func TestHEAD(t *testing.T) {
	e := newCORSEcho()
	e.Match([]string{"GET", "HEAD"}, "/items", ok)
	e.GET("/get-only", ok)

	r := corstest.MustSend(t, corstest.HTTPServer(t, e), "HEAD", "/items", "Origin", allowedOrigin)
	if r.Header.Get("X-Handler") != "ran" || r.Body != "" {
		t.Errorf("HEAD: %d %v %q", r.Status, r.Header, r.Body)
	}
	corstest.WantAllowedActual(t, r, http.StatusOK)
	corstest.WantAllowedActual(t, serve(t, e, "HEAD", "/get-only", "Origin", allowedOrigin), http.StatusMethodNotAllowed)
}
