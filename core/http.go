package cors

import (
	"io"
	"net/http"
)

// RequestFromHTTP returns what [Policy.Decide] reads of r. It refers to r's
// header slices; it copies nothing. It reads the Access-Control-Request-*
// fields only when the request may be a preflight.
func RequestFromHTTP(r *http.Request) Request {
	var req Request
	req.readHTTP(r, true)
	return req
}

// readHTTP fills req, a zero Request, from r, reading
// Access-Control-Request-Private-Network only if privateNetwork is set: a
// policy that does not answer it never looks at it. It fills in place
// rather than returning a Request, which the compiler would copy twice.
func (req *Request) readHTTP(r *http.Request, privateNetwork bool) {
	req.Method, req.Origin = r.Method, r.Header["Origin"]
	if req.MayBePreflight() {
		req.RequestMethod = r.Header["Access-Control-Request-Method"]
		req.RequestHeaders = r.Header["Access-Control-Request-Headers"]
		if privateNetwork {
			req.RequestPrivateNetwork = r.Header["Access-Control-Request-Private-Network"]
		}
	}
}

// ServeCORS applies the policy to one net/http request: it sets the CORS
// response headers on w and, for a preflight the policy answers, writes the
// whole response and reports true. When it reports false the caller must
// call the next handler, which may still change the headers. This is the one
// call a middleware for a net/http-based framework makes. It is safe for
// concurrent use.
func (p *Policy) ServeCORS(w http.ResponseWriter, r *http.Request) (answered bool) {
	c := p.cur.Load() // one configuration for reading and deciding
	var req Request
	req.readHTTP(r, c.privateNetwork)
	reason := c.checkOrigin(&req)
	if c.onlyVary(&req, reason) {
		addHTTPVaryOrigin(w.Header())
		return false
	}
	var d Decision
	if origin, actual := c.decide(&req, reason, &d); actual {
		c.setActualHeaders(&d, origin)
	}
	d.setHTTPHeaders(w.Header(), req.RequestHeaders)
	if c.logs(&d) {
		logRejection(r.Context(), c.logger, &d, req.Method)
	}
	if d.Status == 0 {
		return false
	}
	w.WriteHeader(d.Status)
	if d.Body != "" {
		io.WriteString(w, d.Body)
	}
	return true
}

// Handler returns net/http middleware that applies the policy to every
// request before next sees it: preflights are answered (next is not called,
// unless PreflightPassthrough is set), and every other request reaches next
// with its CORS headers already set, so that they are on error responses
// too. Install it outside the router, so that preflights to any path are
// answered; it does not wrap the ResponseWriter. The returned handler is
// safe for concurrent use.
func (p *Policy) Handler(next http.Handler) http.Handler {
	return &handler{p, next}
}

// handler is the middleware Handler returns.
type handler struct {
	p    *Policy
	next http.Handler
}

// ServeHTTP is ServeCORS followed by next, written out again: a handler
// that called ServeCORS would cost about 40 instructions more per request
// (a frame, and the registers it saves around the call), and one function
// with a next parameter behind both costs 20 to 28 more on every framework,
// ServeCORS's callers included (callgrind). The conformance suite runs
// through both (TestConformance).
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c := h.p.cur.Load()
	var req Request
	req.readHTTP(r, c.privateNetwork)
	reason := c.checkOrigin(&req)
	if c.onlyVary(&req, reason) {
		addHTTPVaryOrigin(w.Header())
		h.next.ServeHTTP(w, r)
		return
	}
	var d Decision
	if origin, actual := c.decide(&req, reason, &d); actual {
		c.setActualHeaders(&d, origin)
	}
	d.setHTTPHeaders(w.Header(), req.RequestHeaders)
	if c.logs(&d) {
		logRejection(r.Context(), c.logger, &d, req.Method)
	}
	if d.Status == 0 {
		h.next.ServeHTTP(w, r)
		return
	}
	w.WriteHeader(d.Status)
	if d.Body != "" {
		io.WriteString(w, d.Body)
	}
}
