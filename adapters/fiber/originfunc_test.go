package corsfiber_test

import (
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"

	corsfiber "github.com/corskit/corskit/adapters/fiber"
)

// TestOriginFuncPanicRecovered: a panic in AllowOriginFunc happens inside
// the CORS middleware; recover.New(), installed before it, answers 500 and
// the app goes on serving.
func TestOriginFuncPanicRecovered(t *testing.T) {
	app := fiber.New()
	app.Use(recover.New())
	app.Use(corsfiber.New(corsfiber.Config{AllowOriginFunc: func(o string) bool {
		if o == disallowed {
			panic("origin lookup failed")
		}
		return true
	}}))
	app.Get("/", okHandler)
	if r := send(t, app, "GET", "/", "Origin", disallowed); r.Status != fiber.StatusInternalServerError {
		t.Errorf("panicking AllowOriginFunc: status %d, want 500", r.Status)
	}
	if r := send(t, app, "GET", "/", "Origin", allowed); r.Status != fiber.StatusOK || r.Header.Get("Access-Control-Allow-Origin") != allowed {
		t.Errorf("after the panic: %d %v", r.Status, r.Header)
	}
}
