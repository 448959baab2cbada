package demo

import (
	"context"
	"net"
	"time"

	corsfiber "github.com/corskit/corskit/adapters/fiber"
	cors "github.com/corskit/corskit/core"
	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// fiberServer serves a Fiber app, v2 or v3: Fiber runs on fasthttp, not
// net/http.
type fiberServer struct {
	serve    func(net.Listener) error
	shutdown func(context.Context) error
	conns    *connSet
}

func (s fiberServer) Serve(ln net.Listener) error { return s.serve(ln) }

// Shutdown stops the app like net/http's Shutdown: fasthttp closes the
// listener, then waits for the connections, while Shutdown ends those that
// wait for a request (see [connSet]).
func (s fiberServer) Shutdown(ctx context.Context) error {
	done := make(chan error, 1)
	go func() { done <- s.shutdown(ctx) }()
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

// trackConns returns the set of srv's connections, kept by its ConnState
// hook.
func trackConns(srv *fasthttp.Server) *connSet {
	conns := newConnSet()
	srv.ConnState = func(c net.Conn, state fasthttp.ConnState) {
		conns.set(c, state != fasthttp.StateClosed && state != fasthttp.StateHijacked)
	}
	return conns
}

// newFiberServer returns the demo API on Fiber, with corsfiber installed by
// app.Use after the recorder of decisions.
func newFiberServer(a *api, policy *cors.Policy, log *broker) fiberServer {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	conns := trackConns(app.Server())
	app.Use(func(c *fiber.Ctx) error {
		recordFasthttp(policy, log, c.Context())
		return c.Next()
	})
	app.Use(corsfiber.FromPolicy(policy))
	app.Get("/api/hello", func(c *fiber.Ctx) error { return sendFiber(c, a.hello()) })
	app.Post("/api/items", func(c *fiber.Ctx) error { return sendFiber(c, a.createItem(c.Body())) })
	app.Put("/api/items/:id", func(c *fiber.Ctx) error {
		return sendFiber(c, a.updateItem(c.Params("id"), c.Get(tokenHeader)))
	})
	app.Post("/api/login", func(c *fiber.Ctx) error { return sendFiber(c, a.login()) })
	app.Get("/api/me", func(c *fiber.Ctx) error { return sendFiber(c, a.me(c.Cookies(sessionCookie))) })
	return fiberServer{app.Listener, app.ShutdownWithContext, conns}
}

func sendFiber(c *fiber.Ctx, r reply) error {
	if k := r.cookie; k != nil {
		c.Cookie(&fiber.Cookie{Name: k.Name, Value: k.Value, Path: k.Path, HTTPOnly: k.HttpOnly, SameSite: fiber.CookieSameSiteLaxMode})
	}
	c.Set("X-Request-Id", r.requestID)
	return c.Status(r.status).JSON(r.body)
}

// recordFasthttp publishes the policy's decision for the request in ctx
// to log. fasthttp's byte slices point into buffers it reuses after the
// handler returns, so every string kept is a copy.
func recordFasthttp(policy *cors.Policy, log *broker, ctx *fasthttp.RequestCtx) {
	h := &ctx.Request.Header
	req := cors.Request{
		Method:                string(ctx.Method()),
		Origin:                peekAll(h, "Origin"),
		RequestMethod:         peekAll(h, "Access-Control-Request-Method"),
		RequestHeaders:        peekAll(h, "Access-Control-Request-Headers"),
		RequestPrivateNetwork: peekAll(h, "Access-Control-Request-Private-Network"),
	}
	log.publish(newEvent(policy.Decide(req), req, string(ctx.Path()), string(ctx.QueryArgs().Peek("rid"))))
}

// peekAll returns copies of every line of the header name, or nil.
func peekAll(h *fasthttp.RequestHeader, name string) []string {
	var lines []string
	for _, v := range h.PeekAll(name) {
		lines = append(lines, string(v))
	}
	return lines
}
