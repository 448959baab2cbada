package corsfiber_test

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/recover"

	corsfiber "github.com/corskit/corskit/adapters/fiberv3"
	"github.com/corskit/corskit/core/corstest"
)

// TestPreflightWithoutRoute: preflights to a path with only a GET route, and
// to a path with no route, are answered by the middleware, not by Fiber's
// 405 or 404.
func TestPreflightWithoutRoute(t *testing.T) {
	bare := fiber.New()
	bare.Get("/items", okHandler)
	wantNoCORS(t, send(t, bare, "OPTIONS", "/items", preflightHeaders(allowed)...), http.StatusMethodNotAllowed)

	app := newApp()
	for _, path := range []string{"/items", "/nowhere"} {
		corstest.WantAnsweredPreflight(t, send(t, app, "OPTIONS", path, preflightHeaders(allowed)...))
		corstest.WantRejectedPreflight(t, send(t, app, "OPTIONS", path, preflightHeaders(disallowed)...))
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
	app.Group("/v2", corsfiber.New(testConfig())).Get("/items", okHandler)

	for _, path := range []string{"/api/items", "/api/nowhere", "/v2/items", "/v2/nowhere"} {
		corstest.WantAnsweredPreflight(t, send(t, app, "OPTIONS", path, preflightHeaders(allowed)...))
	}
	for _, path := range []string{"/api/items", "/v2/items"} {
		corstest.WantAllowedActual(t, send(t, app, "GET", path, "Origin", allowed), http.StatusOK)
	}
	wantNoCORS(t, send(t, app, "GET", "/public", "Origin", allowed), http.StatusOK)
	wantNoCORS(t, send(t, app, "OPTIONS", "/public", preflightHeaders(allowed)...), http.StatusMethodNotAllowed)
}

// TestWrongPlaces proves what the README says about where not to install the
// middleware: routes registered before app.Use do not get the headers, and
// middleware given to a single route never sees that route's preflights
// (install it with app.Use, or on a group, instead).
func TestWrongPlaces(t *testing.T) {
	app := fiber.New()
	app.Get("/early", okHandler)
	app.Use(corsfiber.New(testConfig()))
	app.Get("/late", okHandler)
	wantNoCORS(t, send(t, app, "GET", "/early", "Origin", allowed), http.StatusOK)
	corstest.WantAllowedActual(t, send(t, app, "GET", "/late", "Origin", allowed), http.StatusOK)

	route := fiber.New()
	route.Get("/items", corsfiber.New(testConfig()), okHandler)
	corstest.WantAllowedActual(t, send(t, route, "GET", "/items", "Origin", allowed), http.StatusOK)
	wantNoCORS(t, send(t, route, "OPTIONS", "/items", preflightHeaders(allowed)...), http.StatusMethodNotAllowed)
}

// TestErrorsKeepHeaders: responses written by Fiber's default error
// handler or a custom one, for a returned error, a 404, a 405 and a panic
// caught by middleware/recover (installed before or after the CORS
// middleware), carry the CORS headers.
func TestErrorsKeepHeaders(t *testing.T) {
	jsonErrors := fiber.Config{ErrorHandler: func(c fiber.Ctx, err error) error {
		code := fiber.StatusInternalServerError
		var e *fiber.Error
		if errors.As(err, &e) {
			code = e.Code
		}
		return c.Status(code).JSON(fiber.Map{"error": err.Error()})
	}}
	for _, cfg := range []fiber.Config{{}, jsonErrors} {
		for _, order := range [][2]any{{recover.New(), corsfiber.New(testConfig())}, {corsfiber.New(testConfig()), recover.New()}} {
			app := fiber.New(cfg)
			app.Use(order[0], order[1])
			app.Get("/error", func(fiber.Ctx) error { return errors.New("boom") })
			app.Get("/teapot", func(fiber.Ctx) error { return fiber.NewError(fiber.StatusTeapot) })
			app.Get("/panic", func(fiber.Ctx) error { panic("boom") })
			app.Get("/items", okHandler)
			for _, c := range []struct {
				method, path string
				status       int
			}{
				{"GET", "/error", 500}, {"GET", "/teapot", 418}, {"GET", "/panic", 500},
				{"GET", "/nowhere", 404}, {"POST", "/items", 405},
			} {
				corstest.WantAllowedActual(t, send(t, app, c.method, c.path, "Origin", allowed), c.status)
			}
		}
	}
}

// TestOptionsAndHead: an OPTIONS request that is not a preflight reaches its
// handler, with the CORS headers set; HEAD requests are served by the GET
// route with the headers and no body.
func TestOptionsAndHead(t *testing.T) {
	app := newApp()
	app.Options("/items", func(c fiber.Ctx) error {
		c.Set("Allow", "GET, HEAD, OPTIONS")
		return c.SendStatus(fiber.StatusOK)
	})
	withOrigin := send(t, app, "OPTIONS", "/items", "Origin", allowed)
	corstest.WantAllowedActual(t, withOrigin, http.StatusOK)
	withoutOrigin := send(t, app, "OPTIONS", "/items", "Access-Control-Request-Method", "PUT")
	wantNoCORS(t, withoutOrigin, http.StatusOK)
	for name, resp := range map[string]corstest.Response{"with Origin": withOrigin, "without Origin": withoutOrigin} {
		if got := resp.Header.Get("Allow"); got != "GET, HEAD, OPTIONS" {
			t.Errorf("OPTIONS %s: Allow = %q: the OPTIONS handler did not run", name, got)
		}
	}
	resp := send(t, app, "HEAD", "/items", "Origin", allowed)
	corstest.WantAllowedActual(t, resp, http.StatusOK)
	if resp.Body != "" {
		t.Errorf("HEAD body = %q", resp.Body)
	}
}

// TestHandlerHeadersSurvive: the handler's own fields and its additions to
// Vary (c.Vary, c.Append) are kept next to the middleware's; a handler may
// replace a CORS field with c.Set.
func TestHandlerHeadersSurvive(t *testing.T) {
	app := fiber.New()
	app.Use(corsfiber.New(testConfig()))
	app.Get("/items", func(c fiber.Ctx) error {
		c.Set("X-App", "ran")
		c.Vary("Accept-Encoding")
		c.Append("Vary", "Accept-Language")
		return c.SendString("ok")
	})
	app.Get("/replace", func(c fiber.Ctx) error {
		c.Set("Access-Control-Expose-Headers", "X-Other")
		return c.SendString("ok")
	})
	for _, kv := range [][]string{{"Origin", allowed}, {"Origin", disallowed}, nil} {
		resp := send(t, app, "GET", "/items", kv...)
		for _, v := range []string{"Origin", "Accept-Encoding", "Accept-Language"} {
			if !resp.VaryHas(v) {
				t.Errorf("%v: Vary %q lacks %s", kv, resp.Header.Values("Vary"), v)
			}
		}
		if got := resp.Header.Get("X-App"); got != "ran" {
			t.Errorf("%v: X-App = %q, want ran", kv, got)
		}
	}
	resp := send(t, app, "GET", "/replace", "Origin", allowed)
	if got := resp.Header.Values("Access-Control-Expose-Headers"); len(got) != 1 || got[0] != "X-Other" {
		t.Errorf("Access-Control-Expose-Headers = %q, want [X-Other]", got)
	}
}

// TestFiberSettings: field names are matched as fasthttp normalizes them,
// so lower-case names are read, and with DisableHeaderNormalizing only the
// canonical spelling is, as with Fiber's own c.Get; Fiber answers a method
// missing from Config.RequestMethods with 501 before any middleware runs,
// and a listed one reaches the middleware and its handler like any other.
func TestFiberSettings(t *testing.T) {
	lower := func(app *fiber.App, method string, kv ...string) corstest.Response {
		t.Helper()
		return corstest.MustSend(t, func(r *http.Request) (*http.Response, error) {
			h := http.Header{}
			for k, v := range r.Header {
				h[strings.ToLower(k)] = v
			}
			r.Header = h
			return server(app)(r)
		}, method, "/items", kv...)
	}
	corstest.WantAnsweredPreflight(t, lower(newApp(), "OPTIONS", preflightHeaders(allowed)...))
	raw := newApp(fiber.Config{DisableHeaderNormalizing: true})
	corstest.WantAllowedActual(t, send(t, raw, "GET", "/items", "Origin", allowed), http.StatusOK)
	wantNoCORS(t, lower(raw, "GET", "Origin", allowed), http.StatusOK)

	wantNoCORS(t, send(t, newApp(), "PURGE", "/items", "Origin", allowed), http.StatusNotImplemented)
	app := newApp(fiber.Config{RequestMethods: withMethods("PURGE")})
	app.Add([]string{"PURGE"}, "/items", okHandler)
	corstest.WantAllowedActual(t, send(t, app, "PURGE", "/items", "Origin", allowed), http.StatusOK)
}

// TestPreflightBodyReplaced: the answer to an allowed preflight has no body,
// whatever an earlier middleware wrote, also with PreflightStatus 200
// (whose body, unlike a 204's, would be sent).
func TestPreflightBodyReplaced(t *testing.T) {
	for _, status := range []int{http.StatusNoContent, http.StatusOK} {
		cfg := testConfig()
		cfg.PreflightStatus = status
		app := fiber.New()
		app.Use(func(c fiber.Ctx) error {
			c.Response().SetBodyString("written before the middleware")
			return c.Next()
		})
		app.Use(corsfiber.New(cfg))
		resp := send(t, app, "OPTIONS", "/items", preflightHeaders(allowed)...)
		if resp.Status != status || resp.Body != "" {
			t.Errorf("PreflightStatus %d: got %d %q, want no body", status, resp.Status, resp.Body)
		}
	}
}
