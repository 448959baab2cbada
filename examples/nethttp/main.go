// Command nethttp is a JSON API on net/http that the frontend on
// http://localhost:3000 may call from the browser, with cookies.
//
//	go run ./examples/nethttp -addr localhost:8000
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"

	cors "github.com/corskit/corskit/core"
)

func main() {
	addr := flag.String("addr", "localhost:8000", "address to listen on")
	flag.Parse()
	log.Printf("listening on http://%s", *addr)
	log.Fatal(http.ListenAndServe(*addr, newServer(config())))
}

// config is the CORS policy: the frontend on localhost:3000 may call the API
// with cookies, and may also use PUT, DELETE and an Authorization header.
func config() cors.Config {
	return cors.Config{
		AllowOrigins:     []string{"http://localhost:3000"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization"},
		AllowCredentials: true,
	}
}

// newServer returns the API with the CORS policy wrapped around its router,
// so that preflights to every path are answered.
func newServer(cfg cors.Config) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/hello", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{"message": "hello from net/http"})
	})
	return cors.MustNew(cfg).Handler(mux)
}
