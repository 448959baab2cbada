package corsgin_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	corsgin "github.com/corskit/corskit/adapters/gin"
	"github.com/gin-gonic/gin"
)

// benchConfig is the benchmark policy of the project's side-by-side
// benchmarks: 52 exact origins, four methods, three headers, credentials,
// one exposed header, max age 600.
func benchConfig() corsgin.Config {
	origins := make([]string, 52)
	for i := range origins {
		origins[i] = benchOrigin(i + 1)
	}
	return corsgin.Config{
		AllowOrigins:     origins,
		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Content-Type", "Authorization", "X-Request-Id"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
		MaxAge:           600,
	}
}

func benchOrigin(n int) string { return fmt.Sprintf("https://app%02d.example.com", n) }

// A benchKind is one kind of request, with the status corskit answers it.
type benchKind struct {
	name   string
	method string
	header []string
	status int
}

func benchKinds() []benchKind {
	pre := func(acrh string) []string {
		return []string{"Origin", benchOrigin(2), "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", acrh}
	}
	return []benchKind{
		{"non-CORS-GET", "GET", nil, 200},
		{"allowed-GET", "GET", []string{"Origin", benchOrigin(2)}, 200},
		{"disallowed-GET", "GET", []string{"Origin", "https://evil.example.net"}, 200},
		{"allowed-preflight", "OPTIONS", pre("authorization,content-type"), 204},
		{"rejected-preflight", "OPTIONS", pre("authorization,x-not-allowed"), 403},
	}
}

// benchEngine is the application: GET /api/items answers 200 "ok",
// OPTIONS /api/items 204, behind mw if it is not nil.
func benchEngine(mw gin.HandlerFunc) *gin.Engine {
	r := gin.New()
	if mw != nil {
		r.Use(mw)
	}
	r.GET("/api/items", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	r.OPTIONS("/api/items", func(c *gin.Context) { c.Status(http.StatusNoContent) })
	return r
}

// BenchmarkGin compares Gin without middleware (mw=none) and with corskit
// (mw=corskit), for each kind of request. Compare with
// benchstat -col /mw.
func BenchmarkGin(b *testing.B) {
	for _, k := range benchKinds() {
		for _, mw := range []struct {
			name string
			h    gin.HandlerFunc
		}{{"none", nil}, {"corskit", corsgin.New(benchConfig())}} {
			b.Run("req="+k.name+"/mw="+mw.name, func(b *testing.B) {
				r := benchEngine(mw.h)
				req := newRequest(k.method, "/api/items", k.header...)
				if w := httptest.NewRecorder(); mw.h != nil {
					if r.ServeHTTP(w, req); w.Code != k.status {
						b.Fatalf("status %d, want %d", w.Code, k.status)
					}
				}
				b.ReportAllocs()
				for b.Loop() {
					r.ServeHTTP(httptest.NewRecorder(), req)
				}
			})
		}
	}
}
