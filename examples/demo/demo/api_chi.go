package demo

import (
	"net/http"

	corschi "github.com/corskit/corskit/adapters/chi"
	cors "github.com/corskit/corskit/core"
	"github.com/go-chi/chi/v5"
)

// chiAPI returns the demo API on chi, with corschi installed by r.Use.
func chiAPI(a *api, policy *cors.Policy) http.Handler {
	r := chi.NewRouter()
	r.Use(corschi.FromPolicy(policy))
	r.Get("/api/hello", func(w http.ResponseWriter, _ *http.Request) {
		writeHTTP(w, a.hello())
	})
	r.Post("/api/items", func(w http.ResponseWriter, r *http.Request) {
		writeHTTP(w, a.createItem(readBody(r)))
	})
	r.Put("/api/items/{id}", func(w http.ResponseWriter, r *http.Request) {
		writeHTTP(w, a.updateItem(chi.URLParam(r, "id"), r.Header.Get(tokenHeader)))
	})
	r.Post("/api/login", func(w http.ResponseWriter, _ *http.Request) {
		writeHTTP(w, a.login())
	})
	r.Get("/api/me", func(w http.ResponseWriter, r *http.Request) {
		writeHTTP(w, a.me(cookieValue(r)))
	})
	return r
}
