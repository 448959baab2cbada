package corsfiber_test

import (
	"fmt"
	"log"
	"net/http/httptest"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/recover"

	corsfiber "github.com/corskit/corskit/adapters/fiberv3"
	cors "github.com/corskit/corskit/core"
)

// The middleware is installed with app.Use, after recover and before the
// routes. It answers the preflight, although /items has only a GET route.
func Example() {
	app := fiber.New()
	app.Use(recover.New())
	app.Use(corsfiber.New(corsfiber.Config{
		AllowOrigins:     []string{"https://app.example.com"},
		AllowMethods:     []string{"PUT"},
		AllowCredentials: true,
	}))
	app.Get("/items", func(c fiber.Ctx) error { return c.SendString("[]") })

	req := httptest.NewRequest("OPTIONS", "/items", nil)
	req.Header.Set("Origin", "https://app.example.com")
	req.Header.Set("Access-Control-Request-Method", "PUT")
	resp, err := app.Test(req)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode)
	fmt.Println(resp.Header.Get("Access-Control-Allow-Origin"))
	fmt.Println(resp.Header.Get("Access-Control-Allow-Methods"))
	// Output:
	// 204
	// https://app.example.com
	// PUT
}

// On a group, the middleware serves the paths under the group's prefix.
// Pass it to app.Group (or call Use on the group) before the group's
// routes.
func ExampleNew_group() {
	app := fiber.New()
	api := app.Group("/api", corsfiber.New(corsfiber.Config{AllowOrigins: []string{"https://app.example.com"}}))
	api.Get("/items", func(c fiber.Ctx) error { return c.SendString("[]") })

	req := httptest.NewRequest("GET", "/api/items", nil)
	req.Header.Set("Origin", "https://app.example.com")
	resp, err := app.Test(req)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
	// Output:
	// 200 https://app.example.com
}

// FromPolicy takes a policy built by the caller, who handles its error, and
// which may be replaced at run time with Update, without touching the app.
func ExampleFromPolicy() {
	p, err := cors.New(cors.Config{AllowOrigins: []string{"https://app.example.com"}})
	if err != nil {
		log.Fatal(err)
	}
	app := fiber.New()
	app.Use(corsfiber.FromPolicy(p))
	app.Get("/items", func(c fiber.Ctx) error { return c.SendString("[]") })

	get := func(origin string) string {
		req := httptest.NewRequest("GET", "/items", nil)
		req.Header.Set("Origin", origin)
		resp, err := app.Test(req)
		if err != nil {
			log.Fatal(err)
		}
		return fmt.Sprintf("%q", resp.Header.Get("Access-Control-Allow-Origin"))
	}
	fmt.Println("before:", get("https://admin.example.com"))
	err = p.Update(cors.Config{AllowOrigins: []string{"https://app.example.com", "https://admin.example.com"}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("after:", get("https://admin.example.com"))
	// Output:
	// before: ""
	// after: "https://admin.example.com"
}
