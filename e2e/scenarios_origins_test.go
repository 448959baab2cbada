package e2e

import (
	"testing"

	"github.com/chromedp/cdproto/network"
)

// nullOrigin: a sandboxed iframe's fetch carries Origin: null, which the
// policy rejects unless it opts in (the control case, which shows the
// rejection is the policy's).
func nullOrigin(t *testing.T, e *env) {
	t.Run("rejected-by-default", func(t *testing.T) {
		a := e.startAPI(t, e.pages.policy())
		id := caseID(t)
		v := e.page(t, e.pages.allowed).fetchSandboxed(a.url("/api/echo", id), fetchOptions{})
		v.wantBlocked(t, network.CorsErrorMissingAllowOriginHeader)
		wantOrigin(t, a.wantServer(t, id, "GET"), "null")
	})
	t.Run("allowed-when-opted-in", func(t *testing.T) {
		cfg := e.pages.policy()
		cfg.AllowOrigins = append(cfg.AllowOrigins, "null")
		cfg.DangerouslyAllowNullOrigin = true
		a := e.startAPI(t, cfg)
		id := caseID(t)
		v := e.page(t, e.pages.allowed).fetchSandboxed(a.url("/api/echo", id), fetchOptions{})
		v.wantReadable(t, 200)
		wantOrigin(t, a.wantServer(t, id, "GET"), "null")
	})
}

// subdomainPattern: http://*.example.localhost:PORT admits a subdomain's
// page and not the apex's.
func subdomainPattern(t *testing.T, e *env) {
	cfg := e.pages.policy()
	cfg.AllowOrigins = []string{e.pages.pattern}
	a := e.startAPI(t, cfg)
	t.Run("subdomain-allowed", func(t *testing.T) {
		id := caseID(t)
		v := e.page(t, e.pages.subdomain).fetch(a.url("/api/echo", id), fetchOptions{})
		v.wantReadable(t, 200)
		wantOrigin(t, a.wantServer(t, id, "GET"), e.pages.subdomain)
	})
	t.Run("apex-blocked", func(t *testing.T) {
		id := caseID(t)
		v := e.page(t, e.pages.apex).fetch(a.url("/api/echo", id), fetchOptions{})
		v.wantBlocked(t, network.CorsErrorMissingAllowOriginHeader)
		wantOrigin(t, a.wantServer(t, id, "GET"), e.pages.apex)
	})
}
