package corsfiber_test

import (
	"errors"
	"net/http"
	"slices"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"

	corsfiber "github.com/corskit/corskit/adapters/fiber"
)

func okHandler(c *fiber.Ctx) error { return c.SendString("ok") }

// TestPreflightWithoutRoute: preflights to a path with only a GET route, and
// to a path with no route, are answered by the middleware, not by Fiber's
// 405 or 404.
func TestPreflightWithoutRoute(t *testing.T) {
	bare := fiber.New()
	bare.Get("/items", okHandler)
	wantStatus(t, send(t, bare, "OPTIONS", "/items", preflightHeaders(allowed)...), http.StatusMethodNotAllowed)

	app := fiber.New()
	app.Use(corsfiber.New(testConfig()))
	app.Get("/items", okHandler)
	for _, path := range []string{"/items", "/nowhere"} {
		resp := send(t, app, "OPTIONS", path, preflightHeaders(allowed)...)
		wantStatus(t, resp, http.StatusNoContent)
		wantCORS(t, resp, allowed)
		wantVary(t, resp, "Access-Control-Request-Method", "Access-Control-Request-Headers")

		resp = send(t, app, "OPTIONS", path, preflightHeaders(disallowed)...)
		wantStatus(t, resp, http.StatusForbidden)
		wantNoCORS(t, resp)
		if got := body(t, resp); got != "CORS preflight rejected: origin\n" {
			t.Errorf("rejected preflight body = %q", got)
		}
	}
}

// TestGroup: on a group, with group.Use or app.Group(prefix, mw), the
// middleware answers preflights to every path under the prefix and sets the
// headers of the group's routes, and of nothing outside it.
func TestGroup(t *testing.T) {
	app := fiber.New()
	app.Get("/public", okHandler)
	api := app.Group("/api")
	api.Use(corsfiber.New(testConfig()))
	api.Get("/items", okHandler)
	v2 := app.Group("/v2", corsfiber.New(testConfig()))
	v2.Get("/items", okHandler)

	for _, path := range []string{"/api/items", "/api/nowhere", "/v2/items", "/v2/nowhere"} {
		resp := send(t, app, "OPTIONS", path, preflightHeaders(allowed)...)
		wantStatus(t, resp, http.StatusNoContent)
		wantCORS(t, resp, allowed)
	}
	for _, path := range []string{"/api/items", "/v2/items"} {
		resp := send(t, app, "GET", path, "Origin", allowed)
		wantStatus(t, resp, http.StatusOK)
		wantCORS(t, resp, allowed)
	}
	resp := send(t, app, "GET", "/public", "Origin", allowed)
	wantStatus(t, resp, http.StatusOK)
	wantNoCORS(t, resp)
	resp = send(t, app, "OPTIONS", "/public", preflightHeaders(allowed)...)
	wantStatus(t, resp, http.StatusMethodNotAllowed)
	wantNoCORS(t, resp)
}

// TestWrongPlaces proves what the README says about where not to install the
// middleware: routes registered before app.Use do not get the headers, and
// middleware given to a single route never sees that route's preflights.
func TestWrongPlaces(t *testing.T) {
	app := fiber.New()
	app.Get("/early", okHandler)
	app.Use(corsfiber.New(testConfig()))
	app.Get("/late", okHandler)
	wantNoCORS(t, send(t, app, "GET", "/early", "Origin", allowed))
	wantCORS(t, send(t, app, "GET", "/late", "Origin", allowed), allowed)

	route := fiber.New()
	route.Get("/items", corsfiber.New(testConfig()), okHandler)
	wantCORS(t, send(t, route, "GET", "/items", "Origin", allowed), allowed)
	resp := send(t, route, "OPTIONS", "/items", preflightHeaders(allowed)...)
	wantStatus(t, resp, http.StatusMethodNotAllowed)
	wantNoCORS(t, resp)
}

// TestErrorsKeepHeaders: responses written by Fiber's default error
// handler, by a custom one, and after a panic caught by middleware/recover
// (installed before or after the CORS middleware) carry the CORS headers.
func TestErrorsKeepHeaders(t *testing.T) {
	jsonErrors := fiber.Config{ErrorHandler: func(c *fiber.Ctx, err error) error {
		code := fiber.StatusInternalServerError
		var e *fiber.Error
		if errors.As(err, &e) {
			code = e.Code
		}
		return c.Status(code).JSON(fiber.Map{"error": err.Error()})
	}}
	for _, cfg := range []fiber.Config{{}, jsonErrors} {
		app := fiber.New(cfg)
		app.Use(corsfiber.New(testConfig()))
		app.Get("/error", func(*fiber.Ctx) error { return errors.New("boom") })
		app.Get("/teapot", func(*fiber.Ctx) error { return fiber.NewError(fiber.StatusTeapot) })
		app.Get("/items", okHandler)
		for _, c := range []struct {
			method, path string
			status       int
		}{
			{"GET", "/error", 500}, {"GET", "/teapot", 418},
			{"GET", "/nowhere", 404}, {"POST", "/items", 405},
		} {
			resp := send(t, app, c.method, c.path, "Origin", allowed)
			wantStatus(t, resp, c.status)
			wantCORS(t, resp, allowed)
		}
	}
}

