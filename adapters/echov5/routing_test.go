package corsecho_test

import (
	"net/http"
	"testing"

	"github.com/labstack/echo/v5"

	corsecho "github.com/corskit/corskit/adapters/echov5"
	"github.com/corskit/corskit/core/corstest"
)

// TestPreflightWithoutOPTIONSRoute proves that with e.Use (and with e.Pre)
// the middleware answers preflights to a route that has only a GET handler
// and to an unknown path, instead of Echo's automatic OPTIONS answer or
// its 404, and that Echo's own 404 and 405 answers to actual requests
// carry the CORS headers.
func TestPreflightWithoutOPTIONSRoute(t *testing.T) {
	installs := map[string]func(*echo.Echo, echo.MiddlewareFunc){
		"e.Use": func(e *echo.Echo, m echo.MiddlewareFunc) { e.Use(m) },
		"e.Pre": func(e *echo.Echo, m echo.MiddlewareFunc) { e.Pre(m) },
	}
	for name, install := range installs {
		t.Run(name, func(t *testing.T) {
			e := newEcho()
			install(e, corsecho.New(testConfig()))
			e.GET("/items", ok)
			e.GET("/items/:id", ok)
			for _, path := range []string{"/items", "/items/7", "/nowhere", "/"} {
				wantAnsweredPreflight(t, preflight(t, e, allowedOrigin, path))
				corstest.WantRejectedPreflight(t, preflight(t, e, otherOrigin, path))
			}
			corstest.WantAllowedActual(t, serve(t, e, "GET", "/nowhere", "Origin", allowedOrigin), http.StatusNotFound)
			corstest.WantAllowedActual(t, serve(t, e, "DELETE", "/items", "Origin", allowedOrigin), http.StatusMethodNotAllowed)
		})
	}
}

// TestGroup proves that e.Group(prefix, m), and g.Use before the group's
// routes, cover every path under the group's prefix, with or without a
// handler for the path or the method, and nothing outside it; and that
// g.Use after the routes does not cover them, as the documentation says:
// Echo applies group middleware when a route is added.
func TestGroup(t *testing.T) {
	builds := map[string]func(*echo.Echo) *echo.Group{
		"g.Use": func(e *echo.Echo) *echo.Group {
			g := e.Group("/api")
			g.Use(corsecho.New(testConfig()))
			return g
		},
		"e.Group": func(e *echo.Echo) *echo.Group {
			return e.Group("/api", corsecho.New(testConfig()))
		},
	}
	for name, build := range builds {
		t.Run(name, func(t *testing.T) {
			e := newEcho()
			g := build(e)
			g.GET("/items", ok)
			g.GET("/items/:id", ok)
			e.GET("/public", ok)
			for _, path := range []string{"/api", "/api/", "/api/items", "/api/items/7", "/api/nowhere/deep"} {
				wantAnsweredPreflight(t, preflight(t, e, allowedOrigin, path))
			}
			corstest.WantAllowedActual(t, serve(t, e, "GET", "/api/items", "Origin", allowedOrigin), http.StatusOK)
			corstest.WantAllowedActual(t, serve(t, e, "GET", "/api/nowhere", "Origin", allowedOrigin), http.StatusNotFound)
			corstest.WantNoCORS(t, preflight(t, e, allowedOrigin, "/public")) // outside the group
		})
	}

	e := newEcho()
	g := e.Group("/api")
	g.GET("/items", ok)
	g.Use(corsecho.New(testConfig()))
	if r := serve(t, e, "GET", "/api/items", "Origin", allowedOrigin); len(r.CORSHeaders()) != 0 {
		t.Errorf("Echo changed: g.Use now covers earlier routes (%v); update the docs", r.Header)
	}
}

// TestRouteMiddlewareMissesPreflights shows why the package documentation
// rules out route-level middleware: Echo's automatic OPTIONS handler, not
// the route's, answers a preflight to a GET route, without CORS headers.
// e.Use (TestPreflightWithoutOPTIONSRoute) or a group (TestGroup) answers
// it.
func TestRouteMiddlewareMissesPreflights(t *testing.T) {
	e := newEcho()
	e.GET("/items", ok, corsecho.New(testConfig()))
	r := preflight(t, e, allowedOrigin, "/items")
	if len(r.CORSHeaders()) != 0 || r.Header.Get("Allow") == "" {
		t.Errorf("Echo changed: route middleware now sees preflights (%d %v); update the docs", r.Status, r.Header)
	}
}

// TestUseAfterRoutes proves that e.Use applies to routes added before it.
func TestUseAfterRoutes(t *testing.T) {
	e := newEcho()
	e.GET("/items", ok)
	e.Use(corsecho.New(testConfig()))
	corstest.WantAllowedActual(t, serve(t, e, "GET", "/items", "Origin", allowedOrigin), http.StatusOK)
	wantAnsweredPreflight(t, preflight(t, e, allowedOrigin, "/items"))
}

// TestResponseBookkeeping proves that Echo's Response records what the
// middleware wrote for an answered preflight, so that outer middleware
// (loggers, metrics) see the real status and size, and that Echo's error
// handler is not called.
func TestResponseBookkeeping(t *testing.T) {
	for _, tc := range []struct {
		origin string
		status int
		size   int64
	}{
		{allowedOrigin, 204, 0},
		{otherOrigin, 403, int64(len("CORS preflight rejected: origin\n"))},
	} {
		e := newEcho()
		var res echo.Response
		e.HTTPErrorHandler = func(c *echo.Context, err error) { t.Errorf("error handler called: %v", err) }
		e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
			return func(c *echo.Context) error {
				err := next(c)
				if r, uerr := echo.UnwrapResponse(c.Response()); uerr == nil {
					res = *r
				}
				return err
			}
		})
		e.Use(corsecho.New(testConfig()))
		e.GET("/items", ok)
		r := preflight(t, e, tc.origin, "/items")
		if r.Status != tc.status || !res.Committed || res.Status != tc.status || res.Size != tc.size {
			t.Errorf("%s: recorder %d; echo.Response committed %v, status %d, size %d; want %d, %d bytes",
				tc.origin, r.Status, res.Committed, res.Status, res.Size, tc.status, tc.size)
		}
	}
}
