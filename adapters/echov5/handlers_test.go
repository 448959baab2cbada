package corsecho_test

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	corsecho "github.com/corskit/corskit/adapters/echov5"
	"github.com/corskit/corskit/core/corstest"
)

// TestErrorResponsesCarryCORS proves that responses written by Echo's
// HTTPErrorHandler, the default one or a custom one reading router errors
// with echo.StatusCode, for a returned *echo.HTTPError, a returned plain
// error, a panic recovered by middleware.Recover (installed before or
// after the CORS middleware) and an unknown path, carry the CORS headers.
func TestErrorResponsesCarryCORS(t *testing.T) {
	custom := func(c *echo.Context, err error) {
		code := echo.StatusCode(err)
		if code == 0 {
			code = http.StatusBadGateway
		}
		_ = c.String(code, err.Error())
	}
	for _, handler := range []echo.HTTPErrorHandler{nil, custom} {
		for _, recoverFirst := range []bool{true, false} {
			e := newEcho()
			m := []echo.MiddlewareFunc{corsecho.New(testConfig()), middleware.Recover()}
			if recoverFirst {
				m[0], m[1] = m[1], m[0]
			}
			e.Use(m...)
			if handler != nil {
				e.HTTPErrorHandler = handler
			}
			e.GET("/teapot", func(*echo.Context) error { return echo.NewHTTPError(http.StatusTeapot, "short and stout") })
			e.GET("/error", func(*echo.Context) error { return errors.New("boom") })
			e.GET("/panic", func(*echo.Context) error { panic("boom") })
			plain := 500
			if handler != nil {
				plain = 502
			}
			for path, status := range map[string]int{"/teapot": 418, "/error": plain, "/panic": plain, "/nowhere": 404} {
				r := serve(t, e, "GET", path, "Origin", allowedOrigin)
				if ct := r.Header.Get("Content-Type"); handler == nil && !strings.Contains(ct, "json") {
					t.Errorf("%s: Content-Type %q, want the default error handler's JSON", path, ct)
				}
				corstest.WantAllowedActual(t, r, status)
			}
		}
	}
}

// TestOPTIONSWithoutACRMReachesHandler proves that an OPTIONS request that
// is not a preflight (no Access-Control-Request-Method) reaches the route's
// OPTIONS handler, with the actual-request CORS headers when it has an
// allowed Origin; and that on a route without an OPTIONS handler Echo's
// own OPTIONS answer (204 with Allow) gets them too.
func TestOPTIONSWithoutACRMReachesHandler(t *testing.T) {
	e := newCORSEcho()
	e.OPTIONS("/opts", func(c *echo.Context) error {
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

// TestHEAD proves that a HEAD request runs the GET handler when Echo's
// router has AutoHandleHEAD on, and a HEAD route's handler otherwise, with the
// CORS headers and no body over a real connection, and that Echo's 405
// for a GET-only route without AutoHandleHEAD carries them too.
func TestHEAD(t *testing.T) {
	auto := echo.NewWithConfig(echo.Config{Router: echo.NewRouter(echo.RouterConfig{AutoHandleHEAD: true})})
	auto.Use(corsecho.New(testConfig()))
	auto.GET("/items", ok)
	e := newCORSEcho()
	e.Match([]string{"GET", "HEAD"}, "/items", ok)
	e.GET("/get-only", ok)
	for _, h := range []http.Handler{auto, e} {
		r := corstest.MustSend(t, corstest.HTTPServer(t, h), "HEAD", "/items", "Origin", allowedOrigin)
		if r.Header.Get("X-Handler") != "ran" || r.Body != "" {
			t.Errorf("HEAD: %d %v %q", r.Status, r.Header, r.Body)
		}
		corstest.WantAllowedActual(t, r, http.StatusOK)
	}
	corstest.WantAllowedActual(t, serve(t, e, "HEAD", "/get-only", "Origin", allowedOrigin), http.StatusMethodNotAllowed)
}

// TestHandlerHeadersSurvive proves that the handler's own headers, its Vary
// names and its changes to the CORS headers reach the client alongside the
// middleware's.
func TestHandlerHeadersSurvive(t *testing.T) {
	e := newCORSEcho()
	e.GET("/items", func(c *echo.Context) error {
		h := c.Response().Header()
		h.Set("X-Request-Id", "42")
		h.Add("Vary", "Accept-Encoding")
		return c.String(http.StatusOK, "items")
	})
	e.GET("/override", func(c *echo.Context) error {
		c.Response().Header().Del("Access-Control-Expose-Headers")
		return c.NoContent(http.StatusOK)
	})

	r := serve(t, e, "GET", "/items", "Origin", allowedOrigin)
	corstest.WantAllowedActual(t, r, http.StatusOK)
	if r.Header.Get("X-Request-Id") != "42" || !r.VaryHas("Accept-Encoding") || r.Body != "items" {
		t.Errorf("handler's headers lost: %v %q", r.Header, r.Body)
	}
	r = serve(t, e, "GET", "/override", "Origin", allowedOrigin)
	if _, ok := r.Header["Access-Control-Expose-Headers"]; ok {
		t.Errorf("handler could not remove a CORS header: %v", r.Header)
	}
}

// TestWriterNotWrapped proves that the handler's c.Response() is Echo's
// own *echo.Response around the server's ResponseWriter, and that
// hijacking the connection works.
func TestWriterNotWrapped(t *testing.T) {
	var seen http.ResponseWriter
	e := newCORSEcho()
	e.Pre(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			seen = c.Response()
			return next(c)
		}
	})
	e.GET("/raw", func(c *echo.Context) error {
		if w := c.Response(); w != seen {
			t.Errorf("writer %T replaced, want Echo's %T", w, seen)
		}
		conn, buf, err := http.NewResponseController(c.Response()).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return err
		}
		defer conn.Close()
		fmt.Fprint(buf, "HTTP/1.1 200 OK\r\nX-Hijacked: yes\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
		return buf.Flush()
	})
	if r := corstest.MustSend(t, corstest.HTTPServer(t, e), "GET", "/raw", "Origin", allowedOrigin); r.Header.Get("X-Hijacked") != "yes" {
		t.Errorf("hijacked response not received: %d %v", r.Status, r.Header)
	}
}
