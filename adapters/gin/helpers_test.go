package corsgin_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	corsgin "github.com/corskit/corskit/adapters/gin"
	"github.com/corskit/corskit/core/corstest"
)

// Origins of the integration tests.
const (
	origin      = "https://app.example.com"
	otherOrigin = "https://admin.example.com"
	evilOrigin  = "https://evil.example.net"
)

// testConfig is the integration tests' policy: one origin, credentials,
// PUT and DELETE, one extra request header, one exposed header.
func testConfig() corsgin.Config {
	return corsgin.Config{
		AllowOrigins:     []string{origin},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"X-Request-Id"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
	}
}

// A response is what a test reads of an HTTP response.
type response struct {
	Code   int
	Header http.Header
	Body   string
}

// newRequest builds a request with header given as name, value pairs.
func newRequest(method, path string, header ...string) *http.Request {
	r := httptest.NewRequest(method, "http://api.example.com"+path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Add(header[i], header[i+1])
	}
	return r
}

// serve sends one request to h in process.
func serve(h http.Handler, method, path string, header ...string) response {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, newRequest(method, path, header...))
	return response{w.Code, w.Header(), w.Body.String()}
}

// do sends one request to srv over TCP.
func do(t *testing.T, srv corstest.Server, method, path string, header ...string) response {
	t.Helper()
	req := newRequest(method, path, header...)
	req.RequestURI = ""
	resp, err := srv(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(body)}
}

// preflight returns the header of a preflight from origin o for method.
func preflight(o, method string) []string {
	return []string{"Origin", o, "Access-Control-Request-Method", method}
}

// hasVary reports whether h's Vary field lists token.
func hasVary(h http.Header, token string) bool {
	for _, line := range h.Values("Vary") {
		for _, v := range strings.Split(line, ",") {
			if strings.EqualFold(strings.TrimSpace(v), token) {
				return true
			}
		}
	}
	return false
}

// wantPreflightAnswered fails t unless r is the middleware's answer to an
// allowed preflight from origin.
func wantPreflightAnswered(t *testing.T, r response) {
	t.Helper()
	if r.Code != http.StatusNoContent || r.Body != "" ||
		r.Header.Get("Access-Control-Allow-Origin") != origin ||
		r.Header.Get("Access-Control-Allow-Methods") == "" ||
		!hasVary(r.Header, "Access-Control-Request-Method") {
		t.Errorf("got %d %v %q, want the middleware's 204 answer to the preflight", r.Code, r.Header, r.Body)
	}
}

// wantActualAllowed fails t unless r carries the CORS headers of an allowed
// actual request from origin.
func wantActualAllowed(t *testing.T, r response) {
	t.Helper()
	if r.Header.Get("Access-Control-Allow-Origin") != origin ||
		r.Header.Get("Access-Control-Allow-Credentials") != "true" ||
		r.Header.Get("Access-Control-Expose-Headers") != "X-Request-Id" ||
		!hasVary(r.Header, "Origin") {
		t.Errorf("got %d %v, want the CORS headers of an allowed request", r.Code, r.Header)
	}
}

// wantNoCORS fails t if r carries any Access-Control-* header.
func wantNoCORS(t *testing.T, r response) {
	t.Helper()
	for k := range r.Header {
		if strings.HasPrefix(k, "Access-Control-") {
			t.Errorf("unexpected %s: %q", k, r.Header.Values(k))
		}
	}
}
