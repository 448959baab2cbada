package bench

import (
	"io"
	"net/http"
	"strings"
	"time"

	corschi "github.com/corskit/corskit/adapters/chi"
	corsecho "github.com/corskit/corskit/adapters/echo"
	corsechov5 "github.com/corskit/corskit/adapters/echov5"
	corsfiber "github.com/corskit/corskit/adapters/fiber"
	corsfiberv3 "github.com/corskit/corskit/adapters/fiberv3"
	corsgin "github.com/corskit/corskit/adapters/gin"
	cors "github.com/corskit/corskit/core"
	gincontribcors "github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	gochicors "github.com/go-chi/cors"
	fiber "github.com/gofiber/fiber/v2"
	fibercors "github.com/gofiber/fiber/v2/middleware/cors"
	fiberv3 "github.com/gofiber/fiber/v3"
	fiberv3cors "github.com/gofiber/fiber/v3/middleware/cors"
	echo "github.com/labstack/echo/v4"
	echomw "github.com/labstack/echo/v4/middleware"
	echov5 "github.com/labstack/echo/v5"
	echov5mw "github.com/labstack/echo/v5/middleware"
	rscors "github.com/rs/cors"
	"github.com/valyala/fasthttp"
)

// A Role says what an implementation stands for in the comparison.
type Role string

// The roles; floor.go says what the floors do.
const (
	Baseline  Role = "baseline"   // the framework alone
	Floor     Role = "floor"      // constant headers, no decision
	VaryFloor Role = "vary-floor" // Vary: Origin only
	Native    Role = "native"     // a middleware its users pick today
	Corskit   Role = "corskit"    // corskit's adapter
)

// A Framework is one web framework and the implementations measured on it.
type Framework struct {
	Name  string
	Impls []Impl
}

// An Impl is one implementation: the framework's application with one
// middleware, or none.
type Impl struct {
	Name string // the benchmark key, impl=Name
	Role Role
	// App builds the application: an http.Handler or a
	// fasthttp.RequestHandler.
	App func() any
}

