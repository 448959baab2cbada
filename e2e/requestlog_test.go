package e2e

import (
	"fmt"
	"net/http"
	"strings"
	"sync"
)

// seen is what the API server received in one request, recorded before the
// CORS middleware ran.
type seen struct {
	Method         string
	Path           string
	Origin         []string // nil: no Origin header
	RequestMethod  string   // Access-Control-Request-Method
	RequestHeaders string   // Access-Control-Request-Headers
	Cookie         string
	SecFetchSite   string // Sec-Fetch-Site
}

// preflight reports whether the request was a CORS preflight.
func (s seen) preflight() bool {
	return s.Method == http.MethodOptions && len(s.Origin) > 0 && s.RequestMethod != ""
}

// String renders the request for failure messages.
func (s seen) String() string {
	out := s.Method + " " + s.Path
	if s.Origin != nil {
		out += fmt.Sprintf(" Origin=%q", strings.Join(s.Origin, ", "))
	}
	if s.RequestMethod != "" {
		out += " ACRM=" + s.RequestMethod
	}
	if s.RequestHeaders != "" {
		out += " ACRH=" + s.RequestHeaders
	}
	if s.Cookie != "" {
		out += " Cookie=" + s.Cookie
	}
	if s.SecFetchSite != "" {
		out += " Sec-Fetch-Site=" + s.SecFetchSite
	}
	return out
}

// requestLog is the server-side record of the requests that reached an API
// server, keyed by the case query parameter every test URL carries.
type requestLog struct {
	mu     sync.Mutex
	byCase map[string][]seen
}

// newRequestLog returns an empty log.
func newRequestLog() *requestLog {
	return &requestLog{byCase: make(map[string][]seen)}
}

// record records r. Implementations call it before the CORS middleware
// runs, so that it sees the preflights the middleware answers. It copies
// every string: under Fiber, r's strings share fasthttp's buffers, which
// the next request overwrites.
func (l *requestLog) record(r *http.Request) {
	s := seen{
		Method:         strings.Clone(r.Method),
		Path:           strings.Clone(r.URL.Path),
		RequestMethod:  strings.Clone(r.Header.Get("Access-Control-Request-Method")),
		RequestHeaders: strings.Clone(r.Header.Get("Access-Control-Request-Headers")),
		Cookie:         strings.Clone(r.Header.Get("Cookie")),
		SecFetchSite:   strings.Clone(r.Header.Get("Sec-Fetch-Site")),
	}
	for _, o := range r.Header.Values("Origin") {
		s.Origin = append(s.Origin, strings.Clone(o))
	}
	id := strings.Clone(r.URL.Query().Get("case"))
	l.mu.Lock()
	l.byCase[id] = append(l.byCase[id], s)
	l.mu.Unlock()
}

// requests returns the requests received for the case id, in order.
func (l *requestLog) requests(id string) []seen {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]seen(nil), l.byCase[id]...)
}

// history renders requests for failure messages.
func history(requests []seen) string {
	if len(requests) == 0 {
		return "the server received nothing"
	}
	lines := make([]string, len(requests))
	for i, s := range requests {
		lines[i] = s.String()
	}
	return "the server received:\n\t" + strings.Join(lines, "\n\t")
}
