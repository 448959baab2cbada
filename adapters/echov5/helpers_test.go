package corsecho_test

import (
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/labstack/echo/v5"

	corsecho "github.com/corskit/corskit/adapters/echov5"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
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
	e.Logger = slog.New(slog.DiscardHandler)
	return e
}

// newCORSEcho returns a [newEcho] running the middleware, applying
// testConfig, installed with e.Use.
func newCORSEcho() *echo.Echo {
	e := newEcho()
	e.Use(corsecho.New(testConfig()))
	return e
}

// ok is a handler that marks the response and answers 200.
func ok(c *echo.Context) error {
	c.Response().Header().Set("X-Handler", "ran")
	return c.String(http.StatusOK, "handler body")
}

// serve sends one request to h in process; hdr holds header name, value
// pairs.
func serve(t *testing.T, h http.Handler, method, path string, hdr ...string) corstest.Response {
	t.Helper()
	return corstest.MustSend(t, corstest.InProcess(h), method, path, hdr...)
}

// preflight sends to h a preflight for PUT with X-Request-Id from origin
// to path.
func preflight(t *testing.T, h http.Handler, origin, path string) corstest.Response {
	t.Helper()
	return serve(t, h, http.MethodOptions, path, corstest.PreflightHeader(origin, "PUT", "x-request-id")...)
}

// wantAnsweredPreflight is [corstest.WantAnsweredPreflight] for a
// [preflight], which also fails t unless the answer allows X-Request-Id and
// neither a route's handler nor Echo's automatic OPTIONS handler ran.
func wantAnsweredPreflight(t *testing.T, r corstest.Response) {
	t.Helper()
	corstest.WantAnsweredPreflight(t, r)
	if !strings.Contains(strings.ToLower(r.Header.Get("Access-Control-Allow-Headers")), "x-request-id") ||
		r.Header.Get("X-Handler") != "" || r.Header.Get("Allow") != "" {
		t.Errorf("preflight not answered by the middleware alone: %d %v %q", r.Status, r.Header, r.Body)
	}
}
