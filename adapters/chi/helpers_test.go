package corschi_test

import (
	"net/http"
	"testing"

	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// Origins of the integration tests.
const (
	origin     = corstest.AllowedOrigin
	evilOrigin = corstest.DisallowedOrigin
)

// testConfig is the integration tests' policy: the suite's credentialed one.
func testConfig() cors.Config { return corstest.CredentialedConfig() }

// serve sends one request to h in process; header holds name, value pairs.
func serve(t *testing.T, h http.Handler, method, path string, header ...string) corstest.Response {
	t.Helper()
	return corstest.MustSend(t, corstest.InProcess(h), method, path, header...)
}

// preflight sends to h in process a preflight from o to path for method.
func preflight(t *testing.T, h http.Handler, o, path, method string) corstest.Response {
	t.Helper()
	return serve(t, h, http.MethodOptions, path, corstest.PreflightHeader(o, method)...)
}
