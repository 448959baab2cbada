package cors_test

import (
	"context"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	cors "github.com/corskit/corskit/core"
)

// allocRequests covers every kind of request and outcome Decide knows.
func allocRequests() map[string]cors.Request {
	pre := func(origin, method string, headers ...string) cors.Request {
		return cors.Request{Method: "OPTIONS", Origin: []string{origin}, RequestMethod: []string{method}, RequestHeaders: headers}
	}
	return map[string]cors.Request{
		"not CORS":                 {Method: "GET"},
		"allowed actual":           {Method: "GET", Origin: []string{"https://app.example.com"}},
		"allowed actual, pattern":  {Method: "GET", Origin: []string{"https://a.b.example.org"}},
		"allowed actual, port":     {Method: "GET", Origin: []string{"http://localhost:3000"}},
		"allowed actual, regex":    {Method: "GET", Origin: []string{"https://tenant7.example.net"}},
		"disallowed actual":        {Method: "GET", Origin: []string{"https://evil.example.com"}},
		"two origins":              {Method: "GET", Origin: []string{"https://app.example.com", "https://evil.example.com"}},
		"allowed preflight":        pre("https://app.example.com", "PUT", "content-type,x-request-id"),
		"mixed-case headers":       pre("https://app.example.com", "PUT", " Content-Type , X-Request-ID,,"),
		"mixed-case, 32 bytes":     pre("https://app.example.com", "PUT", "X-"+strings.Repeat("Ab", 15)),
		"mixed-case, 33 bytes":     pre("https://app.example.com", "PUT", "X-"+strings.Repeat("Ab", 15)+"c"),
		"two header lines":         pre("https://app.example.com", "PUT", "content-type", "x-request-id"),
		"rejected origin":          pre("https://evil.example.com", "PUT"),
		"rejected method":          pre("https://app.example.com", "PURGE"),
		"rejected header":          pre("https://app.example.com", "PUT", "x-nope"),
		"invalid header":           pre("https://app.example.com", "PUT", "x nope"),
		"1 MiB of commas":          pre("https://app.example.com", "PUT", strings.Repeat(",", 1<<20)),
		"private network":          {Method: "OPTIONS", Origin: []string{"https://app.example.com"}, RequestMethod: []string{"PUT"}, RequestPrivateNetwork: []string{"true"}},
		"OPTIONS actual":           {Method: "OPTIONS", Origin: []string{"https://app.example.com"}},
		"reflected header (creds)": pre("https://app.example.com", "PUT", "x-anything"),
	}
}

func allocPolicies(t testing.TB) map[string]*cors.Policy {
	return map[string]*cors.Policy{
		"credentialed": cors.MustNew(cors.Config{
			AllowOrigins:        []string{"https://app.example.com", "https://*.example.org", "http://localhost:*"},
			AllowOriginRegex:    `https://tenant[0-9]+\.example\.net`,
			AllowMethods:        []string{"PUT", "DELETE"},
			AllowHeaders:        []string{"X-Request-Id"},
			AllowCredentials:    true,
			ExposeHeaders:       []string{"X-Request-Id"},
			AllowPrivateNetwork: true,
		}),
		"wildcards with credentials": cors.MustNew(cors.Config{
			AllowOrigins: []string{"https://app.example.com"}, AllowMethods: []string{"*"},
			AllowHeaders: []string{"*"}, AllowCredentials: true,
		}),
		"any origin by function, reflecting": cors.MustNew(cors.Config{
			AllowOriginFunc: func(string) bool { return true }, AllowMethods: []string{"*"},
			AllowHeaders: []string{"*"}, AllowCredentials: true,
		}),
		"public": cors.MustNew(cors.Config{AllowOrigins: []string{"*"}, AllowHeaders: []string{"*"}, AllowMethods: []string{"PUT"}}),
	}
}

// TestDecideDoesNotAllocate pins the core's promise: deciding a request,
// whatever it is, allocates nothing.
func TestDecideDoesNotAllocate(t *testing.T) {
	for pname, p := range allocPolicies(t) {
		for rname, req := range allocRequests() {
			var d cors.Decision
			if n := testing.AllocsPerRun(100, func() { d = p.Decide(req) }); n != 0 {
				t.Errorf("%s / %s: Decide allocated %v times per run (%v)", pname, rname, n, d)
			}
		}
	}
}

// countingHeader is a HeaderWriter that stores nothing: writing a decision's
// headers through it must not allocate either (fasthttp's header behaves
// the same way).
type countingHeader struct{ n int }

func (h *countingHeader) Set(name, value string) { h.n++ }
func (h *countingHeader) Add(name, value string) { h.n++ }

