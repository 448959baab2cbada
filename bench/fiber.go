package bench

import (
	"net/http"
	"strings"

	corsfiber "github.com/corskit/corskit/adapters/fiber"
	"github.com/gofiber/fiber/v2"
	fibercors "github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/valyala/fasthttp"
)

func fiberApp(mw func() fiber.Handler) fasthttp.RequestHandler {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	if mw != nil {
		app.Use(mw())
	}
	app.Get(Path, func(c *fiber.Ctx) error { return c.SendString("ok") })
	app.Options(Path, func(c *fiber.Ctx) error { return c.SendStatus(http.StatusNoContent) })
	return app.Handler()
}

func fiberEntries() []entry[fiber.Handler] {
	return []entry[fiber.Handler]{
		{"baseline", Baseline, nil},
		{"floor", Floor, fiberFloor},
		{"vary-floor", VaryFloor, fiberVaryFloor},
		{"fiber-cors", Native, fiberCORS},
		{"corskit", Corskit, func() fiber.Handler { return corsfiber.New(NewPolicy().Corskit()) }},
	}
}

func fiberFloor() fiber.Handler {
	f := newFloor()
	actual, preflight := fastFields(f.actual), fastFields(f.preflight)
	return func(c *fiber.Ctx) error {
		if c.Method() == http.MethodOptions {
			setFast(&c.Response().Header, preflight)
			return c.SendStatus(http.StatusNoContent)
		}
		setFast(&c.Response().Header, actual)
		return c.Next()
	}
}

func fiberVaryFloor() fiber.Handler {
	vary := fastFields(varyOnly)
	return func(c *fiber.Ctx) error {
		// Peek is fasthttp's cheapest read of one field by name.
		keep(c.Request().Header.Peek(fiber.HeaderOrigin))
		setFast(&c.Response().Header, vary)
		return c.Next()
	}
}

func fiberCORS() fiber.Handler {
	p := NewPolicy()
	return fibercors.New(fibercors.Config{
		AllowOrigins:     strings.Join(p.Origins, ","),
		AllowMethods:     strings.Join(p.Methods, ","),
		AllowHeaders:     strings.Join(p.Headers, ","),
		ExposeHeaders:    strings.Join(p.Expose, ","),
		AllowCredentials: p.Credentials,
		MaxAge:           p.MaxAge,
	})
}
