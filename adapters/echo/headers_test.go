package corsecho_test

import (
	"net/http"
	"testing"

	"github.com/corskit/corskit/core/corstest"
	"github.com/labstack/echo/v4"
)

// TestHandlerHeadersSurvive proves that the handler's own headers, its Vary
// names and its changes to the CORS headers reach the client alongside the
// middleware's.
func TestHandlerHeadersSurvive(t *testing.T) {
	e := newCORSEcho()
	e.GET("/items", func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("X-Request-Id", "42")
		h.Add("Vary", "Accept-Encoding")
		h.Set("Cache-Control", "private")
		return c.String(http.StatusOK, "items")
	})
	e.GET("/override", func(c echo.Context) error {
		c.Response().Header().Del("Access-Control-Expose-Headers")
		return c.NoContent(http.StatusOK)
	})

	r := serve(t, e, "GET", "/items", "Origin", allowedOrigin)
	corstest.WantAllowedActual(t, r, http.StatusOK)
	if r.Header.Get("X-Request-Id") != "42" || r.Header.Get("Cache-Control") != "private" ||
		!r.VaryHas("Accept-Encoding") || r.Body != "items" {
		t.Errorf("handler's headers lost: %v %q", r.Header, r.Body)
	}

	r = serve(t, e, "GET", "/override", "Origin", allowedOrigin)
	if _, ok := r.Header["Access-Control-Expose-Headers"]; ok {
		t.Errorf("handler could not remove a CORS header: %v", r.Header)
	}
}
