package corsgin_test

import (
	"errors"
	"io"
	"net/http"
	"testing"

	corsgin "github.com/corskit/corskit/adapters/gin"
	"github.com/corskit/corskit/core/corstest"
	"github.com/gin-gonic/gin"
)

// ok is a route handler that writes a short body.
func ok(c *gin.Context) { c.String(http.StatusOK, "ok") }

// TestPreflightWithoutOptionsRoute: installed on the engine, the middleware
// answers preflights to a route that has only a GET handler and to a path
// that matches no route, instead of Gin's 404 or 405.
func TestPreflightWithoutOptionsRoute(t *testing.T) {
	for _, methodNotAllowed := range []bool{false, true} {
		r := gin.New()
		r.HandleMethodNotAllowed = methodNotAllowed
		r.Use(corsgin.New(testConfig()))
		r.GET("/items", ok)
		for _, path := range []string{"/items", "/no/such/path"} {
			wantPreflightAnswered(t, serve(r, "OPTIONS", path, preflight(origin, "PUT")...))
			rejected := serve(r, "OPTIONS", path, preflight(evilOrigin, "PUT")...)
			if rejected.Code != http.StatusForbidden || rejected.Body != "CORS preflight rejected: origin\n" {
				t.Errorf("HandleMethodNotAllowed=%v, rejected preflight to %s: %d %q, want the middleware's 403",
					methodNotAllowed, path, rejected.Code, rejected.Body)
			}
			wantNoCORS(t, rejected)
		}
		// Without Access-Control-Request-Method it is not a preflight:
		// Gin's own answer, with the CORS headers of an actual request.
		notPreflight := serve(r, "OPTIONS", "/items", "Origin", origin)
		if want := map[bool]int{false: 404, true: 405}[methodNotAllowed]; notPreflight.Code != want {
			t.Errorf("HandleMethodNotAllowed=%v, OPTIONS without ACRM: %d, want Gin's %d", methodNotAllowed, notPreflight.Code, want)
		}
		wantActualAllowed(t, notPreflight)
	}
}

// TestPreflightAbortsAndCompletesTheResponse: an answered preflight stops
// the chain (no later middleware, no handler), and Gin's writer reports the
// complete response to the middleware around it, as c.AbortWithStatus does.
func TestPreflightAbortsAndCompletesTheResponse(t *testing.T) {
	type seen struct {
		status, size  int
		written, next bool
	}
	var got seen
	r := gin.New()
	r.Use(func(c *gin.Context) {
		c.Next()
		got.status, got.size, got.written = c.Writer.Status(), c.Writer.Size(), c.Writer.Written()
	})
	r.Use(corsgin.New(testConfig()))
	r.Use(func(c *gin.Context) { got.next = true })
	r.OPTIONS("/with-route", ok)
	for _, path := range []string{"/with-route", "/without-route"} {
		got = seen{}
		resp := serve(r, "OPTIONS", path, preflight(origin, "PUT")...)
		wantPreflightAnswered(t, resp)
		if want := (seen{status: 204, size: 0, written: true}); got != want {
			t.Errorf("allowed preflight to %s: writer and chain %+v, want %+v", path, got, want)
		}
		got = seen{}
		resp = serve(r, "OPTIONS", path, preflight(origin, "PURGE")...)
		if want := (seen{status: 403, size: len(resp.Body), written: true}); got != want || resp.Code != 403 || resp.Body != "CORS preflight rejected: method\n" {
			t.Errorf("rejected preflight to %s: %d %q, writer and chain %+v, want %+v", path, resp.Code, resp.Body, got, want)
		}
	}
}

// TestNonPreflightOptionsReachesHandler: an OPTIONS request without
// Origin, or without Access-Control-Request-Method, is the handler's.
func TestNonPreflightOptionsReachesHandler(t *testing.T) {
	r := gin.New()
	r.Use(corsgin.New(testConfig()))
	r.OPTIONS("/items", func(c *gin.Context) {
		c.Header("Allow", "GET, OPTIONS")
		c.String(http.StatusOK, "options handler")
	})
	withOrigin := serve(r, "OPTIONS", "/items", "Origin", origin)
	withoutOrigin := serve(r, "OPTIONS", "/items", "Access-Control-Request-Method", "PUT")
	for _, resp := range []response{withOrigin, withoutOrigin} {
		if resp.Code != 200 || resp.Body != "options handler" || resp.Header.Get("Allow") != "GET, OPTIONS" {
			t.Errorf("got %d %q %v, want the OPTIONS handler's answer", resp.Code, resp.Body, resp.Header)
		}
	}
	wantActualAllowed(t, withOrigin)
	wantPreflightAnswered(t, serve(r, "OPTIONS", "/items", preflight(origin, "DELETE")...))
}

