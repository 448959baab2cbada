package corsfiber

import (
	"context"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"
	"github.com/valyala/fasthttp"

	cors "github.com/corskit/corskit/core"
)

// Names of the request header fields the core reads.
const (
	headerOrigin                = "Origin"
	headerRequestMethod         = "Access-Control-Request-Method"
	headerRequestHeaders        = "Access-Control-Request-Headers"
	headerRequestPrivateNetwork = "Access-Control-Request-Private-Network"
)

// lines is room for a field's lines on the stack: a browser sends one.
type lines [4]string

// apply decides c's request with p, writes the decision's header fields
// to c's response, and returns the status and body of the response to send
// now (status 0: none, call the next handler). The field lines it hands the
// core share the request header's bytes and live in arrays on apply's
// stack, which Apply does not retain: building the request costs no
// allocation. The Access-Control-Request-* fields are read only for a
// possible preflight, the only requests the core reads them for, and only
// then are their arrays zeroed.
func apply(c *fiber.Ctx, p *cors.Policy) (status int, body string) {
	var origin lines
	h := &c.Request().Header
	req := cors.Request{Method: c.Method(), Origin: peekAll(h, headerOrigin, origin[:])}
	if req.MayBePreflight() {
		var method, headers, pna lines
		req.RequestMethod = peekAll(h, headerRequestMethod, method[:])
		req.RequestHeaders = peekAll(h, headerRequestHeaders, headers[:])
		req.RequestPrivateNetwork = peekAll(h, headerRequestPrivateNetwork, pna[:])
	}
	ctx := context.Background()
	if p.Logs() {
		// Fetching the user context looks it up among the request's user
		// values, and stores one when there is none: done only to log.
		ctx = c.UserContext()
	}
	return p.Apply(ctx, &req, responseWriter{&c.Response().Header})
}

// peekAll returns every line of the field name, in dst when it has room
// for them, or nil if there is none. Only a request with more lines than
// dst has room for (a hostile one) costs an allocation. The strings share
// h's bytes: they must not outlive the handler call.
func peekAll(h *fasthttp.RequestHeader, name string, dst []string) []string {
	values := h.PeekAll(name)
	if len(values) == 0 {
		return nil
	}
	if len(values) > len(dst) {
		dst = make([]string, len(values))
	}
	dst = dst[:len(values)]
	for i, v := range values {
		dst[i] = utils.UnsafeString(v)
	}
	return dst
}

// responseWriter is the core's view of fasthttp's response header. Its Set
// skips the normalization of the field name that fasthttp's Set does (most
// of the cost of a Set): the core's names are canonical already, and its
// values never hold CR, LF or NUL.
type responseWriter struct {
	h *fasthttp.ResponseHeader
}

// Set replaces the field name's value, as fasthttp's Set does.
func (w responseWriter) Set(name, value string) {
	w.h.SetCanonical(utils.UnsafeBytes(name), utils.UnsafeBytes(value))
}

// Add adds a line to the field name, as fasthttp's Add does.
func (w responseWriter) Add(name, value string) {
	w.h.Add(name, value)
}
