// A Fiber v2 app configured as in adapters/fiber/README.md.
//
//installtest:snippet adapters/fiber/README.md 1
package main

import (
	"log"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"

	corsfiber "github.com/corskit/corskit/adapters/fiber"
)

func listItems(c *fiber.Ctx) error { return c.SendString("[]") }

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
