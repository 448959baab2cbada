package corsfasthttp_test

import (
	"bytes"
	"context"
	"log/slog"
	"testing"

	"github.com/valyala/fasthttp"

	corsfasthttp "github.com/corskit/corskit/adapters/fasthttp"
	"github.com/corskit/corskit/core/corstest"
)

// ctxKey is the key of the user value TestLogUsesRequestCtx sets.
type ctxKey struct{}

// ctxHandler is a slog handler that writes the record's message with the
// ctxKey value of the context it is logged with.
type ctxHandler struct{ buf *bytes.Buffer }

func (h ctxHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h ctxHandler) Handle(ctx context.Context, r slog.Record) error {
	s, _ := ctx.Value(ctxKey{}).(string)
	h.buf.WriteString(r.Message + " trace=" + s + "\n")
	return nil
}
func (h ctxHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h ctxHandler) WithGroup(string) slog.Handler      { return h }

// TestLogUsesRequestCtx: a rejection is logged with the request's
// *fasthttp.RequestCtx as its context, so that the Logger's handler sees
// the user values (Fiber's Locals) an earlier handler set.
func TestLogUsesRequestCtx(t *testing.T) {
	var buf bytes.Buffer
	cfg := corstest.CredentialedConfig()
	cfg.Logger = slog.New(ctxHandler{&buf})
	cors := corsfasthttp.New(cfg)(okHandler)
	h := func(ctx *fasthttp.RequestCtx) {
		ctx.SetUserValue(ctxKey{}, "abc123")
		cors(ctx)
	}
	for _, origin := range []string{corstest.AllowedOrigin, corstest.DisallowedOrigin} {
		var ctx fasthttp.RequestCtx
		ctx.Request.SetRequestURI("/items")
		ctx.Request.Header.Set("Origin", origin)
		h(&ctx)
	}
	if got := buf.String(); got != "cors: request rejected trace=abc123\n" {
		t.Errorf("log = %q, want the one rejection, with the user value", got)
	}
}
