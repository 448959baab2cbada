package corsfiber_test

import (
	"net/http"
	"slices"
	"testing"

	"github.com/gofiber/fiber/v3"

	corsfiber "github.com/corskit/corskit/adapters/fiberv3"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// Origins of the integration tests.
const (
	allowed    = corstest.AllowedOrigin
	disallowed = corstest.DisallowedOrigin
)

// testConfig is the policy of the integration tests: the suite's
// credentialed policy.
func testConfig() cors.Config { return corstest.CredentialedConfig() }

// okHandler is a route handler that writes a short body, allocating nothing.
func okHandler(c fiber.Ctx) error { return c.SendString("ok") }

// newApp returns an app with the middleware installed by app.Use, and a
// GET route /items.
func newApp(cfg ...fiber.Config) *fiber.App {
	app := fiber.New(cfg...)
	app.Use(corsfiber.New(testConfig()))
	app.Get("/items", okHandler)
	return app
}

// server returns a corstest.Server that sends each request through
// app.Test, without a time limit: written to and read from Fiber's server
// as bytes.
func server(app *fiber.App) corstest.Server {
	return func(r *http.Request) (*http.Response, error) { return app.Test(r, fiber.TestConfig{}) }
}

// send sends one request through app.Test, with the header fields kv
// given as name, value pairs.
func send(t *testing.T, app *fiber.App, method, path string, kv ...string) corstest.Response {
	t.Helper()
	return corstest.MustSend(t, server(app), method, path, kv...)
}

// preflightHeaders are the header fields of a preflight from origin for a
// PUT with X-Request-Id.
func preflightHeaders(origin string) []string {
	return corstest.PreflightHeader(origin, "PUT", "x-request-id")
}

// wantNoCORS fails t unless resp has the status and no Access-Control-*
// field.
func wantNoCORS(t *testing.T, resp corstest.Response, status int) {
	t.Helper()
	if resp.Status != status {
		t.Errorf("status = %d, want %d", resp.Status, status)
	}
	corstest.WantNoCORS(t, resp)
}

// withMethods returns Fiber's default methods and the others given:
// Fiber answers a method its configuration does not list with 501 before
// any middleware runs.
func withMethods(ms ...string) []string {
	methods := slices.Clone(fiber.DefaultMethods)
	for _, m := range ms {
		if !slices.Contains(methods, m) {
			methods = append(methods, m)
		}
	}
	return methods
}
