package corstest

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// InProcess returns a Server that calls h directly, with an
// [httptest.ResponseRecorder]. The response's Header is the header map as
// the handlers left it, including fields set after the status was written,
// so that a test also sees what a handler did after an answered preflight.
func InProcess(h http.Handler) Server {
	return func(r *http.Request) (*http.Response, error) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		resp := w.Result()
		resp.Header = w.Header()
		return resp, nil
	}
}

// MustSend is [Send] that fails t if the request cannot be sent.
func MustSend(t testing.TB, srv Server, method, path string, header ...string) Response {
	t.Helper()
	r, err := Send(srv, method, path, header...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// PreflightHeader returns the header fields of a preflight from origin
// for method, as name, value pairs for [Send]; requestHeaders, if any, go
// into Access-Control-Request-Headers.
func PreflightHeader(origin, method string, requestHeaders ...string) []string {
	h := []string{"Origin", origin, "Access-Control-Request-Method", method}
	for _, name := range requestHeaders {
		h = append(h, "Access-Control-Request-Headers", name)
	}
	return h
}

// WantAnsweredPreflight fails t unless r is the middleware's own answer to
// a preflight from [AllowedOrigin] that [CredentialedConfig] allows: 204, no
// body, Allow-Origin, Allow-Credentials, Allow-Methods, Max-Age, and Vary
// on the preflight's request headers.
func WantAnsweredPreflight(t testing.TB, r Response) {
	t.Helper()
	h := r.CORSHeaders()
	if r.Status != http.StatusNoContent || r.Body != "" ||
		h["Access-Control-Allow-Origin"] != AllowedOrigin || h["Access-Control-Allow-Credentials"] != "true" ||
		h["Access-Control-Allow-Methods"] != credentialedMethods || h["Access-Control-Max-Age"] != "600" ||
		!r.VaryHas("Origin") || !r.VaryHas("Access-Control-Request-Method") {
		t.Errorf("got %d %v %q, want the middleware's 204 answer to an allowed preflight", r.Status, r.Header, r.Body)
	}
}

// WantRejectedPreflight fails t unless r is the middleware's answer to a
// preflight from an origin the policy does not allow: 403, its short body,
// and no Access-Control-* field.
func WantRejectedPreflight(t testing.TB, r Response) {
	t.Helper()
	if r.Status != http.StatusForbidden || r.Body != "CORS preflight rejected: origin\n" {
		t.Errorf("got %d %q, want the middleware's 403 to a preflight from a disallowed origin", r.Status, r.Body)
	}
	WantNoCORS(t, r)
}

// WantAllowedActual fails t unless r has the status and the CORS fields
// [CredentialedConfig] gives an actual request from [AllowedOrigin].
func WantAllowedActual(t testing.TB, r Response, status int) {
	t.Helper()
	h := r.CORSHeaders()
	if r.Status != status || len(h) != 3 || h["Access-Control-Allow-Origin"] != AllowedOrigin ||
		h["Access-Control-Allow-Credentials"] != "true" || h["Access-Control-Expose-Headers"] != "X-Request-Id" ||
		!r.VaryHas("Origin") {
		t.Errorf("got %d %v, want %d with the CORS fields of an allowed actual request", r.Status, r.Header, status)
	}
}

// WantNoCORS fails t if r carries any Access-Control-* field.
func WantNoCORS(t testing.TB, r Response) {
	t.Helper()
	if h := r.CORSHeaders(); len(h) > 0 {
		t.Errorf("unexpected CORS fields %q", h)
	}
}

// Serve sends one request to h in process (see [InProcess]) and fails t on
// error; header holds name, value pairs.
func Serve(t testing.TB, h http.Handler, method, path string, header ...string) Response {
	t.Helper()
	return MustSend(t, InProcess(h), method, path, header...)
}

// ServePreflight sends to h in process a preflight from origin to path for
// method.
func ServePreflight(t testing.TB, h http.Handler, origin, path, method string) Response {
	t.Helper()
	return Serve(t, h, http.MethodOptions, path, PreflightHeader(origin, method)...)
}
