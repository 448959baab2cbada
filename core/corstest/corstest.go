// Package corstest is corskit's conformance suite: one table of requests and
// the exact responses the CORS protocol, corskit's product decisions and
// other middlewares' known bugs require. Every adapter runs it through its
// real framework, so that all adapters behave identically.
//
// An adapter's test supplies a [NewServer] that puts the application handler
// behind its middleware:
//
//	func TestConformance(t *testing.T) {
//		corstest.Run(t, func(t *testing.T, p *cors.Policy, app http.Handler) corstest.Server {
//			r := gin.New()
//			r.Use(corsgin.FromPolicy(p))
//			r.Any("/*path", gin.WrapH(app))
//			r.NoRoute(gin.WrapH(app)) // methods Any does not list, such as PURGE
//			return corstest.HTTPServer(t, r)
//		})
//	}
//
// The application handler answers every method (including custom ones such
// as PURGE) and every path; a NewServer must route all of them to it.
package corstest

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	cors "github.com/corskit/corskit/core"
)

// Host is the host every suite request is addressed to. It differs from
// every origin in the table.
const Host = "api.corstest.test"

// A Server answers one HTTP request, the way an adapter serves it: through
// a real HTTP round trip ([HTTPServer]) or a framework's own test entry
// point (Fiber's app.Test).
type Server func(*http.Request) (*http.Response, error)

// NewServer builds a Server that runs app behind the adapter's middleware
// applying p. The middleware must apply whatever configuration p has when
// each request arrives: the suite changes it with [cors.Policy.Update].
type NewServer func(t *testing.T, p *cors.Policy, app http.Handler) Server

// HTTPServer starts an [httptest.Server] for h, closed when the test ends,
// and returns a Server that sends each request to it over TCP.
func HTTPServer(t testing.TB, h http.Handler) Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	target, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	client := srv.Client()
	return func(r *http.Request) (*http.Response, error) {
		r = r.Clone(r.Context())
		r.URL.Scheme, r.URL.Host = target.Scheme, target.Host
		r.RequestURI = ""
		return client.Do(r)
	}
}

// A Case is one row of the suite: a configuration, a request, and what the
// response must be.
type Case struct {
	// Name describes the case, as its subtest's name.
	Name string
	// Bug is the number, in the repository's docs/known-bugs.md, of the
	// other middlewares' bug that this case guards against, or 0.
	Bug int
	// Config is the policy the middleware applies.
	Config cors.Config
	// Method, Path and Header describe the request; Path defaults to
	// "/resource". Header may hold several lines for one name.
	Method string
	Path   string
	Header http.Header
	// App is the application handler; nil means [DefaultApp].
	App http.HandlerFunc
	// Repeat sends the request this many times (at least once) to the same
	// server, checking every response.
	Repeat int

	// WantStatus is the response status.
	WantStatus int
	// WantCORS holds every Access-Control-* response header, each with its
	// field lines joined by ", "; any other Access-Control-* header fails
	// the case. Access-Control-Allow-Origin must be a single line.
	WantCORS map[string]string
	// WantVary lists tokens the Vary header must hold; WantNoVary, tokens
	// it must not hold.
	WantVary, WantNoVary []string
	// WantHeader lists other response headers that must have these values.
	WantHeader map[string]string
	// WantAppRan says whether the application handler ran.
	WantAppRan bool
	// WantBody, if not empty, is the exact response body.
	WantBody string
}

// DefaultApp is the application handler of cases that set none: it sets
// X-App: ran and Vary: Accept-Encoding, and writes [AppBody].
func DefaultApp(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-App", "ran")
	w.Header().Add("Vary", "Accept-Encoding")
	io.WriteString(w, AppBody)
}

// AppBody is the body [DefaultApp] writes.
const AppBody = "application body\n"

// Run runs every case of [Cases] as a subtest against servers built by
// newServer, then [RunUpdate], and checks that every configuration of
// [ConfigErrorCases] is refused by [cors.New].
func Run(t *testing.T, newServer NewServer) {
	t.Helper()
	for _, c := range Cases() {
		t.Run(c.Name, func(t *testing.T) {
			runCase(t, newServer, c)
		})
	}
	t.Run("every method and path reaches the application", func(t *testing.T) {
		runRouting(t, newServer)
	})
	t.Run("policy updated while serving", func(t *testing.T) {
		RunUpdate(t, newServer)
	})
	t.Run("zero policy allows no origin", func(t *testing.T) {
		runZeroPolicy(t, newServer)
	})
	t.Run("origins given to AllowOriginFunc stay valid", func(t *testing.T) {
		runKeptOrigins(t, newServer)
	})
	t.Run("refused configurations", func(t *testing.T) {
		for _, c := range ConfigErrorCases() {
			_, err := cors.New(c.Config)
			var ce *cors.ConfigError
			if !errors.As(err, &ce) {
				t.Errorf("%s (bug %d): cors.New accepted %+v", c.Name, c.Bug, c.Config)
				continue
			}
			if !strings.Contains(err.Error(), c.WantField) {
				t.Errorf("%s: error %q does not name %s", c.Name, err, c.WantField)
			}
		}
	})
}

