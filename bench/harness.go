package bench

//lint:file-ignore SA1019 ResponseHeader.VisitAll, deprecated in the fasthttp the workspace selects for Fiber v3 (v1.69.0), is the one way over the fields in v1.51.0, which this module requires.

import (
	"net/http"
	"net/http/httptest"
	"slices"

	"github.com/valyala/fasthttp"
)

// A Role says what an implementation stands for in the comparison.
type Role string

// The roles.
const (
	// Baseline is the framework with the same routes and no CORS middleware.
	Baseline Role = "baseline"
	// Floor sets the headers of an allowed request from constants, with no
	// decision: the practical lower bound of a CORS middleware.
	Floor Role = "floor"
	// VaryFloor reads Origin and adds Vary: Origin, with no decision: the
	// least the contract requires of a middleware for a request that gets
	// no Access-Control-* field (not CORS, or from a disallowed origin).
	VaryFloor Role = "vary-floor"
	// Native is a CORS middleware the framework's users pick today.
	Native Role = "native"
	// Corskit is corskit's adapter for the framework.
	Corskit Role = "corskit"
)

// A Framework is one web framework and the implementations measured on it.
type Framework struct {
	Name  string
	Impls []Impl
}

// An Impl is one implementation: the framework's application with one
// middleware (or none). Exactly one of HTTP and Fast is set.
type Impl struct {
	// Name is the benchmark key ("impl=Name").
	Name string
	Role Role
	// HTTP builds the application for net/http-based frameworks.
	HTTP func() http.Handler
	// Fast builds the application for Fiber.
	Fast func() fasthttp.RequestHandler
}

// Runner returns a function that serves one request of kind k, built once,
// on a response recorder (or RequestCtx) reset before each request. It is
// the body of every benchmark, identical for every implementation.
func (im Impl) Runner(k Kind) func() {
	if im.Fast != nil {
		h := im.Fast()
		ctx := fastContext(k)
		return func() {
			ctx.Response.Reset()
			h(ctx)
		}
	}
	h := im.HTTP()
	req := k.HTTPRequest()
	rec := newRecorder()
	return func() {
		rec.reset()
		h.ServeHTTP(rec, req)
	}
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
	if im.Fast != nil {
		ctx := fastContext(k)
		im.Fast()(ctx)
		res := Response{Status: ctx.Response.StatusCode(), Header: http.Header{}}
		ctx.Response.Header.VisitAll(func(name, value []byte) {
			res.Header.Add(string(name), string(value))
		})
		return res.corsOnly()
	}
	rec := httptest.NewRecorder()
	im.HTTP().ServeHTTP(rec, k.HTTPRequest())
	res := rec.Result()
	return Response{Status: res.StatusCode, Header: res.Header}.corsOnly()
}

// SharedSlices serves two requests of kind k on one application and
// returns, sorted, the Access-Control-* and Vary fields of the first
// response whose value shares its array with a value of the second, so
// that a handler changing one in place changes the other. It applies to
// net/http-based frameworks only (fasthttp copies header bytes).
func (im Impl) SharedSlices(k Kind) []string {
	if im.HTTP == nil {
		return nil
	}
	a, b := im.twoResponses(k)
	var shared []string
	for name, va := range corsFields(a) {
		for _, vb := range b {
			if len(va) > 0 && len(vb) > 0 && &va[0] == &vb[0] {
				shared = append(shared, name)
				break
			}
		}
	}
	slices.Sort(shared)
	return shared
}

// twoResponses serves two requests of kind k, built apart, on one
// application and returns the two header maps.
func (im Impl) twoResponses(k Kind) (a, b http.Header) {
	h := im.HTTP()
	ra, rb := newRecorder(), newRecorder()
	h.ServeHTTP(ra, k.HTTPRequest())
	h.ServeHTTP(rb, k.HTTPRequest())
	return ra.header, rb.header
}

// corsFields returns the Access-Control-* and Vary fields of h, the very
// slices h holds.
func corsFields(h http.Header) http.Header {
	out := http.Header{}
	for name, values := range h {
		if isCORSField(name) {
			out[name] = values
		}
	}
	return out
}

// recorder is a reusable http.ResponseWriter for the benchmarks. reset
// empties it while keeping its storage, so that every implementation gets
// the same warm map and buffer.
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
