package corsfiber_test

import (
	"net"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/corskit/corskit/adapters/fasthttp/fasthttptest"
	corsfiber "github.com/corskit/corskit/adapters/fiber"
)

// TestStreaming: a server-sent-events response written with fasthttp's
// SetBodyStreamWriter carries the CORS headers, and each flushed event
// reaches the client while the handler is still writing, over a real
// socket.
func TestStreaming(t *testing.T) {
	fasthttptest.RunStreaming(t, func(t *testing.T, ln net.Listener, events fasthttp.RequestHandler) {
		app := fiber.New(fiber.Config{DisableStartupMessage: true})
		app.Use(corsfiber.New(testConfig()))
		app.Get("/events", func(c *fiber.Ctx) error {
			events(c.Context())
			return nil
		})
		done := make(chan error, 1)
		go func() { done <- app.Listener(ln) }()
		t.Cleanup(func() {
			if err := app.Shutdown(); err != nil {
				t.Error(err)
			}
			if err := <-done; err != nil {
				t.Error(err)
			}
		})
	})
}
