package cors

import "net/http"

// Request is what a [Policy] reads of an HTTP request: its method and the
// header fields of the CORS protocol. Each header field holds every field
// line of that name, as [net/http.Header] does; nil means the field is
// absent.
type Request struct {
	// Method is the request method, such as "GET" or "OPTIONS".
	Method string
	// Origin holds the Origin field lines.
	Origin []string
	// RequestMethod holds the Access-Control-Request-Method field lines.
	RequestMethod []string
	// RequestHeaders holds the Access-Control-Request-Headers field lines.
	RequestHeaders []string
	// RequestPrivateNetwork holds the Access-Control-Request-Private-Network
	// field lines.
	RequestPrivateNetwork []string
	// Path is the request's path. It decides nothing: log records carry
	// it, so that a rejection can be traced to its route.
	Path string
}

// RequestFromHTTP returns what a Policy reads of r. It refers to r's header
// lines; it copies nothing. Only an OPTIONS request can be a preflight, so
// only then are the Access-Control-Request-* fields read.
func RequestFromHTTP(r *http.Request) Request {
	req := Request{Method: r.Method, Origin: r.Header["Origin"], Path: r.URL.Path}
	if req.Method == http.MethodOptions {
		req.RequestMethod = r.Header["Access-Control-Request-Method"]
		req.RequestHeaders = r.Header["Access-Control-Request-Headers"]
		req.RequestPrivateNetwork = r.Header["Access-Control-Request-Private-Network"]
	}
	return req
}

// isPreflight reports whether req is a CORS-preflight request: an OPTIONS
// request with Origin and Access-Control-Request-Method. Any other request
// with Origin, OPTIONS included, is an actual request.
func (req *Request) isPreflight() bool {
	return req.Method == http.MethodOptions && len(req.Origin) > 0 && len(req.RequestMethod) > 0
}
