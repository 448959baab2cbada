package corsgin_test

import (
	"io"
	"net/http"
	"testing"

	corsgin "github.com/corskit/corskit/adapters/gin"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
	"github.com/gin-gonic/gin"
)

// TestConformance runs the shared conformance suite through a real Gin
// engine, over TCP, with the middleware installed with r.Use.
func TestConformance(t *testing.T) {
	corstest.Run(t, func(t *testing.T, cfg cors.Config, app http.Handler) corstest.Server {
		p, err := cors.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		return corstest.HTTPServer(t, appEngine(corsgin.FromPolicy(p), app))
	})
}

// appEngine returns an engine that runs mw and then app for every method
// and path: r.Any covers Gin's nine standard methods, and NoRoute every
// other one (a custom method such as PURGE has no route tree).
func appEngine(mw gin.HandlerFunc, app http.Handler) *gin.Engine {
	r := gin.New()
	r.Use(mw)
	r.Any("/*path", gin.WrapH(app))
	r.NoRoute(func(c *gin.Context) {
		// Gin presets 404 for NoRoute handlers; the app expects a route's 200.
		c.Status(http.StatusOK)
		app.ServeHTTP(c.Writer, c.Request)
	})
	return r
}

// TestConformanceEngineRoutesEveryMethod checks the suite's engine itself:
// every method, standard or not, on every path reaches the app, with the
// middleware in front of it.
func TestConformanceEngineRoutesEveryMethod(t *testing.T) {
	app := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, r.Method+" "+r.URL.Path)
	})
	srv := corstest.HTTPServer(t, appEngine(corsgin.New(corsgin.Config{AllowOrigins: []string{origin}}), app))
	for _, method := range []string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PURGE", "PROPFIND", "get"} {
		for _, path := range []string{"/", "/resource", "/a/b/c/"} {
			resp := do(t, srv, method, path, "Origin", origin)
			want := method + " " + path
			if method == "HEAD" {
				want = ""
			}
			if resp.Code != http.StatusOK || resp.Body != want || resp.Header.Get("Access-Control-Allow-Origin") != origin {
				t.Errorf("%s %s: %d %q %v, want 200 %q with CORS headers", method, path, resp.Code, resp.Body, resp.Header, want)
			}
		}
	}
}
