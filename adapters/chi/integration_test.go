package corschi_test

import (
	"io"
	"net/http"
	"testing"
	"time"

	corschi "github.com/corskit/corskit/adapters/chi"
	"github.com/corskit/corskit/core/corstest"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// ok is a route handler that writes a short body.
func ok(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok") }

// TestPreflightWithoutOptionsRoute: installed with r.Use, the middleware
// answers preflights to a route that has only a GET handler and to a path
// that matches no route, instead of chi's 405 or 404.
func TestPreflightWithoutOptionsRoute(t *testing.T) {
	r := chi.NewRouter()
	r.Use(corschi.New(testConfig()))
	r.Get("/items", ok)
	for _, path := range []string{"/items", "/no/such/path"} {
		wantPreflightAnswered(t, serve(r, "OPTIONS", path, preflight(origin, "PUT")...))
		rejected := serve(r, "OPTIONS", path, preflight(evilOrigin, "PUT")...)
		if rejected.Code != http.StatusForbidden || rejected.Body != "CORS preflight rejected: origin\n" {
			t.Errorf("rejected preflight to %s: %d %q, want the middleware's 403", path, rejected.Code, rejected.Body)
		}
		wantNoCORS(t, rejected)
	}
	// Without Access-Control-Request-Method it is not a preflight: chi's
	// own 405 or 404, with the CORS headers of an actual request.
	for path, code := range map[string]int{"/items": 405, "/no/such/path": 404} {
		resp := serve(r, "OPTIONS", path, "Origin", origin)
		if resp.Code != code {
			t.Errorf("OPTIONS %s without ACRM: %d, want chi's %d", path, resp.Code, code)
		}
		wantActualAllowed(t, resp)
	}
}

// TestNonPreflightOptionsReachesHandler: an OPTIONS request without
// Origin, or without Access-Control-Request-Method, is the handler's.
func TestNonPreflightOptionsReachesHandler(t *testing.T) {
	r := chi.NewRouter()
	r.Use(corschi.New(testConfig()))
	r.Options("/items", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Allow", "GET, OPTIONS")
		io.WriteString(w, "options handler")
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

// TestHead: a HEAD request gets the CORS headers and no body, from a GET
// route behind chi's GetHead, from a HEAD route, and from chi's 405.
func TestHead(t *testing.T) {
	r := chi.NewRouter()
	r.Use(corschi.New(testConfig()))
	r.Use(middleware.GetHead)
	r.Get("/items", ok)
	r.Head("/head-only", func(w http.ResponseWriter, _ *http.Request) { w.Header().Set("Content-Length", "42") })
	r.Post("/post-only", ok)
	srv := corstest.HTTPServer(t, r)
	for path, code := range map[string]int{"/items": 200, "/head-only": 200, "/post-only": 405} {
		resp := do(t, srv, "HEAD", path, "Origin", origin)
		if resp.Code != code || resp.Body != "" {
			t.Errorf("HEAD %s: %d %q, want %d without a body", path, resp.Code, resp.Body, code)
		}
		wantActualAllowed(t, resp)
	}
}

// TestHandlerHeadersAndVarySurvive: the middleware adds to Vary, whether an
// earlier middleware or the handler set it, and keeps the handler's fields.
func TestHandlerHeadersAndVarySurvive(t *testing.T) {
	r := chi.NewRouter()
	r.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Add("Vary", "Accept-Language")
			next.ServeHTTP(w, r)
		})
	})
	r.Use(corschi.New(testConfig()))
	r.Get("/items", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		w.Header().Set("Cache-Control", "private, max-age=60")
		w.Header().Set("X-Request-Id", "42")
		io.WriteString(w, "ok")
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

// TestPanicsKeepCORSHeaders: a handler that panics under chi's
// middleware.Recoverer, installed before or after the CORS middleware,
// still answers with the CORS headers, so that the page can read the error.
func TestPanicsKeepCORSHeaders(t *testing.T) {
	mw := corschi.New(testConfig())
	orders := map[string][]func(http.Handler) http.Handler{
		"recoverer first": {quietPanics, middleware.Recoverer, mw},
		"CORS first":      {mw, quietPanics, middleware.Recoverer},
	}
	for name, chain := range orders {
		r := chi.NewRouter()
		r.Use(chain...)
		r.Get("/panic", func(http.ResponseWriter, *http.Request) { panic("boom") })
		resp := serve(r, "GET", "/panic", "Origin", origin)
		if resp.Code != http.StatusInternalServerError {
			t.Errorf("%s: status %d, want 500", name, resp.Code)
		}
		wantActualAllowed(t, resp)
	}
}

// quietPanics gives middleware.Recoverer a log entry that discards the
// panic, instead of printing the stack trace to stderr.
func quietPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, middleware.WithLogEntry(r, discardEntry{}))
	})
}

// discardEntry is a middleware.LogEntry that logs nothing.
type discardEntry struct{}

func (discardEntry) Write(int, int, http.Header, time.Duration, any) {}
func (discardEntry) Panic(any, []byte)                               {}