// Frameworks returns every framework with its implementations, in the
// order of the report.
func Frameworks() []Framework {
	f := newFloor()
	rs, gochi := native("rs-cors", rsCORS), native("go-chi-cors", goChiCORS)
	fiberJoin := func(s []string) string { return strings.Join(s, ",") }
	return []Framework{
		framework("nethttp", netHTTPApp, httpMW(f.http), httpMW(varyHTTP), corskitHTTP, rs, gochi),
		framework("chi", chiApp, httpMW(f.http), httpMW(varyHTTP),
			func() httpMiddleware { return corschi.New(Config()) }, rs, gochi),
		framework("gin", ginApp, ginMW(f.http), ginMW(varyHTTP),
			func() gin.HandlerFunc { return corsgin.New(Config()) },
			native("gin-contrib-cors", func() gin.HandlerFunc {
				c := Config()
				return gincontribcors.New(gincontribcors.Config{AllowOrigins: c.AllowOrigins, AllowMethods: c.AllowMethods,
					AllowHeaders: c.AllowHeaders, ExposeHeaders: c.ExposeHeaders, AllowCredentials: true,
					MaxAge: time.Duration(c.MaxAge) * time.Second})
			})),
		framework("echo", echoApp, echoMW(f.http), echoMW(varyHTTP),
			func() echo.MiddlewareFunc { return corsecho.New(Config()) },
			native("echo-cors", func() echo.MiddlewareFunc {
				c := Config()
				return echomw.CORSWithConfig(echomw.CORSConfig{AllowOrigins: c.AllowOrigins, AllowMethods: c.AllowMethods,
					AllowHeaders: c.AllowHeaders, ExposeHeaders: c.ExposeHeaders, AllowCredentials: true, MaxAge: c.MaxAge})
			})),
		framework("echov5", echov5App, echov5MW(f.http), echov5MW(varyHTTP),
			func() echov5.MiddlewareFunc { return corsechov5.New(Config()) },
			native("echo-cors", func() echov5.MiddlewareFunc {
				c := Config()
				return echov5mw.CORSWithConfig(echov5mw.CORSConfig{AllowCredentials: true, MaxAge: c.MaxAge,
					AllowOrigins: c.AllowOrigins, AllowMethods: c.AllowMethods, AllowHeaders: c.AllowHeaders, ExposeHeaders: c.ExposeHeaders})
			})),
		framework("fiber", fiberApp, fiberMW(f.fast, (*fiber.Ctx).Context), fiberMW(varyFast, (*fiber.Ctx).Context),
			func() fiber.Handler { return corsfiber.New(Config()) },
			native("fiber-cors", func() fiber.Handler {
				c := Config()
				return fibercors.New(fibercors.Config{AllowOrigins: fiberJoin(c.AllowOrigins), AllowMethods: fiberJoin(c.AllowMethods),
					AllowHeaders: fiberJoin(c.AllowHeaders), ExposeHeaders: fiberJoin(c.ExposeHeaders), AllowCredentials: true, MaxAge: c.MaxAge})
			})),
		framework("fiberv3", fiberv3App, fiberMW(f.fast, fiberv3.Ctx.RequestCtx), fiberMW(varyFast, fiberv3.Ctx.RequestCtx),
			func() fiberv3.Handler { return corsfiberv3.New(Config()) },
			native("fiber-cors", func() fiberv3.Handler {
				c := Config()
				return fiberv3cors.New(fiberv3cors.Config{AllowOrigins: c.AllowOrigins, AllowMethods: c.AllowMethods,
					AllowHeaders: c.AllowHeaders, ExposeHeaders: c.ExposeHeaders, AllowCredentials: true, MaxAge: c.MaxAge})
			})),
	}
}

// A nativeMW is a native middleware's name and constructor.
type nativeMW[M any] struct {
	name string
	mw   func() M
}

func native[M any](name string, mw func() M) nativeMW[M] { return nativeMW[M]{name, mw} }

// framework lists a framework's implementations: app builds its
// application with the middlewares given, in order.
func framework[M, H any](name string, app func(...M) H, floor, varyFloor M, corskit func() M, natives ...nativeMW[M]) Framework {
	with := func(n string, r Role, mw func() []M) Impl {
		return Impl{Name: n, Role: r, App: func() any { return app(mw()...) }}
	}
	fw := Framework{Name: name, Impls: []Impl{
		with("baseline", Baseline, func() []M { return nil }),
		with("floor", Floor, func() []M { return []M{floor} }),
		with("vary-floor", VaryFloor, func() []M { return []M{varyFloor} }),
	}}
	for _, n := range natives {
		fw.Impls = append(fw.Impls, with(n.name, Native, func() []M { return []M{n.mw()} }))
	}
	fw.Impls = append(fw.Impls, with("corskit", Corskit, func() []M { return []M{corskit()} }))
	return fw
}

// The application: GET Path answers 200 "ok", OPTIONS Path 204, so that a
// preflight's baseline is a cheap routed request rather than a 404 or 405.

type httpMiddleware = func(http.Handler) http.Handler

func ok(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok") }

func noContent(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }

func netHTTPApp(mw ...httpMiddleware) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+Path, ok)
	mux.HandleFunc("OPTIONS "+Path, noContent)
	var h http.Handler = mux
	for _, m := range mw {
		h = m(h) // outside the router, as the core's documentation says
	}
	return h
}

func chiApp(mw ...httpMiddleware) http.Handler {
	r := chi.NewRouter()
	r.Use(mw...)
	r.Get(Path, ok)
	r.Options(Path, noContent)
	return r
}

