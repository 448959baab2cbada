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
	// SecFetchSite holds the Sec-Fetch-Site field lines, and Host is the
	// request's host (its Host field): what Config.CrossOriginProtection
	// reads of a request with an unsafe method.
	SecFetchSite []string
	Host         string
	// Path is the request's path. It decides nothing: log records carry
	// it, so that a rejection can be traced to its route.
	Path string
}

// RequestFromHTTP returns what a Policy reads of r. It refers to r's header
// lines; it copies nothing. Only an OPTIONS request can be a preflight, so
// only then are the Access-Control-Request-* fields read, and only a
// request with an unsafe method can be refused as cross-origin, so only
// then is Sec-Fetch-Site.
func RequestFromHTTP(r *http.Request) Request {
	return requestFromHTTP(r, true)
}

// requestFromHTTP is RequestFromHTTP, reading
// Access-Control-Request-Private-Network only if privateNetwork is set: a
// policy that does not answer it never reads it.
func requestFromHTTP(r *http.Request, privateNetwork bool) Request {
	req := Request{Method: r.Method, Origin: r.Header["Origin"], Host: r.Host, Path: r.URL.Path}
	if !isSafeMethod(req.Method) {
		req.SecFetchSite = r.Header["Sec-Fetch-Site"]
	}
	if req.Method == http.MethodOptions {
		req.RequestMethod = r.Header["Access-Control-Request-Method"]
		req.RequestHeaders = r.Header["Access-Control-Request-Headers"]
		if privateNetwork {
			req.RequestPrivateNetwork = r.Header["Access-Control-Request-Private-Network"]
		}
	}
	return req
}

// isPreflight reports whether req is a CORS-preflight request: an OPTIONS
// request with Origin and Access-Control-Request-Method. Any other request
// with Origin, OPTIONS included, is an actual request.
func (req *Request) isPreflight() bool {
	return req.Method == http.MethodOptions && len(req.Origin) > 0 && len(req.RequestMethod) > 0
}

// isSafeMethod reports whether m is one of the methods that, by HTTP's
// rules, change nothing on the server, which cross-origin protection never
// refuses.
func isSafeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}
