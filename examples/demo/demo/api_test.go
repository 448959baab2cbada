package demo_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/corskit/corskit/examples/demo/demo"
)

// TestAPI sends the page's requests to the API on every framework, without
// a browser, and checks the responses and the decisions streamed to the
// page.
func TestAPI(t *testing.T) {
	for _, fw := range demo.Frameworks() {
		t.Run(fw, func(t *testing.T) {
			d := start(t, fw)
			events := stream(t, d.AllowedURL())
			api, origin := d.APIURL(), d.AllowedURL()
			t.Run("GET", func(t *testing.T) { hello(t, api, origin, events) })
			t.Run("PUT", func(t *testing.T) { put(t, api, origin, events) })
			t.Run("POST", func(t *testing.T) { post(t, api, origin, events) })
			t.Run("cookie", func(t *testing.T) { cookie(t, api, origin, events) })
			t.Run("bad header", func(t *testing.T) { badHeader(t, api, origin, events) })
			t.Run("other origin", func(t *testing.T) { otherOrigin(t, api, d.DisallowedURL(), events) })
		})
	}
}

func hello(t *testing.T, api, origin string, events <-chan demo.Event) {
	res, body := call(t, "GET", api+"/api/hello?rid=a1", "Origin", origin)
	wantResponse(t, res, body, 200, `"message":"hello from `)
	wantHeader(t, res, "Access-Control-Allow-Origin", origin)
	wantHeader(t, res, "Access-Control-Expose-Headers", "X-Request-Id")
	if res.Header.Get("X-Request-Id") == "" {
		t.Error("no X-Request-Id")
	}
	wantDecision(t, events, "GET /api/hello a1: actual request allowed")
}

func put(t *testing.T, api, origin string, events <-chan demo.Event) {
	res, body := call(t, "OPTIONS", api+"/api/items/42?rid=a2", "Origin", origin,
		"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-demo-token")
	wantResponse(t, res, body, 204, "")
	wantHeader(t, res, "Access-Control-Allow-Methods", "PUT, DELETE")
	wantHeader(t, res, "Access-Control-Max-Age", "0")
	wantDecision(t, events, "OPTIONS /api/items/42 a2: preflight allowed")
	res, body = call(t, "PUT", api+"/api/items/42?rid=a2", "Origin", origin, "X-Demo-Token", "demo")
	wantResponse(t, res, body, 200, `"updated":"42"`)
	wantDecision(t, events, "PUT /api/items/42 a2: actual request allowed")
}

func post(t *testing.T, api, origin string, events <-chan demo.Event) {
	res, body := call(t, "POST", api+"/api/items?rid=a3", "Origin", origin, "Content-Type", "application/json")
	wantResponse(t, res, body, 201, `"created":{"name":"coffee"}`)
	wantDecision(t, events, "POST /api/items a3: actual request allowed")
}

func cookie(t *testing.T, api, origin string, events <-chan demo.Event) {
	res, body := call(t, "POST", api+"/api/login?rid=a4", "Origin", origin)
	wantResponse(t, res, body, 200, `"loggedIn":true`)
	wantHeader(t, res, "Access-Control-Allow-Credentials", "true")
	cookies := res.Cookies()
	if len(cookies) != 1 || cookies[0].Name != "demo_session" || cookies[0].SameSite != http.SameSiteLaxMode {
		t.Fatalf("login set cookies %v, want demo_session, SameSite=Lax", cookies)
	}
	wantDecision(t, events, "POST /api/login a4: actual request allowed")
	res, body = call(t, "GET", api+"/api/me?rid=a4", "Origin", origin, "Cookie", cookies[0].Name+"="+cookies[0].Value)
	wantResponse(t, res, body, 200, `"session":"`+cookies[0].Value+`"`)
	wantDecision(t, events, "GET /api/me a4: actual request allowed")
	res, body = call(t, "GET", api+"/api/me?rid=a5", "Origin", origin)
	wantResponse(t, res, body, 401, "no demo_session cookie")
	wantDecision(t, events, "GET /api/me a5: actual request allowed")
}

// badHeader checks the refusal of a header to the allowed origin: a 200
// that passes the browser's CORS check but grants neither the header nor
// anything else, so that the browser names the header.
func badHeader(t *testing.T, api, origin string, events <-chan demo.Event) {
	res, body := call(t, "OPTIONS", api+"/api/hello?rid=a6", "Origin", origin,
		"Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "x-debug")
	wantResponse(t, res, body, 200, "CORS preflight rejected: request header\n")
	wantCORS(t, res, "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials")
	wantHeader(t, res, "Access-Control-Allow-Origin", origin)
	wantHeader(t, res, "Access-Control-Allow-Credentials", "true")
	wantHeader(t, res, "Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
	wantDecision(t, events, `OPTIONS /api/hello a6: preflight rejected: request header not allowed: "x-debug"`)
}

// otherOrigin checks that the origin the policy refuses gets no CORS header
// field, for a simple request and for a preflight.
func otherOrigin(t *testing.T, api, origin string, events <-chan demo.Event) {
	res, body := call(t, "GET", api+"/api/hello?rid=a7", "Origin", origin)
	wantResponse(t, res, body, 200, "hello")
	wantCORS(t, res)
	wantDecision(t, events, `GET /api/hello a7: actual request rejected: origin not allowed: "`+origin+`"`)
	res, body = call(t, "OPTIONS", api+"/api/hello?rid=a8", "Origin", origin,
		"Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "x-debug")
	wantResponse(t, res, body, 403, "CORS preflight rejected: origin\n")
	wantCORS(t, res)
	wantDecision(t, events, `OPTIONS /api/hello a8: preflight rejected: origin not allowed: "`+origin+`"`)
}

func wantResponse(t *testing.T, res *http.Response, body string, status int, part string) {
	t.Helper()
	if res.StatusCode != status || !strings.Contains(body, part) {
		t.Errorf("%s %s: %d %q; want %d with %q", res.Request.Method, res.Request.URL.Path, res.StatusCode, body, status, part)
	}
}

func wantHeader(t *testing.T, res *http.Response, name, value string) {
	t.Helper()
	if got := res.Header.Values(name); len(got) != 1 || got[0] != value {
		t.Errorf("%s = %q, want %q", name, got, value)
	}
}

// wantCORS checks that the Access-Control-* fields of res are exactly names,
// in any order.
func wantCORS(t *testing.T, res *http.Response, names ...string) {
	t.Helper()
	var got []string
	for name := range res.Header {
		if strings.HasPrefix(name, "Access-Control-") {
			got = append(got, name)
		}
	}
	slices.Sort(got)
	names = slices.Sorted(slices.Values(names))
	if !slices.Equal(got, names) {
		t.Errorf("%s %s: CORS fields %q, want %q", res.Request.Method, res.Request.URL.Path, got, names)
	}
}

func wantDecision(t *testing.T, events <-chan demo.Event, want string) {
	t.Helper()
	if got := next(t, events); got != want {
		t.Errorf("decision %q, want %q", got, want)
	}
}
