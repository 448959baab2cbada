package corsecho_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
	"github.com/labstack/echo/v4"
)

// Origins of the integration tests.
const (
	allowedOrigin = corstest.AllowedOrigin
	otherOrigin   = corstest.DisallowedOrigin
)

// testConfig is the policy of the integration tests: the suite's
// credentialed one.
func testConfig() cors.Config { return corstest.CredentialedConfig() }

// newEcho returns an Echo instance that logs nothing.
func newEcho() *echo.Echo {
	e := echo.New()
	e.Logger.SetOutput(io.Discard)
	return e
}

// ok is a handler that marks the response and answers 200.
func ok(c echo.Context) error {
	c.Response().Header().Set("X-Handler", "ran")
	return c.String(http.StatusOK, "handler body")
}

// serve sends one request to h in process; hdr holds header name, value
// pairs.
func serve(t *testing.T, h http.Handler, method, path string, hdr ...string) corstest.Response {
	t.Helper()
	return send(t, func(r *http.Request) (*http.Response, error) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		resp := w.Result()
		resp.Header = w.Header() // as left at the end, with fields set after the status
		return resp, nil
	}, method, path, hdr...)
}

// send sends one request to srv.
func send(t *testing.T, srv corstest.Server, method, path string, hdr ...string) corstest.Response {
	t.Helper()
	r, err := corstest.Send(srv, method, path, hdr...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// preflight sends to h a preflight for PUT with X-Request-Id from origin
// to path.
func preflight(t *testing.T, h http.Handler, origin, path string) corstest.Response {
	t.Helper()
	return serve(t, h, http.MethodOptions, path, "Origin", origin,
		"Access-Control-Request-Method", "PUT",
		"Access-Control-Request-Headers", "x-request-id")
}

// wantAnsweredPreflight fails t unless r is the middleware's answer to an
// allowed preflight from allowedOrigin.
func wantAnsweredPreflight(t *testing.T, r corstest.Response) {
	t.Helper()
	h := r.CORSHeaders()
	if r.Status != http.StatusNoContent || h["Access-Control-Allow-Origin"] != allowedOrigin ||
		!strings.Contains(h["Access-Control-Allow-Methods"], "PUT") ||
		!strings.Contains(strings.ToLower(h["Access-Control-Allow-Headers"]), "x-request-id") ||
		r.Header.Get("X-Handler") != "" || r.Header.Get("Allow") != "" || r.Body != "" {
		t.Errorf("preflight not answered by the middleware: %d %v %q", r.Status, r.Header, r.Body)
	}
}

// wantActualCORS fails t unless r has the status and carries the headers
// of an allowed actual request from allowedOrigin.
func wantActualCORS(t *testing.T, r corstest.Response, status int) {
	t.Helper()
	h := r.CORSHeaders()
	if r.Status != status || h["Access-Control-Allow-Origin"] != allowedOrigin ||
		h["Access-Control-Allow-Credentials"] != "true" ||
		h["Access-Control-Expose-Headers"] != "X-Request-Id" || !r.VaryHas("Origin") {
		t.Errorf("got %d %v %q, want %d with the CORS headers", r.Status, r.Header, r.Body, status)
	}
}
