package corsecho_test

import (
	"net/http"
	"testing"

	corsecho "github.com/corskit/corskit/adapters/echo"
	"github.com/corskit/corskit/core/corstest"
	"github.com/labstack/echo/v4"
)

// TestPreflightWithoutOPTIONSRoute proves that with e.Use (and with e.Pre)
// the middleware answers preflights to a route that has only a GET handler
// and to an unknown path, instead of Echo's automatic OPTIONS answer or
// its 404.
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
		})
	}
}

// TestActualRequestToUnroutedPath proves that Echo's own 404 and 405
// answers carry the CORS headers, so that the page can read them.
func TestActualRequestToUnroutedPath(t *testing.T) {
	e := newCORSEcho()
	e.GET("/items", ok)
	for _, tc := range []struct {
		method, path string
		status       int
	}{{"GET", "/nowhere", 404}, {"DELETE", "/items", 405}} {
		corstest.WantAllowedActual(t, serve(t, e, tc.method, tc.path, "Origin", allowedOrigin), tc.status)
	}
}

// TestGroup proves that g.Use covers every path under the group's prefix,
// with or without a handler for the path or the method, and nothing
// outside it; e.Group(prefix, m) is the same.
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
}

// TestRouteMiddlewareMissesPreflights shows why the package documentation
// rules out route-level middleware: Echo's automatic OPTIONS handler, not
// the route's, answers a preflight to a GET route, without CORS headers.
func TestRouteMiddlewareMissesPreflights(t *testing.T) {
	e := newEcho()
	e.GET("/items", ok, corsecho.New(testConfig()))
	r := preflight(t, e, allowedOrigin, "/items")
	if len(r.CORSHeaders()) != 0 || r.Header.Get("Allow") == "" {
		t.Errorf("Echo changed: route middleware now sees preflights (%d %v); update the docs", r.Status, r.Header)
	}
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
		e.HTTPErrorHandler = func(err error, c echo.Context) { t.Errorf("error handler called: %v", err) }
		e.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
			return func(c echo.Context) error {
				err := next(c)
				res = *c.Response()
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

// TestGroupUseAfterRoutes shows why the documentation says to pass the
// middleware to e.Group (or call g.Use before adding routes): Echo applies
// group middleware when a route is added, so routes added before g.Use
// answer actual requests without CORS headers.
func TestGroupUseAfterRoutes(t *testing.T) {
	e := newEcho()
	g := e.Group("/api")
	g.GET("/items", ok)
	g.Use(corsecho.New(testConfig()))
	if r := serve(t, e, "GET", "/api/items", "Origin", allowedOrigin); len(r.CORSHeaders()) != 0 {
		t.Errorf("Echo changed: g.Use now covers earlier routes (%v); update the docs", r.Header)
	}
}

// TestUseAfterRoutes proves that e.Use applies to routes added before it:
// Echo builds the e.Use chain for each request.
func TestUseAfterRoutes(t *testing.T) {
	e := newEcho()
	e.GET("/items", ok)
	e.Use(corsecho.New(testConfig()))
	corstest.WantAllowedActual(t, serve(t, e, "GET", "/items", "Origin", allowedOrigin), http.StatusOK)
	wantAnsweredPreflight(t, preflight(t, e, allowedOrigin, "/items"))
}
