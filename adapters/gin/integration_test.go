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

// newEngine returns an engine running mw (if any) and then the CORS
// middleware for every request, with a GET route /items.
func newEngine(mw ...gin.HandlerFunc) *gin.Engine {
	r := gin.New()
	r.Use(append(mw, corsgin.New(corstest.CredentialedConfig()))...)
	r.GET("/items", ok)
	return r
}

// TestPreflightWithoutOptionsRoute: installed on the engine, the middleware
// answers preflights to a route that has only a GET handler and to a path
// that matches no route, instead of Gin's 404 or 405. An OPTIONS request
// without Access-Control-Request-Method is not a preflight: it gets Gin's
// own answer, with the CORS headers of an actual request.
func TestPreflightWithoutOptionsRoute(t *testing.T) {
	for _, methodNotAllowed := range []bool{false, true} {
		r := newEngine()
		r.HandleMethodNotAllowed = methodNotAllowed
		for _, path := range []string{"/items", "/no/such/path"} {
			corstest.WantAnsweredPreflight(t, corstest.ServePreflight(t, r, corstest.AllowedOrigin, path, "PUT"))
			corstest.WantRejectedPreflight(t, corstest.ServePreflight(t, r, corstest.DisallowedOrigin, path, "PUT"))
		}
		corstest.WantAllowedActual(t, corstest.Serve(t, r, "OPTIONS", "/items", "Origin", corstest.AllowedOrigin), map[bool]int{false: 404, true: 405}[methodNotAllowed])
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
	r := newEngine(func(c *gin.Context) {
		c.Next()
		got.status, got.size, got.written = c.Writer.Status(), c.Writer.Size(), c.Writer.Written()
	})
	r.Use(func(c *gin.Context) { got.next = true })
	r.OPTIONS("/with-route", ok)
	answers := map[string]func(testing.TB, corstest.Response){
		corstest.AllowedOrigin:    corstest.WantAnsweredPreflight,
		corstest.DisallowedOrigin: corstest.WantRejectedPreflight,
	}
	for _, path := range []string{"/with-route", "/without-route"} {
		for o, wantAnswer := range answers {
			got = seen{}
			resp := corstest.ServePreflight(t, r, o, path, "PUT")
			wantAnswer(t, resp)
			if want := (seen{status: resp.Status, size: len(resp.Body), written: true}); got != want {
				t.Errorf("preflight from %s to %s: writer and chain %+v, want %+v", o, path, got, want)
			}
		}
	}
}

// TestNonPreflightOptionsReachesHandler: an OPTIONS request without
// Origin, or without Access-Control-Request-Method, is the handler's.
func TestNonPreflightOptionsReachesHandler(t *testing.T) {
	r := newEngine()
	r.OPTIONS("/items", func(c *gin.Context) {
		c.Header("Allow", "GET, OPTIONS")
		c.String(http.StatusOK, "options handler")
	})
	withOrigin := corstest.Serve(t, r, "OPTIONS", "/items", "Origin", corstest.AllowedOrigin)
	withoutOrigin := corstest.Serve(t, r, "OPTIONS", "/items", "Access-Control-Request-Method", "PUT")
	for _, resp := range []corstest.Response{withOrigin, withoutOrigin} {
		if resp.Status != 200 || resp.Body != "options handler" || resp.Header.Get("Allow") != "GET, OPTIONS" {
			t.Errorf("got %d %q %v, want the OPTIONS handler's answer", resp.Status, resp.Body, resp.Header)
		}
	}
	corstest.WantAllowedActual(t, withOrigin, http.StatusOK)
	corstest.WantNoCORS(t, withoutOrigin)
	corstest.WantAnsweredPreflight(t, corstest.ServePreflight(t, r, corstest.AllowedOrigin, "/items", "DELETE"))
}

// TestHead: a HEAD request gets the CORS headers and no body, both from a
// HEAD route and from Gin's 404 (Gin does not route HEAD to GET).
func TestHead(t *testing.T) {
	r := newEngine()
	r.HEAD("/head", func(c *gin.Context) { c.Header("Content-Length", "42"); c.Status(http.StatusOK) })
	srv := corstest.HTTPServer(t, r)
	for path, status := range map[string]int{"/head": 200, "/items": 404} {
		resp := corstest.MustSend(t, srv, "HEAD", path, "Origin", corstest.AllowedOrigin)
		if resp.Body != "" || (status == 200 && resp.Header.Get("Content-Length") != "42") {
			t.Errorf("HEAD %s: %q %v, want no body, the handler's Content-Length", path, resp.Body, resp.Header)
		}
		corstest.WantAllowedActual(t, resp, status)
	}
}

// TestHandlerHeadersAndVarySurvive: the middleware adds to Vary, whether an
// earlier middleware or the handler set it, and keeps the handler's fields.
func TestHandlerHeadersAndVarySurvive(t *testing.T) {
	r := newEngine(func(c *gin.Context) { c.Writer.Header().Add("Vary", "Accept-Language") })
	r.GET("/cached", func(c *gin.Context) {
		c.Writer.Header().Add("Vary", "Accept-Encoding")
		c.Header("Cache-Control", "private, max-age=60")
		c.Header("X-Request-Id", "42")
		c.String(http.StatusOK, "ok")
	})
	for _, header := range [][]string{{"Origin", corstest.AllowedOrigin}, {"Origin", corstest.DisallowedOrigin}, nil} {
		resp := corstest.Serve(t, r, "GET", "/cached", header...)
		for _, v := range []string{"Accept-Language", "Origin", "Accept-Encoding"} {
			if !resp.VaryHas(v) {
				t.Errorf("%v: Vary %q lacks %s", header, resp.Header.Values("Vary"), v)
			}
		}
		if resp.Header.Get("Cache-Control") != "private, max-age=60" || resp.Header.Get("X-Request-Id") != "42" || resp.Body != "ok" {
			t.Errorf("%v: the handler's response was changed: %v %q", header, resp.Header, resp.Body)
		}
	}
}

// TestErrorsAndPanicsKeepCORSHeaders: a handler that aborts with an error,
// or panics under gin.Recovery (before or after the CORS middleware), still
// answers with the CORS headers, so that the page can read the error.
func TestErrorsAndPanicsKeepCORSHeaders(t *testing.T) {
	recovery := gin.RecoveryWithWriter(io.Discard) // gin.Recovery, without the stack trace on stderr
	corsFirst := newEngine()
	corsFirst.Use(recovery)
	for name, r := range map[string]*gin.Engine{"recovery first": newEngine(recovery), "CORS first": corsFirst} {
		r.GET("/panic", func(*gin.Context) { panic("boom") })
		r.GET("/error", func(c *gin.Context) { c.AbortWithError(http.StatusBadGateway, errors.New("upstream")) })
		r.GET("/json-error", func(c *gin.Context) { c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "login"}) })
		for path, code := range map[string]int{"/panic": 500, "/error": 502, "/json-error": 401} {
			t.Run(name+" "+path, func(t *testing.T) {
				corstest.WantAllowedActual(t, corstest.Serve(t, r, "GET", path, "Origin", corstest.AllowedOrigin), code)
			})
		}
	}
}

