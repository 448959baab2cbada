package corsfiber_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	corsfiber "github.com/corskit/corskit/adapters/fiber"
)

// ctxKey is the key of the value TestLogUsesUserContext puts in the user
// context.
type ctxKey struct{}

// ctxHandler is a slog handler that writes the record's message with the
// ctxKey value of the context it is logged with.
type ctxHandler struct{ buf *bytes.Buffer }

func (h ctxHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h ctxHandler) Handle(ctx context.Context, r slog.Record) error {
	h.buf.WriteString(r.Message + " trace=" + fmtValue(ctx.Value(ctxKey{})) + "\n")
	return nil
}
func (h ctxHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h ctxHandler) WithGroup(string) slog.Handler      { return h }

func fmtValue(v any) string {
	s, _ := v.(string)
	return s
}

// TestLogUsesUserContext: a rejection is logged with the request's
// UserContext, as set by an earlier middleware.
func TestLogUsesUserContext(t *testing.T) {
	var buf bytes.Buffer
	cfg := testConfig()
	cfg.Logger = slog.New(ctxHandler{&buf})
	app := fiber.New()
	app.Use(func(c *fiber.Ctx) error {
		c.SetUserContext(context.WithValue(context.Background(), ctxKey{}, "abc123"))
		return c.Next()
	})
	app.Use(corsfiber.New(cfg))
	app.Get("/items", okHandler)
	send(t, app, "GET", "/items", "Origin", allowed)
	if buf.Len() != 0 {
		t.Fatalf("allowed request logged: %s", buf.String())
	}
	send(t, app, "GET", "/items", "Origin", disallowed)
	if got := buf.String(); !strings.Contains(got, "cors: request rejected trace=abc123") {
		t.Errorf("log = %q, want the rejection with the user context's value", got)
	}
}
