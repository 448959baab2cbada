// A Fiber v3 app configured as in adapters/fiberv3/README.md.
//
//installtest:snippet adapters/fiberv3/README.md 1
package main

import (
	"log"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/recover"

	corsfiber "github.com/corskit/corskit/adapters/fiberv3"
)

func listItems(c fiber.Ctx) error { return c.SendString("[]") }

func main() {
	app := fiber.New()
	app.Use(recover.New())
	app.Use(corsfiber.New(corsfiber.Config{
		AllowOrigins:     []string{"https://app.example.com", "https://*.example.com"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization", "X-Request-Id"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
	}))
	app.Get("/items", listItems)
	log.Fatal(app.Listen(":8080"))
}
