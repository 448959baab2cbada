package cors

import (
	"io"
	"net/http"
)

// RequestFromHTTP returns what [Policy.Decide] reads of r. It refers to r's
// header slices; it copies nothing. It reads the Access-Control-Request-*
// fields only when the request may be a preflight.
func RequestFromHTTP(r *http.Request) Request {
	return requestFromHTTP(r, true)
}

// requestFromHTTP is RequestFromHTTP, reading
// Access-Control-Request-Private-Network only if privateNetwork is set: a
// policy that does not answer it never looks at it.
func requestFromHTTP(r *http.Request, privateNetwork bool) Request {
	req := Request{Method: r.Method, Origin: r.Header["Origin"]}
	if req.MayBePreflight() {
		req.RequestMethod = r.Header["Access-Control-Request-Method"]
		req.RequestHeaders = r.Header["Access-Control-Request-Headers"]
		if privateNetwork {
			req.RequestPrivateNetwork = r.Header["Access-Control-Request-Private-Network"]
		}
	}
	return req
}

// ServeCORS applies the policy to one net/http request: it sets the CORS
// response headers on w and, for a preflight the policy answers, writes the
// whole response and reports true. When it reports false the caller must
// call the next handler, which may still change the headers. This is the one
// call a middleware for a net/http-based framework makes. It is safe for
// concurrent use.
func (p *Policy) ServeCORS(w http.ResponseWriter, r *http.Request) (answered bool) {
	var d Decision
	c := p.cur.Load() // one configuration for reading and deciding
	req := requestFromHTTP(r, c.privateNetwork)
	c.apply(r.Context(), &req, w.Header(), &d)
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
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p.ServeCORS(w, r) {
			return
		}
		next.ServeHTTP(w, r)
	})
}
