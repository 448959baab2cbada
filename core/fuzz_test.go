package cors_test

import (
	"strings"
	"testing"

	cors "github.com/corskit/corskit/core"
)

// refAllows is a deliberately naive reference for the origin forms: it
// tries every configured entry in turn with plain string operations.
func refAllows(entries []string, origin string) bool {
	for _, e := range entries {
		if refMatch(e, origin) {
			return true
		}
	}
	return false
}

func refMatch(entry, origin string) bool {
	if entry == origin {
		return !strings.Contains(entry, "*")
	}
	es, erest, ok1 := strings.Cut(entry, "://")
	os, orest, ok2 := strings.Cut(origin, "://")
	if !ok1 || !ok2 || es != os {
		return false
	}
	ehost, eport := splitRef(erest)
	ohost, oport := splitRef(orest)
	switch {
	case eport == "*":
		if oport != "" && !refPort(oport) {
			return false
		}
	case eport != oport:
		return false
	}
	if suffix, ok := strings.CutPrefix(ehost, "*."); ok {
		labels, ok := strings.CutSuffix(ohost, "."+suffix)
		if !ok || labels == "" {
			return false
		}
		for _, l := range strings.Split(labels, ".") {
			if l == "" || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz0123456789-_") != "" {
				return false
			}
		}
		return true
	}
	return ehost == ohost
}

func splitRef(hostport string) (host, port string) {
	if strings.HasSuffix(hostport, "]") {
		return hostport, ""
	}
	if i := strings.LastIndex(hostport, ":"); i >= 0 {
		return hostport[:i], hostport[i+1:]
	}
	return hostport, ""
}

func refPort(p string) bool {
	if p == "" || len(p) > 5 || p[0] == '0' || strings.Trim(p, "0123456789") != "" {
		return false
	}
	n := 0
	for _, c := range p {
		n = n*10 + int(c-'0')
	}
	return n <= 65535
}

// FuzzOriginMatcher compares the policy's origin matching with the naive
// reference, for any two configured entries the policy accepts (exact
// origins, subdomain patterns, port wildcards) and any request origin.
func FuzzOriginMatcher(f *testing.F) {
	seeds := [][3]string{
		{"https://foo.com", "https://bar.com", "https://barfoo.com"},
		{"https://*.example.com", "https://example.com", "https://.example.com"},
		{"https://*.example.com", "http://localhost:*", "https://a.example.com.evil.com"},
		{"https://example.com", "https://x.example.com", "https://example.community"},
		{"http://localhost:*", "https://*.example.com:*", "http://localhost:65536"},
		{"https://*.a.example", "https://*.b.a.example", "https://x.b.a.example"},
		{"https://*.example.com:8443", "https://app.example.com", "https://a.example.com:8443"},
		{"http://[::1]:*", "http://127.0.0.1:8080", "http://[::1]:3000"},
		{"https://*.example.com", "https://*.example.org", "https://a.b.example.org"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, e1, e2, origin string) {
		entries := []string{e1, e2}
		p, err := cors.New(cors.Config{AllowOrigins: entries})
		if err != nil {
			return
		}
		got := p.Decide(cors.Request{Method: "GET", Origin: []string{origin}}).Allowed
		want := refAllows(entries, origin) && origin != "" && len(origin) <= 1024
		if got != want {
			t.Errorf("entries %q, origin %q: allowed = %v, reference says %v", entries, origin, got, want)
		}
	})
}

// refHeaders is the reference parser for Access-Control-Request-Headers.
func refHeaders(lines []string, allowed map[string]bool) (ok bool) {
	total := 0
	for _, l := range lines {
		total += len(l)
	}
	if len(lines) > 16 || total > 4096 {
		return false
	}
	for _, l := range lines {
		for _, item := range strings.Split(l, ",") {
			name := strings.Trim(item, " \t")
			if name == "" {
				continue
			}
			for _, c := range name {
				if !strings.ContainsRune("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", c) {
					return false
				}
			}
			if !allowed[strings.ToLower(name)] {
				return false
			}
		}
	}
	return true
}

// FuzzRequestHeaders compares the Access-Control-Request-Headers parser with
// the reference, for one or two header lines.
func FuzzRequestHeaders(f *testing.F) {
	for _, s := range [][2]string{
		{"content-type,x-request-id", ""},
		{"accept,authorization,content-type,x-request-id", ""},
		{"authorization,x-nope", ""},
		{"x-request-id,content-type", ""},
		{" X-Request-ID ,, Content-Type,\tauthorization ,", ""},
		{"content-type", "x-request-id"},
		{"x-request-id, x nope", ""},
		{strings.Repeat(",", 5000), ""},
		{"x-ReQuest-id", "ACCEPT , accept-language"},
		{"x-request-id;", "\x00"},
	} {
		f.Add(s[0], s[1])
	}
	allowed := map[string]bool{"accept": true, "accept-language": true, "content-language": true,
		"content-type": true, "x-request-id": true, "authorization": true}
	p := cors.MustNew(cors.Config{AllowOrigins: []string{app}, AllowMethods: []string{"PUT"},
		AllowHeaders: []string{"X-Request-Id", "Authorization"}})
	f.Fuzz(func(t *testing.T, l1, l2 string) {
		lines := []string{l1}
		if l2 != "" {
			lines = append(lines, l2)
		}
		d := p.Decide(cors.Request{Method: "OPTIONS", Origin: []string{app}, RequestMethod: []string{"PUT"}, RequestHeaders: lines})
		if want := refHeaders(lines, allowed); d.Allowed != want {
			t.Errorf("lines %q: allowed = %v (%v), reference says %v", lines, d.Allowed, d.Reason, want)
		}
	})
}

