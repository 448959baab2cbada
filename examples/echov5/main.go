// Command echov5 is a JSON API on Echo v5 that the frontend on
// http://localhost:3000 may call from the browser, with cookies.
//
//	go run ./examples/echov5 -addr localhost:8000
package main

import (
	"flag"
	"log"
	"net/http"

	corsecho "github.com/corskit/corskit/adapters/echov5"
	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"
)

func main() {
	addr := flag.String("addr", "localhost:8000", "address to listen on")
	flag.Parse()
	log.Fatal(newServer(config()).Start(*addr))
}

// config is the CORS policy: the frontend on localhost:3000 may call the API
// with cookies, and may also use PUT, DELETE and an Authorization header.
func config() corsecho.Config {
	return corsecho.Config{
		AllowOrigins:     []string{"http://localhost:3000"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization"},
		AllowCredentials: true,
	}
}

// newServer returns the API with the CORS middleware installed with e.Use,
// so that preflights to every path are answered.
func newServer(cfg corsecho.Config) *echo.Echo {
	e := echo.New()
	e.Use(middleware.Recover())
	e.Use(corsecho.New(cfg))
	e.GET("/api/hello", func(c *echo.Context) error {
		return c.JSON(http.StatusOK, map[string]string{"message": "hello from Echo v5"})
	})
	return e
}
