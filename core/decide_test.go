package cors_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	cors "github.com/corskit/corskit/core"
)

func credentialed() cors.Config {
	return cors.Config{
		AllowOrigins:     []string{app, "https://*.example.org", "http://localhost:*"},
		AllowOriginFunc:  func(o string) bool { return strings.HasPrefix(o, "https://x.example") },
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"X-Request-Id"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
	}
}

func get(origin ...string) cors.Request { return cors.Request{Method: "GET", Origin: origin} }

func pre(origin, method string, headers ...string) cors.Request {
	return cors.Request{Method: "OPTIONS", Origin: []string{origin}, RequestMethod: []string{method}, RequestHeaders: headers}
}

// TestDecide pins the decision itself: kind, verdict, reason, the value that
// failed, the status and the Vary names.
func TestDecide(t *testing.T) {
	p := cors.MustNew(credentialed())
	cases := []struct {
		name    string
		req     cors.Request
		kind    cors.Kind
		allowed bool
		reason  cors.Reason
		value   string
		status  int
		vary    string
		str     string
	}{
		{"no origin", cors.Request{Method: "GET"}, cors.NotCORS, true, cors.ReasonNoOrigin, "", 0, "Origin", "not CORS"},
		{"OPTIONS without origin", cors.Request{Method: "OPTIONS", RequestMethod: []string{"PUT"}}, cors.NotCORS, true, cors.ReasonNoOrigin, "", 0, "Origin", "not CORS"},
		{"allowed", get(app), cors.Actual, true, cors.ReasonAllowed, "", 0, "Origin", "actual request allowed"},
		{"pattern", get("https://a.b.example.org"), cors.Actual, true, cors.ReasonAllowed, "", 0, "Origin", "actual request allowed"},
		{"disallowed", get("https://evil.example"), cors.Actual, false, cors.ReasonOriginNotAllowed, "https://evil.example", 0, "Origin", `actual request rejected: origin not allowed: "https://evil.example"`},
		{"two origins", get(app, app), cors.Actual, false, cors.ReasonOriginInvalid, app, 0, "Origin", ""},
		{"empty origin", get(""), cors.Actual, false, cors.ReasonOriginInvalid, "", 0, "Origin", "actual request rejected: malformed Origin header"},
		{"huge origin", get("https://" + strings.Repeat("a", 2000) + ".example.org"), cors.Actual, false, cors.ReasonOriginInvalid, "", 0, "Origin", ""},
		{"control characters never reach AllowOriginFunc", get("https://x.example\r\nSet-Cookie: a=b"), cors.Actual, false, cors.ReasonOriginNotAllowed, "", 0, "Origin", ""},
		{"OPTIONS actual", cors.Request{Method: "OPTIONS", Origin: []string{app}}, cors.Actual, true, cors.ReasonAllowed, "", 0, "Origin", ""},
		{"preflight", pre(app, "PUT", "x-request-id"), cors.Preflight, true, cors.ReasonAllowed, "", 204, "Origin, Access-Control-Request-Method, Access-Control-Request-Headers", "preflight allowed"},
		{"preflight bad origin", pre("https://evil.example", "PUT"), cors.Preflight, false, cors.ReasonOriginNotAllowed, "https://evil.example", 403, "Origin, Access-Control-Request-Method, Access-Control-Request-Headers", ""},
		{"preflight bad method", pre(app, "PATCH"), cors.Preflight, false, cors.ReasonMethodNotAllowed, "PATCH", 200, "", `preflight rejected: method not allowed: "PATCH"`},
		{"preflight lower-case method", pre(app, "put"), cors.Preflight, false, cors.ReasonMethodNotAllowed, "put", 200, "", ""},
		{"preflight malformed method", pre(app, "PUT,GET"), cors.Preflight, false, cors.ReasonMethodInvalid, "PUT,GET", 403, "", ""},
		{"preflight empty method", pre(app, ""), cors.Preflight, false, cors.ReasonMethodInvalid, "", 403, "", ""},
		{"preflight long method", pre(app, strings.Repeat("A", 65)), cors.Preflight, false, cors.ReasonMethodInvalid, "", 403, "", ""},
		{"preflight bad header", pre(app, "PUT", "content-type, X-Nope"), cors.Preflight, false, cors.ReasonHeaderNotAllowed, "X-Nope", 200, "", `preflight rejected: request header not allowed: "X-Nope"`},
		{"preflight invalid header", pre(app, "PUT", "x-request-id;"), cors.Preflight, false, cors.ReasonHeaderInvalid, "x-request-id;", 403, "", ""},
		{"preflight too many lines", pre(app, "PUT", make([]string, 17)...), cors.Preflight, false, cors.ReasonHeadersTooLarge, "", 403, "", ""},
		{"preflight too long", pre(app, "PUT", strings.Repeat("x,", 2049)), cors.Preflight, false, cors.ReasonHeadersTooLarge, "", 403, "", ""},
		{"preflight at the length bound", pre(app, "PUT", strings.Repeat(",", 4096)), cors.Preflight, true, cors.ReasonAllowed, "", 204, "", ""},
		{"preflight safelisted method", pre(app, "POST", "content-type"), cors.Preflight, true, cors.ReasonAllowed, "", 204, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := p.Decide(c.req)
			if d.Kind != c.kind || d.Allowed != c.allowed || d.Reason != c.reason || d.Status != c.status {
				t.Errorf("got %v/%v/%v/%d, want %v/%v/%v/%d", d.Kind, d.Allowed, d.Reason, d.Status, c.kind, c.allowed, c.reason, c.status)
			}
			if c.value != "" && d.Value != c.value {
				t.Errorf("Value = %q, want %q", d.Value, c.value)
			}
			if c.vary != "" && d.Vary != c.vary {
				t.Errorf("Vary = %q, want %q", d.Vary, c.vary)
			}
			if c.str != "" && d.String() != c.str {
				t.Errorf("String() = %q, want %q", d.String(), c.str)
			}
			if !d.Allowed && len(fields(d)) > 0 && d.Kind == cors.Actual {
				t.Errorf("rejected actual request has fields %v", fields(d))
			}
			checkRejectionFields(t, d, c.req)
		})
	}
}

