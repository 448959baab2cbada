package corschi_test

import (
	"io"
	"net/http"
	"testing"

	corschi "github.com/corskit/corskit/adapters/chi"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
	"github.com/go-chi/chi/v5"
)

// TestConformance runs the shared conformance suite through a real chi
// router, over TCP, with the middleware installed with r.Use.
func TestConformance(t *testing.T) {
	corstest.Run(t, func(t *testing.T, cfg cors.Config, app http.Handler) corstest.Server {
		p, err := cors.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return corstest.HTTPServer(t, appRouter(corschi.FromPolicy(p), app))
	})
}

// appRouter returns a router that runs mw and then app for every method
// and path: "/*" with HandleFunc covers chi's standard methods, and the
// method-not-allowed handler every method chi does not know (a custom
// method such as PURGE), for which chi looks for no route.
func appRouter(mw func(http.Handler) http.Handler, app http.Handler) *chi.Mux {
	r := chi.NewRouter()
	r.Use(mw)
	r.Handle("/*", app)
	r.NotFound(app.ServeHTTP)
	r.MethodNotAllowed(app.ServeHTTP)
	return r
}

// TestConformanceRouterRoutesEveryMethod checks the suite's router itself:
// every method, standard or not, on every path reaches the app, with the
// middleware in front of it.
func TestConformanceRouterRoutesEveryMethod(t *testing.T) {
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.Method+" "+r.URL.Path)
	})
	srv := corstest.HTTPServer(t, appRouter(corschi.New(corschi.Config{AllowOrigins: []string{origin}}), app))
	for _, method := range []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PURGE", "PROPFIND", "get"} {
		for _, path := range []string{"/", "/resource", "/a/b/c/"} {
			resp := do(t, srv, method, path, "Origin", origin)
			want := method + " " + path
			if method == "HEAD" {
				want = ""
			}
			if resp.Code != http.StatusOK || resp.Body != want || resp.Header.Get("Access-Control-Allow-Origin") != origin {
				t.Errorf("%s %s: %d %q %v, want 200 %q with CORS headers", method, path, resp.Code, resp.Body, resp.Header, want)
			}
		}
	}
}
