package corsfiber

import (
	"context"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"
	"github.com/valyala/fasthttp"

	cors "github.com/corskit/corskit/core"
)

// Names of the request header fields the core reads. The
// Access-Control-Request-* names are built from pieces of at most sixteen
// bytes, which the compiler compares inline (see corsFields.read).
const (
	headerOrigin                = "Origin"
	headerRequestMethod         = acrHead + acrMid + "Method"
	headerRequestHeaders        = acrHead + acrMid + "Headers"
	headerRequestPrivateNetwork = acrHead + acrMid + "Private-Network"

	acrHead = "Access-Control-R"
	acrMid  = "equest-"
	acrRest = len(acrHead + acrMid) // where the names differ
)

// lines is room for a field's lines on the stack: a browser sends one.
type lines [4]string

// apply decides c's request with p, writes the decision's header fields
// to c's response, and returns the status and body of the response to send
// now (status 0: none, call the next handler). The field lines it hands the
// core share the request header's bytes and live in arrays on apply's
// stack, which Apply does not retain: building the request costs no
// allocation. Only an OPTIONS request, which may be a preflight, has its
// Access-Control-Request-* fields read, together with Origin in one pass;
// any other has Origin looked up alone.
func apply(c *fiber.Ctx, p *cors.Policy) (status int, body string) {
	h := &c.Request().Header
	req := cors.Request{Method: c.Method()}
	if req.Method == fiber.MethodOptions {
		var f corsFields
		f.read(h)
		req.Origin = f.origin.lines(h, headerOrigin)
		req.RequestMethod = f.method.lines(h, headerRequestMethod)
		req.RequestHeaders = f.headers.lines(h, headerRequestHeaders)
		req.RequestPrivateNetwork = f.privateNetwork.lines(h, headerRequestPrivateNetwork)
	} else {
		var origin lines
		req.Origin = peekAll(h, headerOrigin, origin[:])
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

// corsFields holds the lines of the request fields the core reads.
type corsFields struct {
	origin, method, headers, privateNetwork fieldLines
}

// read collects the lines of Origin and the Access-Control-Request-*
// fields of h in one pass over h's fields. fasthttp's PeekAll would copy
// and normalize each name it is given and then pass over the fields: for
// four names, three of them long, that costs three times as much
// (BenchmarkCORSFieldsRead; TestCORSFieldsRead holds the two together). The
// names compare as PeekAll compares them: h holds canonical names unless
// normalizing is disabled, and then both see only canonical ones. The pass
// also has fasthttp parse the Cookie field, as it does the first time a
// cookie is read; a browser sends none with a preflight.
func (f *corsFields) read(h *fasthttp.RequestHeader) {
	h.VisitAll(func(name, value []byte) {
		if len(name) < acrRest {
			if string(name) == headerOrigin {
				f.origin.add(value)
			}
			return
		}
		// Compared piece by piece: a constant longer than sixteen bytes
		// would be compared by a call.
		if string(name[:len(acrHead)]) != acrHead || string(name[len(acrHead):acrRest]) != acrMid {
			return
		}
		switch string(name[acrRest:]) {
		case "Method":
			f.method.add(value)
		case "Headers":
			f.headers.add(value)
		case "Private-Network":
			f.privateNetwork.add(value)
		}
	})
}

// fieldLines collects a field's lines, as many as fit in buf, and counts
// them all.
type fieldLines struct {
	buf lines
	n   int
}

// add counts a line, and keeps it if buf has room.
func (f *fieldLines) add(value []byte) {
	if f.n < len(f.buf) {
		f.buf[f.n] = utils.UnsafeString(value)
	}
	f.n++
}

// lines returns the field's lines. Only a field with more lines than buf
// holds (a hostile request) is read again, with PeekAll, into a new slice:
// one allocation.
func (f *fieldLines) lines(h *fasthttp.RequestHeader, name string) []string {
	if f.n > len(f.buf) {
		return peekAll(h, name, nil)
	}
	return f.buf[:f.n]
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
