package corschi_test

import (
	"fmt"
	"io"
	"log"
	"net/http"

	corschi "github.com/corskit/corskit/adapters/chi"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
)

// show sends one request to h and prints the status and the CORS headers.
func show(h http.Handler, method, path string, header ...string) {
	resp, err := corstest.Send(corstest.InProcess(h), method, path, header...)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(method, path, resp.Status)
	for _, k := range []string{"Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Credentials"} {
		if v := resp.Header.Get(k); v != "" {
			fmt.Printf("  %s: %s\n", k, v)
		}
	}
}

// Install the middleware with r.Use, before the routes: it answers the
// preflight to a route that has only a GET handler.
func Example() {
	r := chi.NewRouter()
	r.Use(middleware.Recoverer)
	r.Use(corschi.New(corschi.Config{
		AllowOrigins:     []string{"https://app.example.com"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization"},
		AllowCredentials: true,
	}))
	r.Get("/api/items", func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, `["apple","pear"]`)
	})

	show(r, "OPTIONS", "/api/items",
		"Origin", "https://app.example.com", "Access-Control-Request-Method", "DELETE")
	show(r, "GET", "/api/items", "Origin", "https://app.example.com")
	show(r, "GET", "/api/items", "Origin", "https://evil.example.net")
	// Output:
	// OPTIONS /api/items 204
	//   Access-Control-Allow-Origin: https://app.example.com
	//   Access-Control-Allow-Methods: PUT, DELETE
	//   Access-Control-Allow-Credentials: true
	// GET /api/items 200
	//   Access-Control-Allow-Origin: https://app.example.com
	//   Access-Control-Allow-Credentials: true
	// GET /api/items 200
}

// Build the policy yourself to handle a configuration error, and to replace
// the configuration at run time (say, origins loaded from a database)
// without re-registering the middleware.
func ExampleFromPolicy() {
	policy, err := cors.New(cors.Config{AllowOrigins: []string{"https://app.example.com"}})
	if err != nil {
		log.Fatal(err) // every problem at once, each with its fix
	}
	r := chi.NewRouter()
	r.Use(corschi.FromPolicy(policy))
	r.Get("/api/items", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "apple, pear") })

	show(r, "GET", "/api/items", "Origin", "https://new.example.com")
	err = policy.Update(cors.Config{AllowOrigins: []string{"https://app.example.com", "https://new.example.com"}})
	if err != nil {
		log.Fatal(err) // the policy keeps its configuration
	}
	show(r, "GET", "/api/items", "Origin", "https://new.example.com")
	// Output:
	// GET /api/items 200
	// GET /api/items 200
	//   Access-Control-Allow-Origin: https://new.example.com
}

// Limit CORS to part of the application with a subrouter (r.Route or
// r.Mount), not with r.Group or r.With, whose middleware never sees the
// preflights to routes without an OPTIONS handler.
func Example_subrouter() {
	r := chi.NewRouter()
	r.Route("/api", func(r chi.Router) {
		r.Use(corschi.New(corschi.Config{
			AllowOrigins: []string{"https://app.example.com"},
			AllowMethods: []string{"DELETE"},
		}))
		r.Delete("/items/{id}", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	})
	r.Get("/", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "home page") })

	show(r, "OPTIONS", "/api/items/7",
		"Origin", "https://app.example.com", "Access-Control-Request-Method", "DELETE")
	show(r, "GET", "/", "Origin", "https://app.example.com")
	// Output:
	// OPTIONS /api/items/7 204
	//   Access-Control-Allow-Origin: https://app.example.com
	//   Access-Control-Allow-Methods: DELETE
	// GET / 200
}
