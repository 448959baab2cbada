package bench

import (
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"runtime"
	"slices"
	"testing"

	cors "github.com/corskit/corskit/core"
	rscors "github.com/rs/cors"
)

// BenchmarkCORS runs every implementation of every framework on every
// request kind: BenchmarkCORS/fw=F/impl=I/req=K, all through Impl.Runner.
func BenchmarkCORS(b *testing.B) {
	for _, fw := range Frameworks() {
		b.Run("fw="+fw.Name, func(b *testing.B) {
			for _, im := range fw.Impls {
				b.Run("impl="+im.Name, func(b *testing.B) {
					for _, k := range Kinds() {
						b.Run("req="+k.Name, func(b *testing.B) {
							run := im.Runner(k)
							b.ReportAllocs()
							for b.Loop() {
								run()
							}
						})
					}
				})
			}
		})
	}
}

// BenchmarkDecide measures the core's decision alone for every kind.
func BenchmarkDecide(b *testing.B) {
	p := cors.MustNew(Config())
	for _, k := range Kinds() {
		b.Run("req="+k.Name, func(b *testing.B) {
			req := cors.RequestFromHTTP(k.HTTPRequest())
			b.ReportAllocs()
			for b.Loop() {
				p.Decide(req)
			}
		})
	}
}

// originRegex is the regular expression of the regex origin form.
const originRegex = `^https://[a-z0-9-]+\.example\.com$`

// originForms returns, on net/http, corskit and rs/cors with the policy's
// exact origins replaced by one subdomain pattern, and by originRegex (in
// rs/cors's AllowOriginFunc): form=F/impl=I.
func originForms() map[string]http.Handler {
	c := Config()
	re := regexp.MustCompile(originRegex)
	rs := func(o rscors.Options) http.Handler {
		o.AllowedMethods, o.AllowedHeaders, o.ExposedHeaders = c.AllowMethods, c.AllowHeaders, c.ExposeHeaders
		o.AllowCredentials, o.MaxAge = true, c.MaxAge
		return rscors.New(o).Handler(netHTTPApp())
	}
	subdomain, regex := c, c
	subdomain.AllowOrigins = []string{"https://*.example.com"}
	regex.AllowOrigins, regex.AllowOriginRegex = nil, originRegex
	return map[string]http.Handler{
		"form=subdomain/impl=rs-cors": rs(rscors.Options{AllowedOrigins: subdomain.AllowOrigins}),
		"form=subdomain/impl=corskit": netHTTPApp(cors.MustNew(subdomain).Handler),
		"form=regex/impl=rs-cors":     rs(rscors.Options{AllowOriginFunc: re.MatchString}),
		"form=regex/impl=corskit":     netHTTPApp(cors.MustNew(regex).Handler),
	}
}

// BenchmarkOriginForm measures an allowed GET from origin #2 under each
// origin form of originForms.
func BenchmarkOriginForm(b *testing.B) {
	forms := originForms()
	for _, name := range slices.Sorted(maps.Keys(forms)) {
		h, req, rec := forms[name], KindNamed("allowed-2").HTTPRequest(), newRecorder()
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rec.reset()
				h.ServeHTTP(rec, req)
			}
		})
	}
}

// BenchmarkBuild measures building a policy of 10,000 exact origins with
// rs/cors's New, corskit's New and corskit's Update, and reports the heap a
// built policy keeps per origin, beyond the origin strings, as
// kept-B/origin.
func BenchmarkBuild(b *testing.B) {
	origins := make([]string, 10000)
	for i := range origins {
		origins[i] = fmt.Sprintf("https://tenant%d.example.com", i)
	}
	cfg := cors.Config{AllowOrigins: origins, AllowCredentials: true}
	p := cors.MustNew(cfg)
	for _, c := range []struct {
		name  string
		build func() any
		new   bool
	}{
		{"impl=rs-cors/op=New", func() any { return rscors.New(rscors.Options{AllowedOrigins: origins, AllowCredentials: true}) }, true},
		{"impl=corskit/op=New", func() any { return cors.MustNew(cfg) }, true},
		{"impl=corskit/op=Update", func() any { return p.Update(cfg) }, false},
	} {
		b.Run(c.name, func(b *testing.B) {
			if err, _ := c.build().(error); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				c.build()
			}
			if c.new {
				var before, after runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&before)
				kept := c.build()
				runtime.GC()
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(kept)
				b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/float64(len(origins)), "kept-B/origin")
			}
		})
	}
}
