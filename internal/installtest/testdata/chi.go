// A chi router configured as in adapters/chi/README.md.
//
//installtest:snippet adapters/chi/README.md 1
package main

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	corschi "github.com/corskit/corskit/adapters/chi"
)

func main() {
	r := chi.NewRouter()
	r.Use(corschi.New(corschi.Config{
		AllowOrigins:     []string{"https://app.example.com"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization"},
		AllowCredentials: true,
	}))
	r.Get("/items", func(w http.ResponseWriter, r *http.Request) {})
	_ = http.ListenAndServe(":8080", r)
}
