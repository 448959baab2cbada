package fasthttptest

//lint:file-ignore SA1019 VisitAll, deprecated in later fasthttp versions, is the one way over the fields in v1.51.0, the version Fiber v2 requires.

import (
	"net/http"
	"strings"

	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/fasthttpadaptor"
)

// Handler returns a fasthttp handler that serves h, such as the
// conformance suite's application, so that h sees the response the way a
// native fasthttp or Fiber handler does: its Header() already holds the
// fields set before it ran (by the CORS middleware), Set replaces them and
// Add adds to them. The adaptors of fasthttp (fasthttpadaptor) and Fiber
// cannot be used for the suite: they show the handler an empty
// http.Header and then add or set every field it holds on the response,
// so that a handler's Set of a CORS field yields two values instead of
// replacing one, or its Add to Vary replaces the middleware's.
//
// The header is copied back when h returns, not at its first Write, and
// the body is buffered: enough for the suite's handlers, which are its
// only users. A Fiber app mounts it with app.All("/*", ...): Fiber v3
// takes a fasthttp.RequestHandler as it is; with Fiber v2, call it with
// c.Context().
func Handler(h http.Handler) fasthttp.RequestHandler {
	return func(ctx *fasthttp.RequestCtx) {
		var r http.Request
		if err := fasthttpadaptor.ConvertRequest(ctx, &r, true); err != nil {
			ctx.Error(err.Error(), http.StatusInternalServerError)
			return
		}
		resp := &ctx.Response.Header
		w := &writer{ctx: ctx, header: http.Header{}, status: http.StatusOK}
		resp.VisitAll(func(k, v []byte) {
			if !strings.EqualFold(string(k), "Content-Length") {
				w.header.Add(string(k), string(v))
			}
		})
		before := make([]string, 0, len(w.header))
		for k := range w.header {
			before = append(before, k)
		}
		h.ServeHTTP(w, &r)
		for _, k := range before {
			resp.Del(k)
		}
		for k, vs := range w.header {
			for _, v := range vs {
				resp.Add(k, v)
			}
		}
		ctx.SetStatusCode(w.status)
	}
}

// writer is the http.ResponseWriter of [Handler].
type writer struct {
	ctx    *fasthttp.RequestCtx
	header http.Header
	status int
	wrote  bool
}

func (w *writer) Header() http.Header { return w.header }

func (w *writer) WriteHeader(status int) {
	if !w.wrote {
		w.status, w.wrote = status, true
	}
}

func (w *writer) Write(p []byte) (int, error) {
	w.wrote = true
	w.ctx.Response.AppendBody(p)
	return len(p), nil
}
