package corschi_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// Origins of the integration tests.
const (
	origin     = corstest.AllowedOrigin
	evilOrigin = corstest.DisallowedOrigin
)

// rejectedOrigin is the body of the middleware's answer to a preflight from
// a disallowed origin.
const rejectedOrigin = "CORS preflight rejected: origin\n"

// testConfig is the integration tests' policy: the suite's credentialed one.
func testConfig() cors.Config { return corstest.CredentialedConfig() }

// serve sends one request to h in process; header holds name, value pairs.
func serve(t *testing.T, h http.Handler, method, path string, header ...string) corstest.Response {
	t.Helper()
	return send(t, func(r *http.Request) (*http.Response, error) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		resp := w.Result()
		resp.Header = w.Header() // as left at the end, with fields set after the status
		return resp, nil
	}, method, path, header...)
}

// send sends one request to srv.
func send(t *testing.T, srv corstest.Server, method, path string, header ...string) corstest.Response {
	t.Helper()
	r, err := corstest.Send(srv, method, path, header...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// preflight returns the header of a preflight from origin o for method.
func preflight(o, method string) []string {
	return []string{"Origin", o, "Access-Control-Request-Method", method}
}

// wantPreflightAnswered fails t unless r is the middleware's answer to an
// allowed preflight from origin.
func wantPreflightAnswered(t *testing.T, r corstest.Response) {
	t.Helper()
	h := r.CORSHeaders()
	if r.Status != http.StatusNoContent || r.Body != "" || h["Access-Control-Allow-Origin"] != origin ||
		h["Access-Control-Allow-Methods"] == "" || !r.VaryHas("Access-Control-Request-Method") {
		t.Errorf("got %d %v %q, want the middleware's 204 answer to the preflight", r.Status, r.Header, r.Body)
	}
}

// wantPreflightRejected fails t unless r is the middleware's 403 answer to
// a preflight from a disallowed origin.
func wantPreflightRejected(t *testing.T, r corstest.Response) {
	t.Helper()
	if r.Status != http.StatusForbidden || r.Body != rejectedOrigin {
		t.Errorf("got %d %q, want the middleware's 403", r.Status, r.Body)
	}
	wantNoCORS(t, r)
}

// wantActualAllowed fails t unless r has the status and carries the CORS
// headers of an allowed actual request from origin.
func wantActualAllowed(t *testing.T, r corstest.Response, status int) {
	t.Helper()
	h := r.CORSHeaders()
	if r.Status != status || h["Access-Control-Allow-Origin"] != origin || h["Access-Control-Allow-Credentials"] != "true" ||
		h["Access-Control-Expose-Headers"] != "X-Request-Id" || !r.VaryHas("Origin") {
		t.Errorf("got %d %v, want %d with the CORS headers of an allowed request", r.Status, r.Header, status)
	}
}

// wantNoCORS fails t if r carries any Access-Control-* header.
func wantNoCORS(t *testing.T, r corstest.Response) {
	t.Helper()
	if h := r.CORSHeaders(); len(h) > 0 {
		t.Errorf("unexpected CORS fields %q", h)
	}
}
