package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
)

// jsonPut is a preflighted request: PUT, a JSON body and a custom header.
func jsonPut(custom string) fetchOptions {
	return fetchOptions{
		Method:  "PUT",
		Headers: map[string]string{"Content-Type": "application/json", "X-Custom": custom},
		Body:    `{"n":1}`,
	}
}

// simpleGet: a simple GET is readable from the allowed origin; from another
// origin it reaches the server but the browser hides the response.
func simpleGet(t *testing.T, e *env) {
	a := e.startAPI(t, e.pages.policy())
	t.Run("allowed-origin-reads", func(t *testing.T) {
		id := caseID(t)
		v := e.page(t, e.pages.allowed).fetch(a.url("/api/echo", id), fetchOptions{})
		v.wantReadable(t, 200)
		if got := v.echo(t); got.Method != "GET" {
			t.Errorf("want the echo of a GET; got %+v", got)
		}
		wantOrigin(t, a.wantServer(t, id, "GET"), e.pages.allowed)
	})
	t.Run("disallowed-origin-blocked", func(t *testing.T) {
		id := caseID(t)
		v := e.page(t, e.pages.disallowed).fetch(a.url("/api/echo", id), fetchOptions{})
		v.wantBlocked(t, network.CorsErrorMissingAllowOriginHeader)
		wantOrigin(t, a.wantServer(t, id, "GET"), e.pages.disallowed)
	})
}

// preflight: a PUT with a JSON body and a custom header is preflighted and
// then sent; a method or a header the policy does not allow stops at the
// preflight, and the browser says which.
func preflight(t *testing.T, e *env) {
	a := e.startAPI(t, e.pages.policy())
	t.Run("put-json-custom-header", func(t *testing.T) {
		id := caseID(t)
		v := e.page(t, e.pages.allowed).fetch(a.url("/api/echo", id), jsonPut("hello"))
		v.wantReadable(t, 200)
		if got := v.echo(t); got != (echoed{Method: "PUT", Custom: "hello", Body: `{"n":1}`}) {
			t.Errorf("the handler saw %+v", got)
		}
		reqs := a.wantServer(t, id, "preflight PUT", "PUT")
		if len(reqs) > 0 && reqs[0].RequestHeaders != "content-type,x-custom" {
			t.Errorf("want the preflight to ask for content-type,x-custom; %s", history(reqs))
		}
	})
	t.Run("method-not-allowed", func(t *testing.T) {
		id := caseID(t)
		opts := jsonPut("hello")
		opts.Method = "PATCH"
		v := e.page(t, e.pages.allowed).fetch(a.url("/api/echo", id), opts)
		v.wantBlocked(t, network.CorsErrorMethodDisallowedByPreflightResponse)
		a.wantServer(t, id, "preflight PATCH")
	})
	t.Run("header-not-allowed", func(t *testing.T) {
		id := caseID(t)
		opts := jsonPut("hello")
		opts.Headers["X-Other"] = "1"
		v := e.page(t, e.pages.allowed).fetch(a.url("/api/echo", id), opts)
		v.wantBlocked(t, network.CorsErrorHeaderDisallowedByPreflightResponse)
		a.wantServer(t, id, "preflight PUT")
	})
}

// credentials: with credentials allowed, a cookie the API set is sent with
// credentials: 'include' and the response is readable; without, the cookie
// is still sent but the browser hides the response.
func credentials(t *testing.T, e *env) {
	t.Run("allowed", func(t *testing.T) {
		cfg := e.pages.policy()
		cfg.AllowCredentials = true
		v, reqs := credentialedFetch(t, e, e.startAPI(t, cfg), "allowed")
		v.wantReadable(t, 200)
		if got := v.echo(t); e.inBrowser(t, "the cookie") && got.Cookie != "sid=allowed" {
			t.Errorf("want the handler to get cookie sid=allowed; got %q", got.Cookie)
		}
		wantOrigin(t, reqs, e.pages.allowed)
	})
	t.Run("not-allowed", func(t *testing.T) {
		v, reqs := credentialedFetch(t, e, e.startAPI(t, e.pages.policy()), "not-allowed")
		v.wantBlocked(t, network.CorsErrorInvalidAllowCredentials)
		if e.inBrowser(t, "the cookie") && (len(reqs) != 1 || reqs[0].Cookie != "sid=not-allowed") {
			t.Errorf("want the GET to carry cookie sid=not-allowed; %s", history(reqs))
		}
	})
}

