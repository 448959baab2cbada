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
		"cross-site POST":          {Method: "POST", Origin: []string{"https://evil.example.com"}, SecFetchSite: []string{"cross-site"}, Host: "api.example.com"},
		"old browser's POST":       {Method: "POST", Origin: []string{"https://api.example.com"}, Host: "api.example.com"},
		"allowed cross-site POST":  {Method: "POST", Origin: []string{"https://app.example.com"}, SecFetchSite: []string{"cross-site"}, Host: "api.example.com"},
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
		"protected": cors.MustNew(cors.Config{
			AllowOrigins: []string{"https://app.example.com"}, AllowCredentials: true, CrossOriginProtection: true,
		}),
		"public": cors.MustNew(cors.Config{AllowOrigins: []string{"*"}, AllowHeaders: []string{"*"}, AllowMethods: []string{"PUT"}}),
	}
}

// userCodeAllocs is what deciding req under the policy named pname may
// allocate: nothing, but for the copy of the origin that AllowOriginFunc
// receives (see TestOriginFuncKeepsItsString).
func userCodeAllocs(pname string, req cors.Request) float64 {
	if strings.Contains(pname, "by function") && len(req.Origin) == 1 && req.Origin[0] != "" {
		return 1
	}
	return 0
}

// TestDecideDoesNotAllocate pins the core's promise: deciding a request,
// whatever it is, allocates nothing unless it calls user code.
func TestDecideDoesNotAllocate(t *testing.T) {
	for pname, p := range allocPolicies(t) {
		for rname, req := range allocRequests() {
			var d cors.Decision
			if n := testing.AllocsPerRun(100, func() { d = p.Decide(req) }); n > userCodeAllocs(pname, req) {
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
			if n := testing.AllocsPerRun(100, func() { p.Apply(ctx, req, h) }); n > userCodeAllocs(pname, req) {
				t.Errorf("%s / %s: Apply allocated %v times per run", pname, rname, n)
			}
		}
	}
}

// TestApplyHTTPAllocatesOnce: an http.Header gets all of a decision's
// values in one array.
func TestApplyHTTPAllocatesOnce(t *testing.T) {
	ctx := context.Background()
	for pname, p := range allocPolicies(t) {
		for rname, req := range allocRequests() {
			h := make(http.Header, 16)
			n := testing.AllocsPerRun(100, func() {
				clear(h)
				p.Apply(ctx, req, h)
			})
			if n > 1+userCodeAllocs(pname, req) {
				t.Errorf("%s / %s: Apply(http.Header) allocated %v times per run", pname, rname, n)
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
		if status, _ := p.Apply(ctx, req, h); status != http.StatusNoContent {
			t.Fatal(status)
		}
	})
	if n != 0 {
		t.Errorf("Apply with stack-held field lines allocated %v times per run", n)
	}
}

// TestWritersAgree: every way of writing a response (Apply on an
// http.Header and on another HeaderWriter, ServeCORS, the Handler) writes
// the fields Decide's decision lists, over a Vary already set, and answers
// with its Status and Body, or leaves the request to the next handler.
func TestWritersAgree(t *testing.T) {
	ctx := context.Background()
	before := func() http.Header { return http.Header{"Vary": {"Cookie"}, "Access-Control-Allow-Origin": {"stale"}} }
	writers := map[string]func(p *cors.Policy, req cors.Request) (status int, body string, h http.Header){
		"Apply, HeaderWriter": func(p *cors.Policy, req cors.Request) (int, string, http.Header) {
			h := headerWriter(before())
			status, body := p.Apply(ctx, req, h)
			return status, body, http.Header(h)
		},
		"Apply, http.Header": func(p *cors.Policy, req cors.Request) (int, string, http.Header) {
			h := before()
			status, body := p.Apply(ctx, req, h)
			return status, body, h
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
			seen := map[string]bool{}
			for k, v := range d.Fields() {
				if !seen[k] {
					want[k] = nil
				}
				seen[k] = true
				want[k] = append(want[k], v)
			}
			if d.Vary != "" {
				want["Vary"] = append(want["Vary"], d.Vary)
			}
			for wname, serve := range writers {
				status, body, got := serve(p, req)
				if status != d.Status || body != d.Body {
					t.Errorf("%s / %s: %s answered %d %q, Decide %d %q", pname, rname, wname, status, body, d.Status, d.Body)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s / %s: %s wrote %v, Fields %v", pname, rname, wname, got, want)
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
