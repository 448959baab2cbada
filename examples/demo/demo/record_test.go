package demo

import (
	"slices"
	"strings"
	"testing"

	cors "github.com/corskit/corskit/core"
)

// TestEventExplains checks what the page shows of each kind of decision of
// the demo policy: the outcome explained to a newcomer and the CORS header
// fields corskit set.
func TestEventExplains(t *testing.T) {
	const allowed, other = "http://localhost:3000", "http://localhost:3001"
	policy := cors.MustNew(Config(allowed))
	preflightVary := "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
	for _, tc := range []struct {
		name    string
		req     cors.Request
		outcome string
		fields  []string // the Access-Control-* field names, in order
	}{
		{"preflight allowed", preflight(allowed, "PUT", "x-demo-token"),
			"corskit answered 204 itself: the browser may now send the request",
			[]string{"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
				"Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Max-Age"}},
		{"header refused", preflight(allowed, "GET", "x-debug"),
			"corskit answered 200 itself, with Access-Control-Allow-Origin but without x-debug in " +
				"Access-Control-Allow-Headers: the browser will not send the request, and its console names the header",
			[]string{"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials"}},
		{"header refused for PUT", preflight(allowed, "PUT", "x-debug"),
			"without x-debug in Access-Control-Allow-Headers",
			[]string{"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods"}},
		{"method refused", preflight(allowed, "PATCH", ""),
			"corskit answered 200 itself, with Access-Control-Allow-Origin but without PATCH in " +
				"Access-Control-Allow-Methods: the browser will not send the request, and its console names the method",
			[]string{"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials"}},
		{"preflight from another origin", preflight(other, "GET", "x-debug"),
			"corskit answered 403 itself, without CORS headers: the browser will not send the request",
			nil},
		{"actual allowed", actual(allowed),
			"the handler ran; the CORS headers let the page read the response",
			[]string{"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Expose-Headers"}},
		{"actual from another origin", actual(other),
			"the handler ran, but without CORS headers the browser hides the response from the page",
			nil},
		{"no Origin", cors.Request{Method: "GET"}, "not a CORS request: the handler ran", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEvent(policy.Decide(tc.req), tc.req, "/api/hello", "r1")
			if !strings.Contains(e.Outcome, tc.outcome) {
				t.Errorf("outcome %q, want it to contain %q", e.Outcome, tc.outcome)
			}
			var names []string
			for _, h := range e.Headers {
				if strings.HasPrefix(h[0], "Access-Control-") {
					names = append(names, h[0])
				}
			}
			if !slices.Equal(names, tc.fields) {
				t.Errorf("CORS fields %q, want %q", names, tc.fields)
			}
			if vary := varyOf(e); tc.req.Method == "OPTIONS" && vary != preflightVary {
				t.Errorf("Vary %q, want %q", vary, preflightVary)
			}
		})
	}
}

func preflight(origin, method, headers string) cors.Request {
	req := cors.Request{Method: "OPTIONS", Origin: []string{origin}, RequestMethod: []string{method}}
	if headers != "" {
		req.RequestHeaders = []string{headers}
	}
	return req
}

func actual(origin string) cors.Request {
	return cors.Request{Method: "GET", Origin: []string{origin}}
}

func varyOf(e Event) string {
	for _, h := range e.Headers {
		if h[0] == "Vary" {
			return h[1]
		}
	}
	return ""
}
