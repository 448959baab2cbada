package demo

import (
	"net"

	corsfiber "github.com/corskit/corskit/adapters/fiberv3"
	cors "github.com/corskit/corskit/core"
	"github.com/gofiber/fiber/v3"
)

// newFiberV3Server returns the demo API on Fiber v3, with corsfiber
// installed by app.Use after the recorder of decisions.
func newFiberV3Server(a *api, policy *cors.Policy, log *broker) fiberServer {
	app := fiber.New()
	conns := trackConns(app.Server())
	app.Use(func(c fiber.Ctx) error {
		recordFasthttp(policy, log, c.RequestCtx())
		return c.Next()
	})
	app.Use(corsfiber.FromPolicy(policy))
	app.Get("/api/hello", func(c fiber.Ctx) error { return sendFiberV3(c, a.hello()) })
	app.Post("/api/items", func(c fiber.Ctx) error { return sendFiberV3(c, a.createItem(c.Body())) })
	app.Put("/api/items/:id", func(c fiber.Ctx) error {
		return sendFiberV3(c, a.updateItem(c.Params("id"), c.Get(tokenHeader)))
	})
	app.Post("/api/login", func(c fiber.Ctx) error { return sendFiberV3(c, a.login()) })
	app.Get("/api/me", func(c fiber.Ctx) error { return sendFiberV3(c, a.me(c.Cookies(sessionCookie))) })
	serve := func(ln net.Listener) error {
		return app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true})
	}
	return fiberServer{serve, app.ShutdownWithContext, conns}
}

func sendFiberV3(c fiber.Ctx, r reply) error {
	if k := r.cookie; k != nil {
		c.Cookie(&fiber.Cookie{Name: k.Name, Value: k.Value, Path: k.Path, HTTPOnly: k.HttpOnly, SameSite: fiber.CookieSameSiteLaxMode})
	}
	c.Set("X-Request-Id", r.requestID)
	return c.Status(r.status).JSON(r.body)
}
