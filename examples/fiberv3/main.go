// Command fiberv3 is a JSON API on Fiber v3 that the frontend on
// http://localhost:3000 may call from the browser, with cookies.
//
//	go run ./examples/fiberv3 -addr localhost:8000
package main

import (
	"flag"
	"log"

	corsfiber "github.com/corskit/corskit/adapters/fiberv3"
	"github.com/gofiber/fiber/v3"
)

func main() {
	addr := flag.String("addr", "localhost:8000", "address to listen on")
	flag.Parse()
	log.Fatal(newServer(config()).Listen(*addr))
}

// config is the CORS policy: the frontend on localhost:3000 may call the API
// with cookies, and may also use PUT, DELETE and an Authorization header.
func config() corsfiber.Config {
	return corsfiber.Config{
		AllowOrigins:     []string{"http://localhost:3000"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization"},
		AllowCredentials: true,
	}
}

// newServer returns the API with the CORS middleware installed with
// app.Use, before any route, so that preflights to every path are answered.
func newServer(cfg corsfiber.Config) *fiber.App {
	app := fiber.New()
	app.Use(corsfiber.New(cfg))
	app.Get("/api/hello", func(c fiber.Ctx) error {
		return c.JSON(fiber.Map{"message": "hello from Fiber v3"})
	})
	return app
}