// checkRejectionFields: a preflight rejected with 403 carries no
// Access-Control-* field at all; one refused with 200 (an allowed origin
// asking for a method or header not allowed) carries only what lets the
// browser name the problem: Allow-Origin, Allow-Credentials, and when a
// header is refused the requested method.
func checkRejectionFields(t *testing.T, d cors.Decision, req cors.Request) {
	t.Helper()
	if d.Allowed || d.Kind != cors.Preflight {
		return
	}
	for k, v := range fields(d) {
		switch {
		case !strings.HasPrefix(k, "Access-Control-"):
		case d.Status == 403:
			t.Errorf("403 rejection carries %s", k)
		case d.Status == 200 && (k == "Access-Control-Allow-Origin" || k == "Access-Control-Allow-Credentials"):
		case d.Status == 200 && k == "Access-Control-Allow-Methods" && d.Reason == cors.ReasonHeaderNotAllowed && v == req.RequestMethod[0]:
		default:
			t.Errorf("refusal (%d, %v) carries %s: %q", d.Status, d.Reason, k, v)
		}
	}
	switch d.Reason {
	case cors.ReasonMethodNotAllowed, cors.ReasonHeaderNotAllowed:
		if d.Status != 200 || fields(d)["Access-Control-Allow-Origin"] == "" {
			t.Errorf("refusal %v: status %d fields %v", d, d.Status, fields(d))
		}
	default:
		if d.Status != 403 {
			t.Errorf("rejection %v: status %d", d, d.Status)
		}
	}
}

// TestPreflightFields pins the exact response fields of allowed preflights.
func TestPreflightFields(t *testing.T) {
	cred := credentialed()
	cases := []struct {
		name string
		cfg  cors.Config
		req  cors.Request
		want map[string]string
	}{
		{"listed", cred, pre(app, "PUT", "X-REQUEST-ID"), map[string]string{
			"Access-Control-Allow-Origin": app, "Access-Control-Allow-Credentials": "true",
			"Access-Control-Allow-Methods": "PUT, DELETE", "Max": "",
			"Access-Control-Allow-Headers": "accept, accept-language, content-language, content-type, x-request-id",
			"Access-Control-Max-Age":       "600"}},
		{"no methods configured, safelisted method", cors.Config{AllowOrigins: []string{app}}, pre(app, "GET", "content-type"), map[string]string{
			"Access-Control-Allow-Origin":  app,
			"Access-Control-Allow-Headers": "accept, accept-language, content-language, content-type",
			"Access-Control-Max-Age":       "600"}},
		{"wildcards with credentials reflect, over several lines", cors.Config{AllowOrigins: []string{app}, AllowCredentials: true, AllowMethods: []string{"*"}, AllowHeaders: []string{"*"}},
			pre(app, "PURGE", "x-a", "X-B, authorization"), map[string]string{
				"Access-Control-Allow-Origin": app, "Access-Control-Allow-Credentials": "true",
				"Access-Control-Allow-Methods": "PURGE", "Access-Control-Allow-Headers": "x-a, X-B, authorization",
				"Access-Control-Max-Age": "600"}},
		{"wildcard methods with credentials, safelisted method", cors.Config{AllowOrigins: []string{app}, AllowCredentials: true, AllowMethods: []string{"*"}},
			pre(app, "GET"), map[string]string{
				"Access-Control-Allow-Origin": app, "Access-Control-Allow-Credentials": "true", "Access-Control-Max-Age": "600"}},
		{"wildcards without credentials", cors.Config{AllowOrigins: []string{"*"}, AllowMethods: []string{"*", "PUT"}, AllowHeaders: []string{"X-A", "*"}},
			pre(app, "PURGE", "Authorization"), map[string]string{
				"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "*",
				"Access-Control-Allow-Headers": "*, authorization", "Access-Control-Max-Age": "600"}},
		{"private network", cors.Config{AllowOrigins: []string{app}, AllowPrivateNetwork: true},
			cors.Request{Method: "OPTIONS", Origin: []string{app}, RequestMethod: []string{"GET"}, RequestPrivateNetwork: []string{"true"}},
			map[string]string{"Access-Control-Allow-Origin": app, "Access-Control-Max-Age": "600", "Access-Control-Allow-Private-Network": "true"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			delete(c.want, "Max")
			p := cors.MustNew(c.cfg)
			d := p.Decide(c.req)
			for how, got := range map[string]map[string]string{"Fields": fields(d), "Apply": written(p, c.req)} {
				if len(got) != len(c.want) {
					t.Errorf("%s: fields = %v\nwant     %v", how, got, c.want)
				}
				for k, v := range c.want {
					if got[k] != v {
						t.Errorf("%s: %s = %q, want %q", how, k, got[k], v)
					}
				}
			}
		})
	}
}

