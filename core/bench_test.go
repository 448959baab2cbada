package cors_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"testing"

	cors "github.com/corskit/corskit/core"
)

// benchPolicy allows n exact origins (https://o<i>.example.com) and, when
// patterns > 0, that many subdomain patterns (https://*.p<i>.example.net).
func benchPolicy(n, patterns int) (*cors.Policy, string, string) {
	var origins []string
	for i := 0; i < n; i++ {
		origins = append(origins, fmt.Sprintf("https://o%d.example.com", i))
	}
	last := origins[len(origins)-1]
	for i := 0; i < patterns; i++ {
		origins = append(origins, fmt.Sprintf("https://*.p%d.example.net", i))
	}
	if patterns > 0 {
		last = fmt.Sprintf("https://tenant.p%d.example.net", patterns-1)
	}
	p := cors.MustNew(cors.Config{
		AllowOrigins:     origins,
		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Content-Type", "Authorization", "X-Request-Id"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
	})
	return p, origins[1], last
}

func benchRequests(first, last string) []struct {
	name string
	req  cors.Request
} {
	pre := func(origin string, headers ...string) cors.Request {
		return cors.Request{Method: "OPTIONS", Origin: []string{origin}, RequestMethod: []string{"PUT"}, RequestHeaders: headers}
	}
	names := make([]string, 1000)
	for i := range names {
		names[i] = fmt.Sprintf("x-h%d", i)
	}
	lines := make([]string, 1000)
	for i := range lines {
		lines[i] = "x-request-id"
	}
	return []struct {
		name string
		req  cors.Request
	}{
		{"not-CORS", cors.Request{Method: "GET"}},
		{"allowed-GET-first", cors.Request{Method: "GET", Origin: []string{first}}},
		{"allowed-GET-last", cors.Request{Method: "GET", Origin: []string{last}}},
		{"disallowed-GET", cors.Request{Method: "GET", Origin: []string{"https://evil.example.org"}}},
		{"allowed-preflight", pre(last, "authorization,content-type")},
		{"rejected-preflight", pre(last, "authorization,x-nope")},
		{"ACRH-1MiB-commas", pre(last, strings.Repeat(",", 1<<20))},
		{"ACRH-1000-lines", pre(last, lines...)},
		{"ACRH-1000-names", pre(last, strings.Join(names, ","))},
	}
}

// BenchmarkDecide measures the pure decision for every request kind, with
// 2, 50 and 1,000 exact origins, and with 2 or 100 subdomain patterns
// besides them (the allowed origins are then matched by a pattern).
func BenchmarkDecide(b *testing.B) {
	for _, size := range []struct {
		name        string
		n, patterns int
	}{{"exact=2", 2, 0}, {"exact=50", 50, 0}, {"exact=1000", 1000, 0},
		{"exact=2,patterns=2", 2, 2}, {"exact=1000,patterns=100", 1000, 100}} {
		p, first, last := benchPolicy(size.n, size.patterns)
		for _, rc := range benchRequests(first, last) {
			b.Run(size.name+"/"+rc.name, func(b *testing.B) {
				b.ReportAllocs()
				var d cors.Decision
				for b.Loop() {
					d = p.Decide(rc.req)
				}
				_ = d
			})
		}
	}
}

// BenchmarkHandler measures the net/http middleware around an empty handler.
func BenchmarkHandler(b *testing.B) {
	p, first, last := benchPolicy(52, 0)
	h := p.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	for _, rc := range benchRequests(first, last)[:6] {
		r := httptest.NewRequest(rc.req.Method, "http://api.example.test/items", nil)
		for name, vs := range map[string][]string{"Origin": rc.req.Origin,
			"Access-Control-Request-Method": rc.req.RequestMethod, "Access-Control-Request-Headers": rc.req.RequestHeaders} {
			if vs != nil {
				r.Header[name] = vs
			}
		}
		b.Run(rc.name, func(b *testing.B) {
			b.ReportAllocs()
			w := httptest.NewRecorder()
			for b.Loop() {
				clear(w.Header())
				w.Code = 200
				h.ServeHTTP(w, r)
			}
		})
	}
}

// manyOrigins returns n exact origins, as a large deployment lists them.
func manyOrigins(n int) []string {
	origins := make([]string, n)
	for i := range origins {
		origins[i] = fmt.Sprintf("https://tenant%d.example.com", i)
	}
	return origins
}

// BenchmarkNew measures building a policy of 10,000 exact origins with New
// and with Update (time and allocated bytes per build), and reports the
// heap the policy keeps per origin beyond the origin strings themselves.
func BenchmarkNew(b *testing.B) {
	cfg := cors.Config{AllowOrigins: manyOrigins(10000), AllowCredentials: true}
	b.Run("New/origins=10000", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			cors.MustNew(cfg)
		}
		b.ReportMetric(keptPerOrigin(cfg), "kept-B/origin")
	})
	b.Run("Update/origins=10000", func(b *testing.B) {
		p := cors.MustNew(cfg)
		b.ReportAllocs()
		for b.Loop() {
			if err := p.Update(cfg); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// keptPerOrigin returns the bytes of heap a policy built from cfg keeps
// alive, per origin: what it costs to hold, beyond the strings the caller
// already holds.
func keptPerOrigin(cfg cors.Config) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p := cors.MustNew(cfg)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(p)
	return float64(after.HeapAlloc-before.HeapAlloc) / float64(len(cfg.AllowOrigins))
}
