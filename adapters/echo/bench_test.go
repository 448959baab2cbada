package corsecho_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	corsecho "github.com/corskit/corskit/adapters/echo"
	"github.com/labstack/echo/v4"
)

// benchConfig is the policy of the side-by-side benchmarks of the other
// CORS middlewares: 52 exact origins, four methods, three headers,
// credentials, one exposed header, max age 600.
func benchConfig() corsecho.Config {
	origins := make([]string, 52)
	for i := range origins {
		origins[i] = fmt.Sprintf("https://app%d.example.com", i+1)
	}
	return corsecho.Config{
		AllowOrigins:     origins,
		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Content-Type", "Authorization", "X-Request-Id"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
		MaxAge:           600,
	}
}

// benchRequests are the requests of BenchmarkEcho, each with the status
// the corskit middleware must answer.
var benchRequests = []struct {
	name   string
	method string
	status int
	header []string
}{
	{"non-CORS_GET", "GET", 200, nil},
	{"allowed_GET", "GET", 200, []string{"Origin", "https://app2.example.com"}},
	{"disallowed_GET", "GET", 200, []string{"Origin", "https://evil.example"}},
	{"allowed_preflight", "OPTIONS", 204, []string{"Origin", "https://app2.example.com",
		"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type,x-request-id"}},
	{"rejected_preflight", "OPTIONS", 403, []string{"Origin", "https://app2.example.com",
		"Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-not-allowed"}},
}

// benchEcho returns Echo with a GET and a PUT route, and the corskit
// middleware when withCORS is set.
func benchEcho(withCORS bool) *echo.Echo {
	e := echo.New()
	e.Logger.SetOutput(io.Discard)
	if withCORS {
		e.Use(corsecho.New(benchConfig()))
	}
	h := func(c echo.Context) error { return c.String(http.StatusOK, "ok") }
	e.GET("/resource", h)
	e.PUT("/resource", h)
	return e
}

// BenchmarkEcho serves each request through bare Echo (mw=bare) and Echo
// with the corskit middleware (mw=corskit); compare the two with
// `benchstat -col /mw`.
func BenchmarkEcho(b *testing.B) {
	for _, rq := range benchRequests {
		for _, mw := range []string{"bare", "corskit"} {
			b.Run(rq.name+"/mw="+mw, func(b *testing.B) {
				e := benchEcho(mw == "corskit")
				r := httptest.NewRequest(rq.method, "/resource", nil)
				for i := 0; i+1 < len(rq.header); i += 2 {
					r.Header.Set(rq.header[i], rq.header[i+1])
				}
				w := httptest.NewRecorder()
				e.ServeHTTP(w, r)
				if mw == "corskit" && w.Code != rq.status {
					b.Fatalf("status %d, want %d", w.Code, rq.status)
				}
				b.ReportAllocs()
				for b.Loop() {
					e.ServeHTTP(httptest.NewRecorder(), r)
				}
			})
		}
	}
}