// routingMethods returns the methods runRouting sends.
func routingMethods() []string {
	return []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PURGE", "PROPFIND"}
}

// Methods returns every method the suite sends, standard or custom, for a
// framework that must be told which methods to accept.
func Methods() []string {
	var ms []string
	add := func(m string) {
		if m != "" && !slices.Contains(ms, m) {
			ms = append(ms, m)
		}
	}
	for _, m := range routingMethods() {
		add(m)
	}
	for _, c := range Cases() {
		add(c.Method)
	}
	return ms
}

// runRouting checks the server itself: every method, standard or custom,
// on every path, reaches the application behind the middleware, so that the
// table's cases cannot pass by missing the application.
func runRouting(t *testing.T, newServer NewServer) {
	p, err := cors.New(CredentialedConfig())
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.Method+" "+r.URL.Path)
	}))
	for _, method := range routingMethods() {
		for _, path := range []string{"/", "/resource", "/a/b/c/"} {
			r := MustSend(t, srv, method, path, "Origin", AllowedOrigin)
			want := method + " " + path
			if method == "HEAD" {
				want = ""
			}
			if r.Body != want {
				t.Errorf("%s %s: body %q, want %q", method, path, r.Body, want)
			}
			WantAllowedActual(t, r, http.StatusOK)
		}
	}
}

func runCase(t *testing.T, newServer NewServer, c Case) {
	var ran atomic.Int32
	app := c.App
	if app == nil {
		app = DefaultApp
	}
	p, err := cors.New(c.Config)
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ran.Add(1)
		app(w, r)
	}))
	for i := 0; i < max(c.Repeat, 1); i++ {
		ran.Store(0)
		req := c.request()
		resp, err := srv(req)
		if err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatalf("request %d: reading body: %v", i+1, err)
		}
		c.check(t, resp, string(body), ran.Load() > 0)
	}
}

func (c *Case) request() *http.Request {
	method, path := c.Method, c.Path
	if method == "" {
		method = http.MethodGet
	}
	if path == "" {
		path = "/resource"
	}
	r := httptest.NewRequest(method, "http://"+Host+path, nil)
	r.RequestURI = ""
	for k, vs := range c.Header {
		r.Header[http.CanonicalHeaderKey(k)] = append([]string(nil), vs...)
	}
	return r
}

func (c *Case) check(t *testing.T, resp *http.Response, body string, appRan bool) {
	t.Helper()
	if c.Bug != 0 {
		t.Logf("guards against known bug %d", c.Bug)
	}
	if resp.StatusCode != c.WantStatus {
		t.Errorf("status = %d, want %d", resp.StatusCode, c.WantStatus)
	}
	if appRan != c.WantAppRan {
		t.Errorf("application handler ran = %v, want %v", appRan, c.WantAppRan)
	}
	got := map[string]string{}
	for k, vs := range resp.Header {
		if strings.HasPrefix(k, "Access-Control-") {
			got[k] = strings.Join(vs, ", ")
		}
	}
	for _, k := range sortedKeys(got, c.WantCORS) {
		g, gok := got[k]
		w, wok := c.WantCORS[k]
		switch {
		case !wok:
			t.Errorf("unexpected %s: %q", k, g)
		case !gok:
			t.Errorf("missing %s: want %q", k, w)
		case g != w:
			t.Errorf("%s = %q, want %q", k, g, w)
		}
	}
	if n := len(resp.Header.Values("Access-Control-Allow-Origin")); n > 1 {
		t.Errorf("%d Access-Control-Allow-Origin lines, want one", n)
	}
	vary := varyTokens(resp.Header)
	for _, v := range c.WantVary {
		if !vary[strings.ToLower(v)] {
			t.Errorf("Vary %q lacks %q", resp.Header.Values("Vary"), v)
		}
	}
	for _, v := range c.WantNoVary {
		if vary[strings.ToLower(v)] {
			t.Errorf("Vary %q has %q", resp.Header.Values("Vary"), v)
		}
	}
	for k, w := range c.WantHeader {
		if g := strings.Join(resp.Header.Values(k), ", "); g != w {
			t.Errorf("%s = %q, want %q", k, g, w)
		}
	}
	if c.WantBody != "" && body != c.WantBody {
		t.Errorf("body = %q, want %q", body, c.WantBody)
	}
	if c.Method == http.MethodOptions && !c.WantAppRan && c.WantStatus < 300 && c.WantBody == "" && body != "" {
		t.Errorf("answered preflight has body %q, want none", body)
	}
	if t.Failed() {
		t.Logf("request: %s %s %v", c.Method, c.Path, c.Header)
		t.Logf("response: %d %v %q", resp.StatusCode, resp.Header, body)
	}
}

func varyTokens(h http.Header) map[string]bool {
	m := map[string]bool{}
	for _, line := range h.Values("Vary") {
		for _, tok := range strings.Split(line, ",") {
			if tok = strings.TrimSpace(tok); tok != "" {
				m[strings.ToLower(tok)] = true
			}
		}
	}
	return m
}

func sortedKeys(a, b map[string]string) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range []map[string]string{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}
