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

// newRouter returns a router running mw (if any) and then the CORS
// middleware for every request, with a GET route /items.
func newRouter(mw ...func(http.Handler) http.Handler) *chi.Mux {
	r := chi.NewRouter()
	r.Use(append(mw, corschi.New(corstest.CredentialedConfig()))...)
	r.Get("/items", ok)
	return r
}

// TestPreflightWithoutOptionsRoute: installed with r.Use, the middleware
// answers preflights to a route that has only a GET handler and to a path
// that matches no route, instead of chi's 405 or 404. An OPTIONS request
// without Access-Control-Request-Method is not a preflight: it gets chi's
// own 405 or 404, with the CORS headers of an actual request.
func TestPreflightWithoutOptionsRoute(t *testing.T) {
	r := newRouter()
	for path, status := range map[string]int{"/items": 405, "/no/such/path": 404} {
		corstest.WantAnsweredPreflight(t, corstest.ServePreflight(t, r, corstest.AllowedOrigin, path, "PUT"))
		corstest.WantRejectedPreflight(t, corstest.ServePreflight(t, r, corstest.DisallowedOrigin, path, "PUT"))
		corstest.WantAllowedActual(t, corstest.Serve(t, r, "OPTIONS", path, "Origin", corstest.AllowedOrigin), status)
	}
}

// TestNonPreflightOptionsReachesHandler: an OPTIONS request without
// Origin, or without Access-Control-Request-Method, is the handler's.
func TestNonPreflightOptionsReachesHandler(t *testing.T) {
	r := newRouter()
	r.Options("/items", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Allow", "GET, OPTIONS")
		io.WriteString(w, "options handler")
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

// TestHead: a HEAD request gets the CORS headers and no body, from a GET
// route behind chi's GetHead, from a HEAD route, and from chi's 405.
func TestHead(t *testing.T) {
	r := newRouter(middleware.GetHead)
	r.Head("/head-only", func(w http.ResponseWriter, _ *http.Request) { w.Header().Set("Content-Length", "42") })
	r.Post("/post-only", ok)
	srv := corstest.HTTPServer(t, r)
	for path, status := range map[string]int{"/items": 200, "/head-only": 200, "/post-only": 405} {
		resp := corstest.MustSend(t, srv, "HEAD", path, "Origin", corstest.AllowedOrigin)
		if resp.Body != "" {
			t.Errorf("HEAD %s: body %q", path, resp.Body)
		}
		corstest.WantAllowedActual(t, resp, status)
	}
}

// TestHandlerHeadersAndVarySurvive: the middleware adds to Vary, whether an
// earlier middleware or the handler set it, and keeps the handler's fields.
func TestHandlerHeadersAndVarySurvive(t *testing.T) {
	r := newRouter(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Add("Vary", "Accept-Language")
			next.ServeHTTP(w, r)
		})
	})
	r.Get("/cached", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Add("Vary", "Accept-Encoding")
		w.Header().Set("Cache-Control", "private, max-age=60")
		w.Header().Set("X-Request-Id", "42")
		io.WriteString(w, "ok")
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

// TestPanicsKeepCORSHeaders: a handler that panics under chi's
// middleware.Recoverer, installed before or after the CORS middleware,
// still answers with the CORS headers, so that the page can read the error.
func TestPanicsKeepCORSHeaders(t *testing.T) {
	corsFirst := chi.NewRouter() // chi refuses Use after a route
	corsFirst.Use(corschi.New(corstest.CredentialedConfig()), quietPanics, middleware.Recoverer)
	for name, r := range map[string]*chi.Mux{"recoverer first": newRouter(quietPanics, middleware.Recoverer), "CORS first": corsFirst} {
		r.Get("/panic", func(http.ResponseWriter, *http.Request) { panic("boom") })
		t.Run(name, func(t *testing.T) {
			corstest.WantAllowedActual(t, corstest.Serve(t, r, "GET", "/panic", "Origin", corstest.AllowedOrigin), http.StatusInternalServerError)
		})
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
