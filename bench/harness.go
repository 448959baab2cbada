package bench

import (
	"net/http"
	"net/http/httptest"

	"github.com/valyala/fasthttp"
)

// Runner returns a function that serves one request of kind k, built once,
// on a response recorder (or RequestCtx) reset before each request: the
// body of every benchmark, the same for every implementation.
func (im Impl) Runner(k Kind) func() {
	switch h := im.App().(type) {
	case http.Handler:
		req, rec := k.HTTPRequest(), newRecorder()
		return func() {
			rec.reset()
			h.ServeHTTP(rec, req)
		}
	case fasthttp.RequestHandler:
		ctx := fastContext(k)
		return func() {
			ctx.Response.Reset()
			h(ctx)
		}
	}
	panic("bench: " + im.Name + " builds no application")
}

func fastContext(k Kind) *fasthttp.RequestCtx {
	var req fasthttp.Request
	k.FastRequest(&req)
	ctx := new(fasthttp.RequestCtx)
	ctx.Init(&req, nil, nil)
	return ctx
}

// Observe serves one request of kind k on a fresh application and returns
// the response's status and its Access-Control-* and Vary fields.
func (im Impl) Observe(k Kind) Response {
	app := im.App()
	if h, ok := app.(fasthttp.RequestHandler); ok {
		ctx := fastContext(k)
		h(ctx)
		header := http.Header{}
		for name, value := range ctx.Response.Header.All() {
			header.Add(string(name), string(value))
		}
		return Response{ctx.Response.StatusCode(), corsOnly(header)}
	}
	rec := httptest.NewRecorder()
	app.(http.Handler).ServeHTTP(rec, k.HTTPRequest())
	return Response{rec.Code, corsOnly(rec.Header())}
}

// recorder is a reusable http.ResponseWriter: reset empties it and keeps
// its storage, so that every implementation starts from the same warm map
// and buffer.
type recorder struct {
	header http.Header
	status int
	body   []byte
}

func newRecorder() *recorder {
	return &recorder{header: make(http.Header), body: make([]byte, 0, 512)}
}

func (r *recorder) reset() {
	clear(r.header)
	r.status = 0
	r.body = r.body[:0]
}

// Header returns the response header map.
func (r *recorder) Header() http.Header { return r.header }

// WriteHeader records the first status written.
func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

// Write appends p to the body.
func (r *recorder) Write(p []byte) (int, error) {
	r.WriteHeader(http.StatusOK)
	r.body = append(r.body, p...)
	return len(p), nil
}

// WriteString appends s to the body without converting it to bytes.
func (r *recorder) WriteString(s string) (int, error) {
	r.WriteHeader(http.StatusOK)
	r.body = append(r.body, s...)
	return len(s), nil
}