func TestPrivateNetworkInvalid(t *testing.T) {
	p := cors.MustNew(cors.Config{AllowOrigins: []string{app}, AllowPrivateNetwork: true})
	req := pre(app, "GET")
	req.RequestPrivateNetwork = []string{"yes"}
	if d := p.Decide(req); d.Reason != cors.ReasonPrivateNetworkInvalid || d.Status != 403 || d.Body != "CORS preflight rejected: private network\n" {
		t.Errorf("got %v status %d body %q", d, d.Status, d.Body)
	}
	if !strings.Contains(p.Decide(req).Vary, "Access-Control-Request-Private-Network") {
		t.Errorf("Vary lacks the private network header")
	}
}

// TestUpdate: a run-time swap applies to the next decision; a bad config
// leaves the policy as it was.
func TestUpdate(t *testing.T) {
	p := cors.MustNew(cors.Config{AllowOrigins: []string{app}})
	other := "https://other.example"
	if err := p.Update(cors.Config{AllowOrigins: []string{"bad/"}}); err == nil {
		t.Fatal("Update accepted a bad config")
	}
	if !p.Decide(get(app)).Allowed {
		t.Fatal("failed Update changed the policy")
	}
	if err := p.Update(cors.Config{AllowOrigins: []string{other}}); err != nil {
		t.Fatal(err)
	}
	if p.Decide(get(app)).Allowed || !p.Decide(get(other)).Allowed {
		t.Fatal("Update did not take effect")
	}
}

// TestUpdateUnderLoad swaps the policy while requests are served (run with
// -race): every response is consistent with one of the two policies.
func TestUpdateUnderLoad(t *testing.T) {
	a, b := "https://a.example", "https://b.example"
	cfgA := cors.Config{AllowOrigins: []string{a}, ExposeHeaders: []string{"X-A"}}
	cfgB := cors.Config{AllowOrigins: []string{b}, ExposeHeaders: []string{"X-B"}}
	p := cors.MustNew(cfgA)
	h := p.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	var writer, readers sync.WaitGroup
	stop := make(chan struct{})
	writer.Add(1)
	go func() {
		defer writer.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			cfg := cfgA
			if i%2 == 1 {
				cfg = cfgB
			}
			if err := p.Update(cfg); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	for g := 0; g < 4; g++ {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for i := 0; i < 500; i++ {
				origin := a
				if i%2 == 1 {
					origin = b
				}
				r := httptest.NewRequest("GET", "/", nil)
				r.Header.Set("Origin", origin)
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				acao, aceh := w.Header().Get("Access-Control-Allow-Origin"), w.Header().Get("Access-Control-Expose-Headers")
				switch {
				case acao == "" && aceh == "":
				case acao == a && aceh == "X-A", acao == b && aceh == "X-B":
				default:
					t.Errorf("mixed response: %q %q", acao, aceh)
					return
				}
			}
		}()
	}
	readers.Wait()
	close(stop)
	writer.Wait()
}

