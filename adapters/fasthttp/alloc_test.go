package corsfasthttp_test

import (
	"testing"

	"github.com/valyala/fasthttp"

	corsfasthttp "github.com/corskit/corskit/adapters/fasthttp"
	"github.com/corskit/corskit/adapters/fasthttp/fasthttptest"
	cors "github.com/corskit/corskit/core"
)

// TestZeroAllocations: with the middleware, a fasthttp handler serves
// every kind of request without allocating (see
// [fasthttptest.RunZeroAllocations]).
func TestZeroAllocations(t *testing.T) {
	fasthttptest.RunZeroAllocations(t, func(cfg cors.Config) fasthttp.RequestHandler {
		return corsfasthttp.New(cfg)(okHandler)
	})
}

// okHandler is a handler that writes a short body, allocating nothing.
func okHandler(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("ok") }
