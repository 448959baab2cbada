package corsecho_test

import (
	"net/http"
	"testing"

	corsecho "github.com/corskit/corskit/adapters/echo"
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
				wantAnsweredPreflight(t, preflight(e, allowedOrigin, path))
				w := preflight(e, otherOrigin, path)
				if w.Code != http.StatusForbidden || w.Header().Get("Access-Control-Allow-Origin") != "" {
					t.Errorf("%s: rejected preflight: %d %v", path, w.Code, w.Header())
				}
			}
		})
	}
}

// TestActualRequestToUnroutedPath proves that Echo's own 404 and 405
// answers carry the CORS headers, so that the page can read them.
func TestActualRequestToUnroutedPath(t *testing.T) {
	e := newEcho()
	e.Use(corsecho.New(testConfig()))
	e.GET("/items", ok)
	for _, tc := range []struct {
		method, path string
		status       int
	}{{"GET", "/nowhere", 404}, {"DELETE", "/items", 405}} {
		w := serve(e, tc.method, tc.path, "Origin", allowedOrigin)
		if w.Code != tc.status {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, w.Code, tc.status)
		}
		wantActualCORS(t, w)
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
				wantAnsweredPreflight(t, preflight(e, allowedOrigin, path))
			}
			wantActualCORS(t, serve(e, "GET", "/api/items", "Origin", allowedOrigin))
			wantActualCORS(t, serve(e, "GET", "/api/nowhere", "Origin", allowedOrigin))
			if w := preflight(e, allowedOrigin, "/public"); w.Header().Get("Access-Control-Allow-Origin") != "" {
				t.Errorf("group middleware answered outside the group: %v", w.Header())
			}
		})
	}
}

// TestRouteMiddlewareMissesPreflights shows why the package documentation
// rules out route-level middleware: Echo's automatic OPTIONS handler, not
// the route's, answers a preflight to a GET route, without CORS headers.
func TestRouteMiddlewareMissesPreflights(t *testing.T) {
	e := newEcho()
	e.GET("/items", ok, corsecho.New(testConfig()))
	w := preflight(e, allowedOrigin, "/items")
	if w.Header().Get("Access-Control-Allow-Origin") != "" || w.Header().Get("Allow") == "" {
		t.Errorf("Echo changed: route middleware now sees preflights (%d %v); update the docs", w.Code, w.Header())
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
		w := preflight(e, tc.origin, "/items")
		if w.Code != tc.status || !res.Committed || res.Status != tc.status || res.Size != tc.size {
			t.Errorf("%s: recorder %d; echo.Response committed %v, status %d, size %d; want %d, %d bytes",
				tc.origin, w.Code, res.Committed, res.Status, res.Size, tc.status, tc.size)
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
	w := serve(e, "GET", "/api/items", "Origin", allowedOrigin)
	if w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("Echo changed: g.Use now covers earlier routes (%v); update the docs", w.Header())
	}
}

// TestUseAfterRoutes proves that e.Use applies to routes added before it:
// Echo builds the e.Use chain for each request.
func TestUseAfterRoutes(t *testing.T) {
	e := newEcho()
	e.GET("/items", ok)
	e.Use(corsecho.New(testConfig()))
	wantActualCORS(t, serve(e, "GET", "/items", "Origin", allowedOrigin))
	wantAnsweredPreflight(t, preflight(e, allowedOrigin, "/items"))
}
