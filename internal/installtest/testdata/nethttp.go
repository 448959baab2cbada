// A net/http server configured as in the README.
//
//installtest:snippet README.md 2
package main

import (
	"log"
	"net/http"

	cors "github.com/corskit/corskit/core"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items", func(w http.ResponseWriter, r *http.Request) {})

	policy, err := cors.New(cors.Config{
		AllowOrigins: []string{"https://app.example.com"},
		AllowHeaders: []string{"Authorization"},
	})
	if err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe(":8080", policy.Handler(mux)))
}
