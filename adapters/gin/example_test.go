package corsgin_test

import (
	"fmt"
	"log"
	"net/http"

	corsgin "github.com/corskit/corskit/adapters/gin"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
	"github.com/gin-gonic/gin"
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

// Install the middleware on the engine, before the routes: it answers the
// preflight to a route that has only a GET handler.
func Example() {
	r := gin.New()
	r.Use(gin.Recovery())
	r.Use(corsgin.New(corsgin.Config{
		AllowOrigins:     []string{"https://app.example.com"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization"},
		AllowCredentials: true,
	}))
	r.GET("/api/items", func(c *gin.Context) {
		c.JSON(http.StatusOK, []string{"apple", "pear"})
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
	r := gin.New()
	r.Use(corsgin.FromPolicy(policy))
	r.GET("/api/items", func(c *gin.Context) { c.String(http.StatusOK, "apple, pear") })

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

// Limit CORS to one route group. Gin runs a group's middleware only for
// its routes, so r.Group("/api").Use(corsgin.New(cfg)) would never see the
// preflights; Group also routes them to the middleware.
func ExampleGroup() {
	r := gin.New()
	api := corsgin.Group(r, "/api", corsgin.New(corsgin.Config{
		AllowOrigins: []string{"https://app.example.com"},
		AllowMethods: []string{"DELETE"},
	}))
	api.DELETE("/items/:id", func(c *gin.Context) { c.Status(http.StatusNoContent) })
	r.GET("/", func(c *gin.Context) { c.String(http.StatusOK, "home page") })

	show(r, "OPTIONS", "/api/items/7",
		"Origin", "https://app.example.com", "Access-Control-Request-Method", "DELETE")
	show(r, "GET", "/", "Origin", "https://app.example.com")
	// Output:
	// OPTIONS /api/items/7 204
	//   Access-Control-Allow-Origin: https://app.example.com
	//   Access-Control-Allow-Methods: DELETE
	// GET / 200
}
