// Command chi is a JSON API on chi that the frontend on
// http://localhost:3000 may call from the browser, with cookies.
//
//	go run ./examples/chi -addr localhost:8000
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"

	corschi "github.com/corskit/corskit/adapters/chi"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

func main() {
	addr := flag.String("addr", "localhost:8000", "address to listen on")
	flag.Parse()
	log.Printf("listening on http://%s", *addr)
	log.Fatal(http.ListenAndServe(*addr, newServer(config())))
}

// config is the CORS policy: the frontend on localhost:3000 may call the API
// with cookies, and may also use PUT, DELETE and an Authorization header.
func config() corschi.Config {
	return corschi.Config{
		AllowOrigins:     []string{"http://localhost:3000"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization"},
		AllowCredentials: true,
	}
}

// newServer returns the API with the CORS middleware installed with r.Use,
// before any route, so that preflights to every path are answered.
func newServer(cfg corschi.Config) http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.Logger)
	r.Use(corschi.New(cfg))
	r.Get("/api/hello", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{"message": "hello from chi"})
	})
	return r
}