// FuzzDecide feeds arbitrary requests to several policies: Decide never
// panics, allocates nothing but the origin it hands AllowOriginFunc, and
// keeps the protocol's invariants.
func FuzzDecide(f *testing.F) {
	f.Add("GET", app, "", "", "", false)
	f.Add("OPTIONS", app, "PUT", "content-type,x-request-id", "", false)
	f.Add("OPTIONS", "https://a.b.example.org", "DELETE", "X-Request-Id", "true", true)
	f.Add("OPTIONS", "null", "PUT", strings.Repeat(",", 5000), "", false)
	f.Add("OPTIONS", "http://localhost:3000", "patch", "authorization", "true", true)
	policies := allocPolicies(f)
	f.Fuzz(func(t *testing.T, method, origin, acrm, acrh, acrpn string, twoOrigins bool) {
		req := cors.Request{Method: method, Origin: []string{origin}}
		if twoOrigins {
			req.Origin = append(req.Origin, app)
		}
		if acrm != "" || method == "OPTIONS" {
			req.RequestMethod = []string{acrm}
		}
		if acrh != "" {
			req.RequestHeaders = []string{acrh}
		}
		if acrpn != "" {
			req.RequestPrivateNetwork = []string{acrpn}
		}
		for name, p := range policies {
			var d cors.Decision
			if n := testing.AllocsPerRun(1, func() { d = p.Decide(req) }); n > userCodeAllocs(name, req) && !raceEnabled {
				t.Fatalf("%s: Decide allocated %v", name, n)
			}
			checkInvariants(t, name, req, d)
		}
	})
}

func checkInvariants(t *testing.T, policy string, req cors.Request, d cors.Decision) {
	t.Helper()
	f := fields(d)
	acao, hasACAO := f["Access-Control-Allow-Origin"]
	switch {
	case d.Kind == cors.Preflight && d.Allowed && d.Status != 204:
		t.Errorf("%s: allowed preflight status %d", policy, d.Status)
	case d.Reason == cors.ReasonCrossOriginRefused && (d.Status != 403 || req.Method == "GET" || req.Method == "HEAD" || req.Method == "OPTIONS"):
		t.Errorf("%s: %v answered with %d for a %s", policy, d, d.Status, req.Method)
	case d.Kind != cors.Preflight && d.Status != 0 && d.Reason != cors.ReasonCrossOriginRefused:
		t.Errorf("%s: %v answered with %d", policy, d, d.Status)
	case hasACAO && acao != "*" && (len(req.Origin) != 1 || acao != req.Origin[0]):
		t.Errorf("%s: Allow-Origin %q for Origin %q", policy, acao, req.Origin)
	case hasACAO && acao == "*" && f["Access-Control-Allow-Credentials"] != "":
		t.Errorf("%s: * with credentials", policy)
	case f["Access-Control-Allow-Credentials"] != "" && f["Access-Control-Allow-Credentials"] != "true":
		t.Errorf("%s: Allow-Credentials %q", policy, f["Access-Control-Allow-Credentials"])
	}
	checkRejectionFields(t, d, req)
	for k, v := range f {
		if strings.ContainsAny(v, "\r\n\x00") {
			t.Errorf("%s: %s value %q has a control character", policy, k, v)
		}
	}
	if len(f["Access-Control-Allow-Headers"]) > 4096+64 {
		t.Errorf("%s: Allow-Headers of %d bytes", policy, len(f["Access-Control-Allow-Headers"]))
	}
}

// FuzzCredentialedConfig feeds arbitrary AllowOrigins entries and regular
// expressions to New with credentials: New never panics, and whatever it
// accepts never allows a plain-HTTP origin to a host other than loopback,
// nor a name registered under a public suffix that the configuration does
// not spell out.
func FuzzCredentialedConfig(f *testing.F) {
	f.Add("https://*.example.com", `https://[a-z]+\.example\.org`, "http://app.example.com")
	f.Add("https://*.amazonaws.com", `https?://app\.example\.com`, "https://attacker.s3.amazonaws.com")
	f.Add("http://localhost:*", `https://[a-z0-9-]+\.github\.io`, "https://attacker.github.io")
	f.Add("https://*.kawasaki.jp", `https://app\.example\.com)|(?:x`, "https://app.example.com.evil.comx")
	f.Add("https://app.example.com", `.*`, "http://evil.example")
	f.Fuzz(func(t *testing.T, entry, regex, origin string) {
		p, err := cors.New(cors.Config{AllowOrigins: []string{entry}, AllowOriginRegex: regex, AllowCredentials: true})
		if err != nil {
			return
		}
		if !p.Decide(cors.Request{Method: "GET", Origin: []string{origin}}).Allowed {
			return
		}
		if scheme, rest, _ := strings.Cut(origin, "://"); (scheme == "http" || scheme == "ws") &&
			!strings.HasPrefix(rest, "localhost") && !strings.HasPrefix(rest, "127.") && !strings.HasPrefix(rest, "[::1]") &&
			!strings.Contains(rest, ".localhost") {
			t.Errorf("New(%q, %q) with credentials allows %q", entry, regex, origin)
		}
		for _, registrable := range []string{".s3.amazonaws.com", ".github.io", ".kawasaki.jp"} {
			label, ok := strings.CutPrefix(strings.TrimSuffix(origin, registrable), "https://")
			if ok && strings.HasSuffix(origin, registrable) && !strings.Contains(entry+regex, label) {
				t.Errorf("New(%q, %q) with credentials allows %q", entry, regex, origin)
			}
		}
	})
}
