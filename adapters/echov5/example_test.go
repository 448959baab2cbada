package corsecho_test

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"

	corsecho "github.com/corskit/corskit/adapters/echov5"
	cors "github.com/corskit/corskit/core"
	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"
)

// Install the middleware with e.Use: it then answers preflights for every
// path, including routes that have only a GET handler.
func Example() {
	e := echo.New()
	e.Use(middleware.Recover())
	e.Use(corsecho.New(corsecho.Config{
		AllowOrigins:     []string{"https://app.example.com"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization"},
		AllowCredentials: true,
	}))
	e.GET("/items", func(c *echo.Context) error {
		return c.String(http.StatusOK, "items")
	})

	r := httptest.NewRequest("OPTIONS", "/items", nil)
	r.Header.Set("Origin", "https://app.example.com")
	r.Header.Set("Access-Control-Request-Method", "PUT")
	w := httptest.NewRecorder()
	e.ServeHTTP(w, r)
	fmt.Println(w.Code, w.Header().Get("Access-Control-Allow-Origin"))
	// Output: 204 https://app.example.com
}

// Pass the middleware to e.Group to apply CORS to one group of routes: it
// covers every path under the prefix, including preflights.
func Example_group() {
	e := echo.New()
	api := e.Group("/api", corsecho.New(corsecho.Config{
		AllowOrigins: []string{"https://*.example.com"},
	}))
	api.GET("/items", func(c *echo.Context) error {
		return c.String(http.StatusOK, "items")
	})

	r := httptest.NewRequest("GET", "/api/items", nil)
	r.Header.Set("Origin", "https://shop.example.com")
	w := httptest.NewRecorder()
	e.ServeHTTP(w, r)
	fmt.Println(w.Body, w.Header().Get("Access-Control-Allow-Origin"))
	// Output: items https://shop.example.com
}

// Build the policy yourself to handle configuration errors, and replace
// its configuration at run time with Update, without touching Echo.
func ExampleFromPolicy() {
	policy, err := cors.New(cors.Config{AllowOrigins: []string{"https://old.example.com"}})
	if err != nil {
		log.Fatal(err) // every problem of the configuration, each with its fix
	}
	e := echo.New()
	e.Use(corsecho.FromPolicy(policy))
	e.GET("/items", func(c *echo.Context) error {
		return c.String(http.StatusOK, "items")
	})
	allowed := func(origin string) string {
		r := httptest.NewRequest("GET", "/items", nil)
		r.Header.Set("Origin", origin)
		w := httptest.NewRecorder()
		e.ServeHTTP(w, r)
		return fmt.Sprintf("%q", w.Header().Get("Access-Control-Allow-Origin"))
	}
	fmt.Println("before:", allowed("https://new.example.com"))

	err = policy.Update(cors.Config{AllowOrigins: []string{"https://new.example.com"}})
	if err != nil {
		log.Fatal(err) // the policy keeps its configuration
	}
	fmt.Println("after: ", allowed("https://new.example.com"))
	// Output:
	// before: ""
	// after:  "https://new.example.com"
}

// New panics with every problem of the configuration at once, so that a
// mistake in a configuration written in the program stops it at start-up.
func ExampleNew() {
	defer func() { fmt.Println(recover()) }()
	corsecho.New(corsecho.Config{AllowOrigins: []string{"https://app.example.com/"}})
	// Output: cors: AllowOrigins[0] "https://app.example.com/" has a trailing slash (browsers send none); use "https://app.example.com"
}