func TestPanicUnderRecover(t *testing.T) {
	panics := func(*fiber.Ctx) error { panic("boom") }
	before := fiber.New()
	before.Use(recover.New())
	before.Use(corsfiber.New(testConfig()))
	before.Get("/panic", panics)
	after := fiber.New()
	after.Use(corsfiber.New(testConfig()))
	after.Use(recover.New())
	after.Get("/panic", panics)
	for _, app := range []*fiber.App{before, after} {
		resp := send(t, app, "GET", "/panic", "Origin", allowed)
		wantStatus(t, resp, http.StatusInternalServerError)
		wantCORS(t, resp, allowed)
	}
}

// TestOptionsAndHead: an OPTIONS request that is not a preflight reaches its
// handler, with the CORS headers set; HEAD requests are served by the GET
// route with the headers and no body.
func TestOptionsAndHead(t *testing.T) {
	app := fiber.New()
	app.Use(corsfiber.New(testConfig()))
	app.Get("/items", okHandler)
	app.Options("/items", func(c *fiber.Ctx) error {
		c.Set("Allow", "GET, HEAD, OPTIONS")
		return c.SendStatus(fiber.StatusOK)
	})

	resp := send(t, app, "OPTIONS", "/items", "Origin", allowed)
	wantStatus(t, resp, http.StatusOK)
	wantCORS(t, resp, allowed)
	if got := resp.Header.Get("Allow"); got != "GET, HEAD, OPTIONS" {
		t.Errorf("Allow = %q: the OPTIONS handler did not run", got)
	}
	resp = send(t, app, "OPTIONS", "/items", "Access-Control-Request-Method", "PUT")
	wantStatus(t, resp, http.StatusOK)
	wantNoCORS(t, resp)
	if resp.Header.Get("Allow") == "" {
		t.Error("OPTIONS without Origin did not reach its handler")
	}

	resp = send(t, app, "HEAD", "/items", "Origin", allowed)
	wantStatus(t, resp, http.StatusOK)
	wantCORS(t, resp, allowed)
	if got := body(t, resp); got != "" {
		t.Errorf("HEAD body = %q", got)
	}
}

// TestHandlerHeadersSurvive: the handler's own fields and its additions to
// Vary (c.Vary, c.Append) are kept next to the middleware's; a handler may
// replace a CORS field with c.Set.
func TestHandlerHeadersSurvive(t *testing.T) {
	app := fiber.New()
	app.Use(corsfiber.New(testConfig()))
	app.Get("/items", func(c *fiber.Ctx) error {
		c.Set("X-App", "ran")
		c.Vary("Accept-Encoding")
		c.Append("Vary", "Accept-Language")
		return c.SendString("ok")
	})
	app.Get("/replace", func(c *fiber.Ctx) error {
		c.Set("Access-Control-Expose-Headers", "X-Other")
		return c.SendString("ok")
	})
	for _, origin := range []string{allowed, disallowed, ""} {
		resp := send(t, app, "GET", "/items", "Origin", origin)
		if origin == "" {
			resp = send(t, app, "GET", "/items")
		}
		wantVary(t, resp, "Origin", "Accept-Encoding", "Accept-Language")
		if got := resp.Header.Get("X-App"); got != "ran" {
			t.Errorf("X-App = %q, want ran", got)
		}
	}
	resp := send(t, app, "GET", "/replace", "Origin", allowed)
	wantCORS(t, resp, allowed)
	if got := resp.Header.Values("Access-Control-Expose-Headers"); len(got) != 1 || got[0] != "X-Other" {
		t.Errorf("Access-Control-Expose-Headers = %q, want [X-Other]", got)
	}
}

// TestHeaderNames: field names are matched as fasthttp normalizes them, so
// lower-case names are read; with DisableHeaderNormalizing only the
// canonical spelling is, as with Fiber's own c.Get.
func TestHeaderNames(t *testing.T) {
	app := fiber.New()
	app.Use(corsfiber.New(testConfig()))
	app.Get("/items", okHandler)
	resp := send(t, app, "OPTIONS", "/items", "origin", allowed, "access-control-request-method", "PUT")
	wantStatus(t, resp, http.StatusNoContent)
	wantCORS(t, resp, allowed)

	raw := fiber.New(fiber.Config{DisableHeaderNormalizing: true})
	raw.Use(corsfiber.New(testConfig()))
	raw.Get("/items", okHandler)
	wantCORS(t, send(t, raw, "GET", "/items", "Origin", allowed), allowed)
	wantNoCORS(t, send(t, raw, "GET", "/items", "origin", allowed))
}

// TestCustomMethod: Fiber answers a method missing from Config.RequestMethods
// with 400 before any middleware runs; listed, it reaches the middleware and
// its handler like any other.
func TestCustomMethod(t *testing.T) {
	unlisted := fiber.New()
	unlisted.Use(corsfiber.New(testConfig()))
	resp := send(t, unlisted, "PURGE", "/cache", "Origin", allowed)
	wantStatus(t, resp, http.StatusBadRequest)
	wantNoCORS(t, resp)

	app := fiber.New(fiber.Config{RequestMethods: append(slices.Clone(fiber.DefaultMethods), "PURGE")})
	app.Use(corsfiber.New(testConfig()))
	app.Add("PURGE", "/cache", okHandler)
	resp = send(t, app, "PURGE", "/cache", "Origin", allowed)
	wantStatus(t, resp, http.StatusOK)
	wantCORS(t, resp, allowed)
}
