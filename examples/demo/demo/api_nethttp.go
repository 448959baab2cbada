package demo

import (
	"io"
	"net/http"

	cors "github.com/corskit/corskit/core"
)

// netHTTPAPI returns the demo API on net/http's ServeMux, wrapped in the
// core's own middleware.
func netHTTPAPI(a *api, policy *cors.Policy) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/hello", func(w http.ResponseWriter, _ *http.Request) {
		writeHTTP(w, a.hello())
	})
	mux.HandleFunc("POST /api/items", func(w http.ResponseWriter, r *http.Request) {
		writeHTTP(w, a.createItem(readBody(r)))
	})
	mux.HandleFunc("PUT /api/items/{id}", func(w http.ResponseWriter, r *http.Request) {
		writeHTTP(w, a.updateItem(r.PathValue("id"), r.Header.Get(tokenHeader)))
	})
	mux.HandleFunc("POST /api/login", func(w http.ResponseWriter, _ *http.Request) {
		writeHTTP(w, a.login())
	})
	mux.HandleFunc("GET /api/me", func(w http.ResponseWriter, r *http.Request) {
		writeHTTP(w, a.me(cookieValue(r)))
	})
	return policy.Handler(mux)
}

// readBody returns the start of r's body.
func readBody(r *http.Request) []byte {
	body, _ := io.ReadAll(io.LimitReader(r.Body, maxBody))
	return body
}

// cookieValue returns the session cookie r carries, or "".
func cookieValue(r *http.Request) string {
	c, err := r.Cookie(sessionCookie)
	if err != nil {
		return ""
	}
	return c.Value
}
