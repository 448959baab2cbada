package corschi_test

import (
	"net/http"
	"testing"

	corschi "github.com/corskit/corskit/adapters/chi"
	"github.com/corskit/corskit/core/corstest"
	"github.com/go-chi/chi/v5"
)

// TestInlineGroupMissesPreflights documents why the package says never to
// install the middleware with r.Group or r.With: chi runs such middleware
// only for the matched route's handler, so a preflight to a route without
// an OPTIONS handler gets chi's 405, and one to an unknown path its 404,
// without CORS headers.
func TestInlineGroupMissesPreflights(t *testing.T) {
	r := chi.NewRouter()
	r.Group(func(r chi.Router) {
		r.Use(corschi.New(corstest.CredentialedConfig()))
		r.Get("/api/items", ok)
	})
	r.With(corschi.New(corstest.CredentialedConfig())).Get("/api/other", ok)
	for path, code := range map[string]int{"/api/items": 405, "/api/other": 405, "/api/unknown": 404} {
		resp := corstest.ServePreflight(t, r, corstest.AllowedOrigin, path, "PUT")
		if resp.Status != code {
			t.Errorf("preflight to %s: %d, want chi's %d", path, resp.Status, code)
		}
		corstest.WantNoCORS(t, resp)
	}
}

// newSubrouterApp returns a router with CORS on the /api subrouter only,
// made with r.Route, an authentication middleware inside it after CORS, a
// mounted /admin subrouter with its own CORS, and a public route outside.
func newSubrouterApp() http.Handler {
	r := chi.NewRouter()
	r.Route("/api", func(r chi.Router) {
		r.Use(corschi.New(corstest.CredentialedConfig()))
		r.Use(func(next http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
				if req.Header.Get("Authorization") == "" {
					http.Error(w, "login first", http.StatusUnauthorized)
					return
				}
				next.ServeHTTP(w, req)
			})
		})
		r.Get("/", ok)
		r.Get("/items", ok)
		r.Delete("/items/{id}", ok)
	})
	admin := chi.NewRouter()
	admin.Use(corschi.New(corstest.CredentialedConfig()))
	admin.Get("/users", ok)
	r.Mount("/admin", admin)
	r.Get("/public", ok)
	return r
}

// TestSubrouter: on a subrouter made with r.Route or r.Mount, the
// middleware runs before the subrouter looks for a route: it answers the
// preflights to its routes and to unknown paths under it, before the
// subrouter's later middleware (authentication); actual requests get the
// headers even when that middleware refuses them; paths outside are
// untouched.
func TestSubrouter(t *testing.T) {
	r := newSubrouterApp()
	for _, path := range []string{"/api", "/api/", "/api/items", "/api/items/7", "/api/no/such/path", "/admin/users", "/admin/unknown"} {
		corstest.WantAnsweredPreflight(t, corstest.ServePreflight(t, r, corstest.AllowedOrigin, path, "DELETE"))
	}
	corstest.WantAllowedActual(t, corstest.Serve(t, r, "GET", "/api/items", "Origin", corstest.AllowedOrigin, "Authorization", "Bearer x"), http.StatusOK)
	corstest.WantAllowedActual(t, corstest.Serve(t, r, "GET", "/api/items", "Origin", corstest.AllowedOrigin), http.StatusUnauthorized)
	for _, method := range []string{"GET", "OPTIONS"} {
		outside := corstest.Serve(t, r, method, "/public", corstest.PreflightHeader(corstest.AllowedOrigin, "PUT")...)
		corstest.WantNoCORS(t, outside)
		if outside.VaryHas("Origin") {
			t.Errorf("%s /public: Vary %q, want no Origin outside the subrouter", method, outside.Header.Values("Vary"))
		}
	}
}
