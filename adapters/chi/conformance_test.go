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

// TestConformance runs the shared conformance suite, with its run-time
// policy updates under concurrent requests, through a real chi router,
// over TCP, with the middleware installed with r.Use.
func TestConformance(t *testing.T) {
	corstest.Run(t, func(t *testing.T, p *cors.Policy, app http.Handler) corstest.Server {
		return corstest.HTTPServer(t, appRouter(corschi.FromPolicy(p), app))
	})
}

// appRouter returns a router that runs mw and then app for every method
// and path: "/*" with Handle covers chi's standard methods, and the
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

// TestAppRouterRoutesEveryMethod checks the suite's router itself: every
// method, standard or not, on every path reaches the app, behind the
// middleware.
func TestAppRouterRoutesEveryMethod(t *testing.T) {
	srv := corstest.HTTPServer(t, appRouter(corschi.New(testConfig()), http.HandlerFunc(echoRequest)))
	for _, method := range []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PURGE", "PROPFIND", "get"} {
		for _, path := range []string{"/", "/resource", "/a/b/c/"} {
			resp := corstest.MustSend(t, srv, method, path, "Origin", origin)
			want := method + " " + path
			if method == "HEAD" {
				want = ""
			}
			if resp.Body != want {
				t.Errorf("%s %s: body %q, want %q", method, path, resp.Body, want)
			}
			corstest.WantAllowedActual(t, resp, http.StatusOK)
		}
	}
}

// echoRequest writes the request's method and path.
func echoRequest(w http.ResponseWriter, r *http.Request) { io.WriteString(w, r.Method+" "+r.URL.Path) }
