package corsfiber_test

import (
	"net"
	"net/http"
	"testing"

	"github.com/gofiber/fiber/v3"
	"github.com/valyala/fasthttp"

	"github.com/corskit/corskit/adapters/fasthttp/fasthttptest"
	corsfiber "github.com/corskit/corskit/adapters/fiberv3"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// TestConformance runs the shared conformance suite, with its run-time
// policy updates under concurrent requests, through a real Fiber app, over
// app.Test (the request is written to and the response read from Fiber's
// server as bytes on a connection). The app's read buffer lets it read
// the suite's largest requests (8 KiB of Access-Control-Request-Headers;
// 100 lines of it), which Fiber's default of 4096 bytes answers with 431;
// it accepts every method the suite sends.
func TestConformance(t *testing.T) {
	corstest.Run(t, func(t *testing.T, p *cors.Policy, app http.Handler) corstest.Server {
		f := fiber.New(fiber.Config{ReadBufferSize: 32 << 10, RequestMethods: withMethods(corstest.Methods()...)})
		f.Use(corsfiber.FromPolicy(p))
		f.All("/*", fasthttptest.Handler(app)) // Fiber v3 takes a fasthttp handler as it is
		return server(f)
	})
}

// TestStreaming: a server-sent-events response written with fasthttp's
// SetBodyStreamWriter (c.SendStreamWriter in Fiber) carries the CORS
// headers, and each flushed event reaches the client while the handler is
// still writing, over a real socket.
func TestStreaming(t *testing.T) {
	fasthttptest.RunStreaming(t, func(t *testing.T, ln net.Listener, events fasthttp.RequestHandler) {
		app := fiber.New()
		app.Use(corsfiber.New(testConfig()))
		app.Get("/events", events)
		done := make(chan error, 1)
		go func() { done <- app.Listener(ln, fiber.ListenConfig{DisableStartupMessage: true}) }()
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