// credentialedFetch has a set the cookie sid=value in a top-level
// navigation, as a user visiting the API would, then fetches from the
// allowed page with credentials: 'include'. It returns the verdict and the
// requests the fetch made.
func credentialedFetch(t *testing.T, e *env, a *api, value string) (verdict, []seen) {
	t.Helper()
	id := caseID(t)
	pg := e.page(t, e.pages.allowed)
	pg.navigate(a.url("/api/cookie", id+"-set") + "&name=sid&value=" + value)
	pg.open(e.pages.allowed)
	v := pg.fetch(a.url("/api/echo", id), fetchOptions{Credentials: "include"})
	return v, a.wantServer(t, id, "GET")
}

// exposeHeaders: the page reads an exposed response header and not an
// unexposed one, although the browser received both.
func exposeHeaders(t *testing.T, e *env) {
	a := e.startAPI(t, e.pages.policy())
	id := caseID(t)
	v := e.page(t, e.pages.allowed).fetch(a.url("/api/expose", id),
		fetchOptions{Read: []string{exposedHeader, hiddenHeader}})
	v.wantReadable(t, 200)
	if e.inBrowser(t, "the response headers the page can read") {
		if got, ok := v.header(exposedHeader); !ok || got != "shown" {
			t.Errorf("want the page to read %s: shown; read %q (readable %v)", exposedHeader, got, ok)
		}
		if got, ok := v.header(hiddenHeader); ok {
			t.Errorf("want %s hidden from the page; it read %q", hiddenHeader, got)
		}
	}
	if got, ok := v.received(hiddenHeader); !ok || got != "secret" {
		t.Errorf("want the browser to receive %s: secret (else the test proves nothing); got %q", hiddenHeader, got)
	}
}

// errorStatus: error responses, from the handler or the router, are
// readable by the allowed origin: the CORS headers are on them too.
func errorStatus(t *testing.T, e *env) {
	a := e.startAPI(t, e.pages.policy())
	for _, c := range []struct {
		name, path string
		status     int
	}{
		{"handler-500", "/api/status/500", 500},
		{"handler-404", "/api/status/404", 404},
		{"router-404", "/no/such/route", 404},
	} {
		t.Run(c.name, func(t *testing.T) {
			id := caseID(t)
			v := e.page(t, e.pages.allowed).fetch(a.url(c.path, id), fetchOptions{})
			v.wantReadable(t, c.status)
			if c.path != "/no/such/route" && !strings.HasPrefix(v.Body, "status ") {
				t.Errorf("want the handler's body; read %q", v.Body)
			}
			a.wantServer(t, id, "GET")
		})
	}
}

// optionsRequest: fetch(url, {method: 'OPTIONS'}) is preflighted like any
// method outside the safelist, and then the actual OPTIONS request (no
// Access-Control-Request-Method) reaches the application handler.
func optionsRequest(t *testing.T, e *env) {
	cfg := e.pages.policy()
	cfg.AllowMethods = append(cfg.AllowMethods, "OPTIONS")
	a := e.startAPI(t, cfg)
	id := caseID(t)
	v := e.page(t, e.pages.allowed).fetch(a.url("/api/echo", id), fetchOptions{Method: "OPTIONS"})
	v.wantReadable(t, 200)
	if got := v.echo(t); got.Method != "OPTIONS" {
		t.Errorf("want the application handler's echo of OPTIONS; got %+v", got)
	}
	a.wantServer(t, id, "preflight OPTIONS", "OPTIONS")
}