func TestApplyDoesNotAllocate(t *testing.T) {
	ctx := context.Background()
	for pname, p := range allocPolicies(t) {
		for rname, req := range allocRequests() {
			h := &countingHeader{}
			if n := testing.AllocsPerRun(100, func() { p.Apply(ctx, &req, h) }); n != 0 {
				t.Errorf("%s / %s: Apply allocated %v times per run", pname, rname, n)
			}
		}
	}
}

// TestSetHeadersHTTPAllocatesOnce: an http.Header gets all of a decision's
// values in one array.
func TestSetHeadersHTTPAllocatesOnce(t *testing.T) {
	for pname, p := range allocPolicies(t) {
		for rname, req := range allocRequests() {
			d := p.Decide(req)
			h := make(http.Header, 16)
			n := testing.AllocsPerRun(100, func() {
				clear(h)
				d.SetHeaders(h)
			})
			if n > 1 {
				t.Errorf("%s / %s: SetHeaders(http.Header) allocated %v times per run", pname, rname, n)
			}
		}
	}
}

// TestApplyKeepsNoReferenceToTheRequest: an adapter may build the request's
// field lines in arrays on its own stack (as the Fiber adapter does): Apply
// must not make them escape to the heap.
func TestApplyKeepsNoReferenceToTheRequest(t *testing.T) {
	p := allocPolicies(t)["wildcards with credentials"]
	h := &countingHeader{}
	ctx := context.Background()
	n := testing.AllocsPerRun(100, func() {
		var origin, method, headers [1]string
		origin[0], method[0], headers[0] = "https://app.example.com", "PUT", "x-a,x-b"
		req := cors.Request{Method: "OPTIONS", Origin: origin[:], RequestMethod: method[:], RequestHeaders: headers[:]}
		if status, _ := p.Apply(ctx, &req, h); status != http.StatusNoContent {
			t.Fatal(status)
		}
	})
	if n != 0 {
		t.Errorf("Apply with stack-held field lines allocated %v times per run", n)
	}
}

// TestEntryPointsAgree: Apply (on an http.Header and on another
// HeaderWriter), ServeCORS and the Handler each write what SetHeaders
// writes for Decide's decision, over a Vary already set, and answer with
// its Status and Body, or leave the request to the next handler when it
// has none. They share decide, but each takes its own shortcuts around it
// (see onlyVary).
func TestEntryPointsAgree(t *testing.T) {
	ctx := context.Background()
	before := func() http.Header { return http.Header{"Vary": {"Cookie"}} }
	// Each entry point serves req over a response whose header is before(),
	// and returns that header.
	entryPoints := map[string]func(p *cors.Policy, req cors.Request) (status int, body string, h http.Header){
		"Apply, HeaderWriter": func(p *cors.Policy, req cors.Request) (int, string, http.Header) {
			h := headerWriter(before())
			status, body := p.Apply(ctx, &req, h)
			return status, body, http.Header(h)
		},
		"Apply, http.Header": func(p *cors.Policy, req cors.Request) (int, string, http.Header) {
			h := before()
			status, body := p.Apply(ctx, &req, h)
			return status, body, h
		},
		"ServeCORS": func(p *cors.Policy, req cors.Request) (int, string, http.Header) {
			w := recorder(before())
			if !p.ServeCORS(w, httpRequest(req)) {
				return 0, w.Body.String(), w.Header()
			}
			return w.Code, w.Body.String(), w.Header()
		},
		"Handler": func(p *cors.Policy, req cors.Request) (int, string, http.Header) {
			w := recorder(before())
			nextRan := false
			next := http.HandlerFunc(func(http.ResponseWriter, *http.Request) { nextRan = true })
			p.Handler(next).ServeHTTP(w, httpRequest(req))
			if nextRan {
				return 0, w.Body.String(), w.Header()
			}
			return w.Code, w.Body.String(), w.Header()
		},
	}
	for pname, p := range allocPolicies(t) {
		for rname, req := range allocRequests() {
			d := p.Decide(req)
			want := before()
			d.SetHeaders(want)
			for ename, serve := range entryPoints {
				status, body, got := serve(p, req)
				if status != d.Status || body != d.Body {
					t.Errorf("%s / %s: %s answered %d %q, Decide %d %q", pname, rname, ename, status, body, d.Status, d.Body)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s / %s: %s wrote %v, SetHeaders %v", pname, rname, ename, got, want)
				}
			}
		}
	}
}

// recorder returns a ResponseRecorder whose header starts as h.
func recorder(h http.Header) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	maps.Copy(w.Header(), h)
	return w
}
