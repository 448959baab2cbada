package audittest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	gincors "github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	chicors "github.com/go-chi/cors"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/rs/cors"
)

// trusted is the frontend every policy of these tests means to allow.
const trusted = "https://app.example.com"

// hello is the application behind every middleware.
func hello(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "hello\n") }

// rsReflectAll is rs/cors with an AllowOriginFunc that returns true, and
// credentials: every origin, null included, is reflected.
func rsReflectAll() http.Handler {
	return cors.New(cors.Options{
		AllowOriginFunc:  func(string) bool { return true },
		AllowCredentials: true,
	}).Handler(http.HandlerFunc(hello))
}

// ginAllOrigins is gin-contrib/cors with AllowAllOrigins and credentials.
func ginAllOrigins() http.Handler {
	r := gin.New()
	r.Use(gincors.New(gincors.Config{
		AllowAllOrigins:  true,
		AllowCredentials: true,
		AllowMethods:     []string{"GET", "PUT"},
	}))
	r.GET("/api", gin.WrapF(hello))
	return r
}

// echoStar is Echo v4's CORSWithConfig with AllowOrigins ["*"] and
// credentials.
func echoStar() http.Handler {
	e := echo.New()
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:     []string{"*"},
		AllowCredentials: true,
	}))
	e.GET("/api", echo.WrapHandler(http.HandlerFunc(hello)))
	return e
}

// chiUnaligned is go-chi/cors with a wildcard pattern that ignores label
// boundaries: https://*example.com, with credentials.
func chiUnaligned() http.Handler {
	return chicors.Handler(chicors.Options{
		AllowedOrigins:   []string{"https://*example.com"},
		AllowCredentials: true,
	})(http.HandlerFunc(hello))
}

func TestPeersMisconfigurations(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	for _, c := range []struct {
		name    string
		handler http.Handler
		trusted string
		want    []string // "id severity", each of which must be reported
		status  int
	}{
		{"rs-cors AllowOriginFunc true with credentials", rsReflectAll(), trusted,
			[]string{"origin-reflected critical", "null-origin high"}, 1},
		{"rs-cors without -origin", rsReflectAll(), "",
			[]string{"origin-reflected critical", "null-origin high"}, 1},
		{"gin-contrib AllowAllOrigins with credentials", ginAllOrigins(), trusted,
			[]string{"wildcard-credentials medium"}, 0},
		{"echo v4 AllowOrigins * with credentials", echoStar(), trusted,
			[]string{"wildcard-credentials medium"}, 0},
		{"go-chi https://*example.com with credentials", chiUnaligned(), trusted,
			[]string{"origin-prefix high", "origin-any-subdomain low"}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(c.handler)
			defer srv.Close()
			r, status := audit(t, srv.URL+"/api", c.trusted)
			for _, w := range c.want {
				if !slices.Contains(r.found(), w) {
					t.Errorf("want finding %q; got %q", w, r.found())
				}
			}
			if status != c.status {
				t.Errorf("exit status %d, want %d (findings %q)", status, c.status, r.found())
			}
			t.Logf("findings: %q", r.found())
		})
	}
}
