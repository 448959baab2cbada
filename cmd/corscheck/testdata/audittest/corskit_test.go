package audittest

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	corschi "github.com/corskit/corskit/adapters/chi"
	corsecho "github.com/corskit/corskit/adapters/echo"
	corsechov5 "github.com/corskit/corskit/adapters/echov5"
	corsfasthttp "github.com/corskit/corskit/adapters/fasthttp"
	corsfiber "github.com/corskit/corskit/adapters/fiber"
	corsfiberv3 "github.com/corskit/corskit/adapters/fiberv3"
	corsgin "github.com/corskit/corskit/adapters/gin"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/examples/demo/demo"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	fiberv3 "github.com/gofiber/fiber/v3"
	"github.com/labstack/echo/v4"
	echov5 "github.com/labstack/echo/v5"
	"github.com/valyala/fasthttp"
)

// strictPolicy is a careful corskit policy: one trusted origin with
// credentials, two methods and two headers.
func strictPolicy() cors.Config {
	return cors.Config{
		AllowOrigins:     []string{trusted},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization", "X-Request-Id"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
	}
}

// A strictServer serves hello at /api behind a corskit adapter with the
// strict policy, until t ends, and returns the URL of /api.
type strictServer struct {
	name  string
	serve func(t *testing.T) string
}

// strictServers returns one server per corskit adapter.
func strictServers() []strictServer {
	return []strictServer{
		{"net-http", func(t *testing.T) string {
			return serveHTTP(t, cors.MustNew(strictPolicy()).Handler(http.HandlerFunc(hello)))
		}},
		{"gin", func(t *testing.T) string {
			r := gin.New()
			r.Use(corsgin.New(strictPolicy()))
			r.GET("/api", gin.WrapF(hello))
			return serveHTTP(t, r)
		}},
		{"echo", func(t *testing.T) string {
			e := echo.New()
			e.Use(corsecho.New(strictPolicy()))
			e.GET("/api", echo.WrapHandler(http.HandlerFunc(hello)))
			return serveHTTP(t, e)
		}},
		{"echov5", func(t *testing.T) string {
			e := echov5.New()
			e.Use(corsechov5.New(strictPolicy()))
			e.GET("/api", echov5.WrapHandler(http.HandlerFunc(hello)))
			return serveHTTP(t, e)
		}},
		{"chi", func(t *testing.T) string {
			r := chi.NewRouter()
			r.Use(corschi.New(strictPolicy()))
			r.Get("/api", hello)
			return serveHTTP(t, r)
		}},
		{"fiber", serveFiber},
		{"fiberv3", serveFiberV3},
		{"fasthttp", serveFasthttp},
	}
}

// serveHTTP serves h until t ends and returns the URL of /api.
func serveHTTP(t *testing.T, h http.Handler) string {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL + "/api"
}

// listen returns a loopback listener and the URL of /api on it.
func listen(t *testing.T) (net.Listener, string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	return ln, "http://" + ln.Addr().String() + "/api"
}

// serveFiber serves hello behind corsfiber for Fiber v2.
func serveFiber(t *testing.T) string {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Use(corsfiber.New(strictPolicy()))
	app.Get("/api", func(c *fiber.Ctx) error { return c.SendString("hello\n") })
	ln, url := listen(t)
	go app.Listener(ln)
	t.Cleanup(func() { app.ShutdownWithTimeout(5 * time.Second) })
	return url
}

// serveFiberV3 serves hello behind corsfiber for Fiber v3.
func serveFiberV3(t *testing.T) string {
	app := fiberv3.New()
	app.Use(corsfiberv3.New(strictPolicy()))
	app.Get("/api", func(c fiberv3.Ctx) error { return c.SendString("hello\n") })
	ln, url := listen(t)
	go app.Listener(ln, fiberv3.ListenConfig{DisableStartupMessage: true})
	t.Cleanup(func() { app.ShutdownWithTimeout(5 * time.Second) })
	return url
}

// serveFasthttp serves hello behind corsfasthttp on a plain fasthttp server.
func serveFasthttp(t *testing.T) string {
	h := corsfasthttp.New(strictPolicy())(func(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("hello\n") })
	srv := &fasthttp.Server{Handler: h}
	ln, url := listen(t)
	go srv.Serve(ln)
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.ShutdownWithContext(ctx)
	})
	return url
}

func TestCorskitStrictPolicies(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	for _, s := range strictServers() {
		t.Run(s.name, func(t *testing.T) {
			wantClean(t, s.serve(t), trusted)
		})
	}
}

func TestDemoAPI(t *testing.T) {
	gin.SetMode(gin.ReleaseMode)
	for _, fw := range demo.Frameworks() {
		t.Run(fw, func(t *testing.T) {
			d, err := demo.Start(demo.Options{Framework: fw, API: "0", Allowed: "0", Disallowed: "0"})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				d.Shutdown(ctx)
			})
			wantClean(t, d.APIURL()+"/api/hello", d.AllowedURL())
		})
	}
}

// wantClean audits url with the trusted origin and wants a pass with no
// finding above low: a strict corskit policy shows nothing an attacker
// can use.
func wantClean(t *testing.T, url, trusted string) {
	t.Helper()
	r, status := audit(t, url, trusted)
	if status != 0 || r.Verdict != "pass" {
		t.Errorf("exit status %d, verdict %q (%s), want 0 and pass", status, r.Verdict, r.Error)
	}
	for _, f := range r.Findings {
		if f.ID == "trusted-refused" || f.Severity != "low" && f.Severity != "info" {
			t.Errorf("finding %s (%s) from Origin %v", f.ID, f.Severity, f.Request.Headers["Origin"])
		}
	}
	if len(r.Findings) > 0 {
		t.Logf("findings: %q", r.found())
	}
}
