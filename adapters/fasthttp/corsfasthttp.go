// Package corsfasthttp is corskit's CORS middleware for fasthttp
// (github.com/valyala/fasthttp) servers, and the translation between
// fasthttp's headers and the core that corskit's Fiber v2 and Fiber v3
// adapters share.
//
// Wrap the server's handler with it, so that it sees every request
// before routing:
//
//	import corsfasthttp "github.com/corskit/corskit/adapters/fasthttp"
//
//	cors := corsfasthttp.New(corsfasthttp.Config{
//		AllowOrigins:     []string{"https://app.example.com"},
//		AllowCredentials: true,
//	})
//	log.Fatal(fasthttp.ListenAndServe(":8080", cors(router)))
//
// It answers preflights (also to paths the router has no OPTIONS route
// for) without calling the next handler, and sets the CORS headers of
// every other request before the next handler runs, which may still change
// them.
//
// It reads the request's header fields and writes the response's the
// fasthttp way, without converting the request to net/http, and allocates
// nothing per request (a hostile request with more than four lines of one
// field costs one allocation). It reads the fields by their canonical
// names (Origin, Access-Control-Request-Method, ...), as fasthttp
// normalizes them; a server with DisableHeaderNamesNormalizing sees only
// fields spelled that way.
//
// A framework built on fasthttp calls [Apply] from its own middleware, as
// corskit's Fiber adapters do.
//
// All CORS behaviour lives in the core package
// (github.com/corskit/corskit/core); Config is its configuration, so that
// one import suffices.
package corsfasthttp

import (
	"github.com/valyala/fasthttp"

	cors "github.com/corskit/corskit/core"
)

// Config is corskit's configuration; see [cors.Config].
type Config = cors.Config

// New returns fasthttp middleware that applies the CORS policy described
// by cfg. It panics, with the error naming every problem of cfg, if cfg is
// refused; use [cors.New] and [FromPolicy] to handle the error instead.
func New(cfg Config) func(fasthttp.RequestHandler) fasthttp.RequestHandler {
	return FromPolicy(cors.MustNew(cfg))
}

// FromPolicy returns fasthttp middleware that applies p. p may be replaced
// at run time with [cors.Policy.Update], concurrently with requests: each
// request sees the old configuration or the new one, never a mixture. It
// panics if p is nil.
//
// A preflight the policy answers is answered in full (status, headers,
// body) and the next handler is not called. Every other request reaches
// the next handler with its CORS headers already set.
func FromPolicy(p *cors.Policy) func(fasthttp.RequestHandler) fasthttp.RequestHandler {
	if p == nil {
		panic("corsfasthttp: FromPolicy called with a nil *cors.Policy")
	}
	return func(next fasthttp.RequestHandler) fasthttp.RequestHandler {
		return func(ctx *fasthttp.RequestCtx) {
			status, body := Apply(p, ctx)
			if status == 0 {
				next(ctx)
				return
			}
			ctx.SetStatusCode(status)
			if body == "" {
				// An allowed preflight: no body. Unlike SetBodyString(""),
				// ResetBody takes no buffer from fasthttp's pool for it.
				ctx.Response.ResetBody()
				return
			}
			ctx.Response.SetBodyString(body)
		}
	}
}

// Apply applies p to the request in ctx: it reads the request's Origin
// and, for any method but GET and HEAD, its Access-Control-Request-* fields
// (an OPTIONS request may be a preflight) and Sec-Fetch-Site and host (for
// Config.CrossOriginProtection), decides with [cors.Policy.Apply], and
// writes the decision's header fields to ctx's response. It returns what
// to send now: status 0 means nothing (serve the request: call the next
// handler); otherwise the caller answers with status and body, without
// calling the next handler. Apply writes neither; the decision's fields
// are in ctx.Response.Header, where a later handler may change them.
//
// ctx is the context a rejection is logged with (Config.Logger): a
// *fasthttp.RequestCtx is a [context.Context] whose Value returns the
// request's user values (Fiber's Locals).
//
// Apply allocates nothing: the field lines it hands the core share the
// request header's bytes and live in arrays on its stack. Only a hostile
// request with more than four lines of one field costs one allocation. It
// is the one call a middleware for a framework built on fasthttp makes.
func Apply(p *cors.Policy, ctx *fasthttp.RequestCtx) (status int, body string) {
	h := &ctx.Request.Header
	req := cors.Request{Method: unsafeString(h.Method()), Path: unsafeString(ctx.Path())}
	switch req.Method {
	case fasthttp.MethodGet, fasthttp.MethodHead:
		var origin lines
		req.Origin = peekAll(h, headerOrigin, origin[:])
	default:
		// A preflight (OPTIONS), or an unsafe method, which cross-origin
		// protection checks: Origin and the fields they read, in one pass.
		var f corsFields
		f.read(h)
		req.Origin = f.origin.lines(h, headerOrigin)
		req.RequestMethod = f.method.lines(h, headerRequestMethod)
		req.RequestHeaders = f.headers.lines(h, headerRequestHeaders)
		req.RequestPrivateNetwork = f.privateNetwork.lines(h, headerRequestPrivateNetwork)
		req.SecFetchSite = f.secFetchSite.lines(h, headerSecFetchSite)
		req.Host = unsafeString(h.Host())
	}
	return p.Apply(ctx, req, responseHeader{&ctx.Response.Header})
}
