// Command echo is a JSON API on Echo that the frontend on
// http://localhost:3000 may call from the browser, with cookies.
//
//	go run ./examples/echo -addr localhost:8000
package main

import (
	"flag"
	"net/http"

	corsecho "github.com/corskit/corskit/adapters/echo"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func main() {
	addr := flag.String("addr", "localhost:8000", "address to listen on")
	flag.Parse()
	e := newServer(config())
	e.Logger.Fatal(e.Start(*addr))
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
	e.GET("/api/hello", func(c echo.Context) error {
		return c.JSON(http.StatusOK, map[string]string{"message": "hello from Echo"})
	})
	return e
}