// TestWhereTheMiddlewareDoesNotRun documents what the README says: Gin
// answers RedirectTrailingSlash before any middleware runs, and gives a
// route the middleware installed when the route is registered, so a
// redirect and a route registered before r.Use lack the CORS headers (while
// preflights, answered for unmatched OPTIONS requests, still work).
func TestWhereTheMiddlewareDoesNotRun(t *testing.T) {
	r := gin.New()
	r.GET("/early", ok)
	r.Use(corsgin.New(corstest.CredentialedConfig()))
	r.GET("/late", ok)
	redirect := corstest.Serve(t, r, "GET", "/late/", "Origin", corstest.AllowedOrigin)
	if redirect.Status != http.StatusMovedPermanently {
		t.Errorf("GET /late/: %d, want Gin's 301 to /late", redirect.Status)
	}
	corstest.WantNoCORS(t, redirect)
	corstest.WantNoCORS(t, corstest.Serve(t, r, "GET", "/early", "Origin", corstest.AllowedOrigin))
	corstest.WantAllowedActual(t, corstest.Serve(t, r, "GET", "/late", "Origin", corstest.AllowedOrigin), http.StatusOK)
	corstest.WantAnsweredPreflight(t, corstest.ServePreflight(t, r, corstest.AllowedOrigin, "/early", "PUT"))
}
