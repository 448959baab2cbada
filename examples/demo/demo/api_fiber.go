package demo

import (
	"context"
	"net"
	"strings"
	"time"

	corsfiber "github.com/corskit/corskit/adapters/fiber"
	cors "github.com/corskit/corskit/core"
	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// fiberServer serves a Fiber app: Fiber runs on fasthttp, not net/http.
type fiberServer struct {
	app   *fiber.App
	conns *connSet
}

func (s fiberServer) Serve(ln net.Listener) error { return s.app.Listener(ln) }

// Shutdown stops the app like net/http's Shutdown: fasthttp closes the
// listener, then waits for the connections, while Shutdown ends those that
// wait for a request (see [connSet]).
func (s fiberServer) Shutdown(ctx context.Context) error {
	done := make(chan error, 1)
	go func() { done <- s.app.ShutdownWithContext(ctx) }()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			return err
		case <-tick.C:
			s.conns.closeReads()
		}
	}
}

// newFiberServer returns the demo API on Fiber, with corsfiber installed by
// app.Use after the recorder of decisions.
func newFiberServer(a *api, policy *cors.Policy, log *broker) fiberServer {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	conns := newConnSet()
	app.Server().ConnState = func(c net.Conn, state fasthttp.ConnState) {
		conns.set(c, state != fasthttp.StateClosed && state != fasthttp.StateHijacked)
	}
	app.Use(recordFiber(policy, log))
	app.Use(corsfiber.FromPolicy(policy))
	app.Get("/api/hello", func(c *fiber.Ctx) error { return sendFiber(c, a.hello()) })
	app.Post("/api/items", func(c *fiber.Ctx) error { return sendFiber(c, a.createItem(c.Body())) })
	app.Put("/api/items/:id", func(c *fiber.Ctx) error {
		return sendFiber(c, a.updateItem(c.Params("id"), c.Get(tokenHeader)))
	})
	app.Post("/api/login", func(c *fiber.Ctx) error { return sendFiber(c, a.login()) })
	app.Get("/api/me", func(c *fiber.Ctx) error { return sendFiber(c, a.me(c.Cookies(sessionCookie))) })
	return fiberServer{app, conns}
}

func sendFiber(c *fiber.Ctx, r reply) error {
	if k := r.cookie; k != nil {
		c.Cookie(&fiber.Cookie{Name: k.Name, Value: k.Value, Path: k.Path, HTTPOnly: k.HttpOnly, SameSite: fiber.CookieSameSiteLaxMode})
	}
	c.Set("X-Request-Id", r.requestID)
	return c.Status(r.status).JSON(r.body)
}

// recordFiber is Fiber middleware that publishes the policy's decision for
// each request to log. Fiber's strings point into buffers it reuses after
// the handler returns, so every string kept is a copy.
func recordFiber(policy *cors.Policy, log *broker) fiber.Handler {
	return func(c *fiber.Ctx) error {
		h := &c.Request().Header
		req := cors.Request{
			Method:                strings.Clone(c.Method()),
			Origin:                peekAll(h, "Origin"),
			RequestMethod:         peekAll(h, "Access-Control-Request-Method"),
			RequestHeaders:        peekAll(h, "Access-Control-Request-Headers"),
			RequestPrivateNetwork: peekAll(h, "Access-Control-Request-Private-Network"),
		}
		log.publish(newEvent(policy.Decide(req), req, strings.Clone(c.Path()), strings.Clone(c.Query("rid"))))
		return c.Next()
	}
}

// peekAll returns copies of every line of the header name, or nil.
func peekAll(h *fasthttp.RequestHeader, name string) []string {
	var lines []string
	for _, v := range h.PeekAll(name) {
		lines = append(lines, string(v))
	}
	return lines
}
