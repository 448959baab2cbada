package corsecho_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	corsecho "github.com/corskit/corskit/adapters/echo"
	"github.com/corskit/corskit/core/corstest"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// TestErrorResponsesCarryCORS proves that responses written by Echo's
// HTTPErrorHandler, for a returned *echo.HTTPError, a returned plain error,
// and a panic recovered by middleware.Recover (installed before or after
// the CORS middleware), carry the CORS headers.
func TestErrorResponsesCarryCORS(t *testing.T) {
	handlers := map[string]struct {
		h      echo.HandlerFunc
		status int
	}{
		"HTTPError":   {func(echo.Context) error { return echo.NewHTTPError(http.StatusTeapot, "short and stout") }, 418},
		"plain error": {func(echo.Context) error { return errors.New("boom") }, 500},
		"panic":       {func(echo.Context) error { panic("boom") }, 500},
	}
	orders := map[string]func(*echo.Echo, echo.MiddlewareFunc){
		"recover first": func(e *echo.Echo, m echo.MiddlewareFunc) { e.Use(middleware.Recover(), m) },
		"recover last":  func(e *echo.Echo, m echo.MiddlewareFunc) { e.Use(m, middleware.Recover()) },
	}
	for hname, tc := range handlers {
		for oname, install := range orders {
			t.Run(hname+"/"+oname, func(t *testing.T) {
				e := newEcho()
				install(e, corsecho.New(testConfig()))
				e.GET("/fail", tc.h)
				r := serve(t, e, "GET", "/fail", "Origin", allowedOrigin)
				if ct := r.Header.Get("Content-Type"); !strings.Contains(ct, "json") {
					t.Errorf("Content-Type %q, want the error handler's JSON", ct)
				}
				corstest.WantAllowedActual(t, r, tc.status)
			})
		}
	}
}

// TestCustomErrorHandlerKeepsCORS proves that a custom HTTPErrorHandler
// that writes its own response keeps the CORS headers the middleware set.
func TestCustomErrorHandlerKeepsCORS(t *testing.T) {
	e := newEcho()
	e.HTTPErrorHandler = func(err error, c echo.Context) {
		_ = c.String(http.StatusBadGateway, err.Error())
	}
	e.Use(corsecho.New(testConfig()))
	e.GET("/fail", func(echo.Context) error { return errors.New("upstream down") })
	corstest.WantAllowedActual(t, serve(t, e, "GET", "/fail", "Origin", allowedOrigin), http.StatusBadGateway)
}