// TestLogger: rejections are logged at debug level with reason and value;
// allowed requests are not. Each of the three entry points logs, actual
// requests as well as preflights.
func TestLogger(t *testing.T) {
	next := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	for name, serve := range map[string]func(p *cors.Policy, r *http.Request){
		"Apply": func(p *cors.Policy, r *http.Request) {
			req := cors.RequestFromHTTP(r)
			p.Apply(r.Context(), req, http.Header{})
		},
		"ServeCORS": func(p *cors.Policy, r *http.Request) { p.ServeCORS(httptest.NewRecorder(), r) },
		"Handler":   func(p *cors.Policy, r *http.Request) { p.Handler(next).ServeHTTP(httptest.NewRecorder(), r) },
	} {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			cfg := credentialed()
			cfg.Logger = slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
			p := cors.MustNew(cfg)
			serve(p, httpRequest(get(app)))
			if buf.Len() != 0 {
				t.Fatalf("allowed request logged: %s", buf.String())
			}
			serve(p, httpRequest(pre(app, "PUT", "x-nope")))
			for _, want := range []string{"level=DEBUG", `msg="cors: request rejected"`, "kind=preflight", `reason="request header not allowed"`, "value=x-nope"} {
				if !strings.Contains(buf.String(), want) {
					t.Errorf("log %q lacks %q", buf.String(), want)
				}
			}
			// A refused actual request is logged too.
			buf.Reset()
			serve(p, httpRequest(get("https://evil.example")))
			for _, want := range []string{`kind="actual request"`, `reason="origin not allowed"`, "value=https://evil.example", "method=GET"} {
				if !strings.Contains(buf.String(), want) {
					t.Errorf("log %q lacks %q", buf.String(), want)
				}
			}
		})
	}
}

// httpRequest returns an *http.Request carrying req.
func httpRequest(req cors.Request) *http.Request {
	r := httptest.NewRequest(req.Method, "https://api.example.com/", nil)
	for name, lines := range map[string][]string{
		"Origin":                                 req.Origin,
		"Access-Control-Request-Method":          req.RequestMethod,
		"Access-Control-Request-Headers":         req.RequestHeaders,
		"Access-Control-Request-Private-Network": req.RequestPrivateNetwork,
	} {
		if lines != nil {
			r.Header[name] = lines
		}
	}
	return r
}

// TestMixedCaseHeaderNames: a requested name is matched whatever its case,
// whether it fits the lower-casing buffer (32 bytes) or not.
func TestMixedCaseHeaderNames(t *testing.T) {
	long := "X-A-Rather-Long-Header-Name-Of-40-Bytes!" // 40 bytes
	p := cors.MustNew(cors.Config{
		AllowOrigins: []string{app},
		AllowMethods: []string{"PUT"},
		AllowHeaders: []string{"X-Request-Id", long},
	})
	for _, c := range []struct {
		name    string
		allowed bool
	}{
		{"X-REQUEST-ID", true},
		{strings.ToLower(long), true},
		{long, true},
		{strings.ToUpper(long), true},
		{strings.ToUpper(long[:32]), false},
		{long[:39] + "?", false},
		{strings.Repeat("X", 33), false},
	} {
		d := p.Decide(pre(app, "PUT", c.name))
		if d.Allowed != c.allowed {
			t.Errorf("%q: %v, allowed = %v, want %v", c.name, d, d.Allowed, c.allowed)
		}
	}
}

// TestMethodLengthBound: Access-Control-Request-Method is bounded before it
// is looked up, even when the policy lists a longer method.
func TestMethodLengthBound(t *testing.T) {
	long := strings.Repeat("M", 65)
	p := cors.MustNew(cors.Config{AllowOrigins: []string{app}, AllowMethods: []string{"PUT", long}})
	if d := p.Decide(pre(app, long)); d.Reason != cors.ReasonMethodInvalid || d.Status != 403 {
		t.Errorf("a 65-byte method: %v, status %d, want rejected as malformed (403)", d, d.Status)
	}
	if d := p.Decide(pre(app, "PUT")); !d.Allowed {
		t.Errorf("PUT: %v", d)
	}
}

// TestFieldsStopsEarly: a loop over Fields may stop at any field (an
// iterator that went on calling would panic).
func TestFieldsStopsEarly(t *testing.T) {
	p := cors.MustNew(credentialed())
	d := p.Decide(cors.Request{Method: "OPTIONS", Origin: []string{app}, RequestMethod: []string{"PUT"}, RequestHeaders: []string{"x-request-id"}})
	all := 0
	for range d.Fields() {
		all++
	}
	for stop := 1; stop <= all; stop++ {
		n := 0
		for range d.Fields() {
			if n++; n == stop {
				break
			}
		}
		if n != stop {
			t.Errorf("loop stopped at %d fields of %d, want %d", n, all, stop)
		}
	}
	if all < 4 {
		t.Errorf("%d fields, want a preflight's several", all)
	}
}