func ginApp(mw ...gin.HandlerFunc) http.Handler {
	gin.SetMode(gin.ReleaseMode) // debug mode prints every route
	r := gin.New()
	r.Use(mw...)
	r.GET(Path, func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	r.OPTIONS(Path, func(c *gin.Context) { c.Status(http.StatusNoContent) })
	return r
}

func echoApp(mw ...echo.MiddlewareFunc) http.Handler {
	e := echo.New()
	e.Use(mw...)
	e.GET(Path, func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	e.OPTIONS(Path, func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })
	return e
}

func echov5App(mw ...echov5.MiddlewareFunc) http.Handler {
	e := echov5.New()
	e.Use(mw...)
	e.GET(Path, func(c *echov5.Context) error { return c.String(http.StatusOK, "ok") })
	e.OPTIONS(Path, func(c *echov5.Context) error { return c.NoContent(http.StatusNoContent) })
	return e
}

func fiberApp(mw ...fiber.Handler) fasthttp.RequestHandler {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	for _, m := range mw {
		app.Use(m)
	}
	app.Get(Path, func(c *fiber.Ctx) error { return c.SendString("ok") })
	app.Options(Path, func(c *fiber.Ctx) error { return c.SendStatus(http.StatusNoContent) })
	return app.Handler()
}

func fiberv3App(mw ...fiberv3.Handler) fasthttp.RequestHandler {
	app := fiberv3.New()
	for _, m := range mw {
		app.Use(m)
	}
	app.Get(Path, func(c fiberv3.Ctx) error { return c.SendString("ok") })
	app.Options(Path, func(c fiberv3.Ctx) error { return c.SendStatus(http.StatusNoContent) })
	return app.Handler()
}

// The floors' steps as each framework's middleware.

func httpMW(step httpStep) httpMiddleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if step(r, w.Header()) {
				w.WriteHeader(http.StatusNoContent)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

func ginMW(step httpStep) gin.HandlerFunc {
	return func(c *gin.Context) {
		if step(c.Request, c.Writer.Header()) {
			c.AbortWithStatus(http.StatusNoContent)
		}
	}
}

func echoMW(step httpStep) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if step(c.Request(), c.Response().Header()) {
				return c.NoContent(http.StatusNoContent)
			}
			return next(c)
		}
	}
}

func echov5MW(step httpStep) echov5.MiddlewareFunc {
	return func(next echov5.HandlerFunc) echov5.HandlerFunc {
		return func(c *echov5.Context) error {
			if step(c.Request(), c.Response().Header()) {
				return c.NoContent(http.StatusNoContent)
			}
			return next(c)
		}
	}
}

// fiberMW is a step as Fiber v2 (C = *fiber.Ctx) or v3 (C = fiber.Ctx)
// middleware; ctx returns the fasthttp request.
func fiberMW[C interface {
	SendStatus(int) error
	Next() error
}](step fastStep, ctx func(C) *fasthttp.RequestCtx) func(C) error {
	return func(c C) error {
		if step(ctx(c)) {
			return c.SendStatus(http.StatusNoContent)
		}
		return c.Next()
	}
}

// The native middlewares and corskit, configured with the policy.

func corskitHTTP() httpMiddleware { return cors.MustNew(Config()).Handler }

func rsCORS() httpMiddleware {
	c := Config()
	return rscors.New(rscors.Options{AllowedOrigins: c.AllowOrigins, AllowedMethods: c.AllowMethods,
		AllowedHeaders: c.AllowHeaders, ExposedHeaders: c.ExposeHeaders, AllowCredentials: true, MaxAge: c.MaxAge}).Handler
}

func goChiCORS() httpMiddleware {
	c := Config()
	return gochicors.Handler(gochicors.Options{AllowedOrigins: c.AllowOrigins, AllowedMethods: c.AllowMethods,
		AllowedHeaders: c.AllowHeaders, ExposedHeaders: c.ExposeHeaders, AllowCredentials: true, MaxAge: c.MaxAge})
}
