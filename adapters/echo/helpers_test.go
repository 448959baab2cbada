package corsecho_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	corsecho "github.com/corskit/corskit/adapters/echo"
	"github.com/labstack/echo/v4"
)

// Origins of the integration tests.
const (
	allowedOrigin = "https://app.example.com"
	otherOrigin   = "https://evil.example"
)

// testConfig is the policy of the integration tests.
func testConfig() corsecho.Config {
	return corsecho.Config{
		AllowOrigins:     []string{allowedOrigin},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"X-Token"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
	}
}

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

// serve sends one request to h and returns the recorded response. hdr holds
// header name, value pairs.
func serve(h http.Handler, method, path string, hdr ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		r.Header.Add(hdr[i], hdr[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// preflight sends a preflight for PUT with X-Token from origin to path.
func preflight(h http.Handler, origin, path string) *httptest.ResponseRecorder {
	return serve(h, http.MethodOptions, path, "Origin", origin,
		"Access-Control-Request-Method", "PUT",
		"Access-Control-Request-Headers", "x-token")
}

// wantAnsweredPreflight fails t unless w is the middleware's answer to an
// allowed preflight from allowedOrigin.
func wantAnsweredPreflight(t *testing.T, w *httptest.ResponseRecorder) {
	t.Helper()
	h := w.Header()
	if w.Code != http.StatusNoContent || h.Get("Access-Control-Allow-Origin") != allowedOrigin ||
		!strings.Contains(h.Get("Access-Control-Allow-Methods"), "PUT") ||
		!strings.Contains(strings.ToLower(h.Get("Access-Control-Allow-Headers")), "x-token") ||
		h.Get("X-Handler") != "" ||
		h.Get("Allow") != "" || w.Body.Len() != 0 {
		t.Errorf("preflight not answered by the middleware: %d %v %q", w.Code, h, w.Body)
	}
}

// wantActualCORS fails t unless w carries the headers of an allowed actual
// request from allowedOrigin.
func wantActualCORS(t *testing.T, w *httptest.ResponseRecorder) {
	t.Helper()
	h := w.Header()
	if h.Get("Access-Control-Allow-Origin") != allowedOrigin ||
		h.Get("Access-Control-Allow-Credentials") != "true" ||
		h.Get("Access-Control-Expose-Headers") != "X-Request-Id" || !hasVary(h, "Origin") {
		t.Errorf("missing CORS headers: %d %v %q", w.Code, h, w.Body)
	}
}

// hasVary reports whether h's Vary field lists name.
func hasVary(h http.Header, name string) bool {
	for _, line := range h.Values("Vary") {
		for _, tok := range strings.Split(line, ",") {
			if strings.EqualFold(strings.TrimSpace(tok), name) {
				return true
			}
		}
	}
	return false
}

// TestFromPolicyNil proves that a nil policy is refused when the middleware
// is built, not on the first request.
func TestFromPolicyNil(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("FromPolicy(nil) did not panic")
		}
	}()
	corsecho.FromPolicy(nil)
}