// TestHead: a HEAD request gets the CORS headers and no body, both from a
// HEAD route and from Gin's 404 (Gin does not route HEAD to GET).
func TestHead(t *testing.T) {
	r := gin.New()
	r.Use(corsgin.New(testConfig()))
	r.HEAD("/items", func(c *gin.Context) { c.Header("Content-Length", "42"); c.Status(http.StatusOK) })
	r.GET("/only-get", ok)
	srv := corstest.HTTPServer(t, r)
	head := do(t, srv, "HEAD", "/items", "Origin", origin)
	if head.Code != 200 || head.Body != "" || head.Header.Get("Content-Length") != "42" {
		t.Errorf("HEAD: %d %q %v, want 200, no body, the handler's Content-Length", head.Code, head.Body, head.Header)
	}
	wantActualAllowed(t, head)
	noRoute := do(t, srv, "HEAD", "/only-get", "Origin", origin)
	if noRoute.Code != 404 || noRoute.Body != "" {
		t.Errorf("HEAD without a route: %d %q, want Gin's 404 without a body", noRoute.Code, noRoute.Body)
	}
	wantActualAllowed(t, noRoute)
}

// TestHandlerHeadersAndVarySurvive: the middleware adds to Vary, whether an
// earlier middleware or the handler set it, and keeps the handler's fields.
func TestHandlerHeadersAndVarySurvive(t *testing.T) {
	r := gin.New()
	r.Use(func(c *gin.Context) { c.Writer.Header().Add("Vary", "Accept-Language") })
	r.Use(corsgin.New(testConfig()))
	r.GET("/items", func(c *gin.Context) {
		c.Writer.Header().Add("Vary", "Accept-Encoding")
		c.Header("Cache-Control", "private, max-age=60")
		c.Header("X-Request-Id", "42")
		c.String(http.StatusOK, "ok")
	})
	for _, o := range []string{origin, evilOrigin, ""} {
		var header []string
		if o != "" {
			header = []string{"Origin", o}
		}
		resp := serve(r, "GET", "/items", header...)
		for _, v := range []string{"Accept-Language", "Origin", "Accept-Encoding"} {
			if !hasVary(resp.Header, v) {
				t.Errorf("Origin %q: Vary %q lacks %s", o, resp.Header.Values("Vary"), v)
			}
		}
		if resp.Header.Get("Cache-Control") != "private, max-age=60" || resp.Header.Get("X-Request-Id") != "42" || resp.Body != "ok" {
			t.Errorf("Origin %q: the handler's response was changed: %v %q", o, resp.Header, resp.Body)
		}
	}
}

// TestErrorsAndPanicsKeepCORSHeaders: a handler that aborts with an error,
// or panics under gin.Recovery (before or after the CORS middleware), still
// answers with the CORS headers, so that the page can read the error.
func TestErrorsAndPanicsKeepCORSHeaders(t *testing.T) {
	recovery := gin.RecoveryWithWriter(io.Discard) // gin.Recovery, without the stack trace on stderr
	mw := corsgin.New(testConfig())
	orders := map[string][]gin.HandlerFunc{"recovery first": {recovery, mw}, "CORS first": {mw, recovery}}
	for name, chain := range orders {
		r := gin.New()
		r.Use(chain...)
		r.GET("/panic", func(*gin.Context) { panic("boom") })
		r.GET("/error", func(c *gin.Context) { c.AbortWithError(http.StatusBadGateway, errors.New("upstream")) })
		r.GET("/json-error", func(c *gin.Context) { c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "login"}) })
		for path, code := range map[string]int{"/panic": 500, "/error": 502, "/json-error": 401} {
			resp := serve(r, "GET", path, "Origin", origin)
			if resp.Code != code {
				t.Errorf("%s, %s: status %d, want %d", name, path, resp.Code, code)
			}
			wantActualAllowed(t, resp)
		}
	}
}

// TestRedirectsRunBeforeMiddleware documents what the README says of Gin's
// RedirectTrailingSlash: the redirect is answered before any middleware
// runs, so it carries no CORS headers.
func TestRedirectsRunBeforeMiddleware(t *testing.T) {
	r := gin.New()
	r.Use(corsgin.New(testConfig()))
	r.GET("/items", ok)
	resp := serve(r, "GET", "/items/", "Origin", origin)
	if resp.Code != http.StatusMovedPermanently {
		t.Fatalf("GET /items/: %d, want Gin's 301 to /items", resp.Code)
	}
	wantNoCORS(t, resp)
	wantActualAllowed(t, serve(r, "GET", "/items", "Origin", origin))
}

// TestUseAfterRoutes documents why the README says to call r.Use before
// registering routes: Gin gives a route the middleware installed when the
// route is registered, so a route registered earlier lacks the CORS headers
// (while preflights, answered for unmatched OPTIONS requests, still work).
func TestUseAfterRoutes(t *testing.T) {
	r := gin.New()
	r.GET("/early", ok)
	r.Use(corsgin.New(testConfig()))
	r.GET("/late", ok)
	wantNoCORS(t, serve(r, "GET", "/early", "Origin", origin))
	wantActualAllowed(t, serve(r, "GET", "/late", "Origin", origin))
	wantPreflightAnswered(t, serve(r, "OPTIONS", "/early", preflight(origin, "PUT")...))
}
