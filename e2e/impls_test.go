package e2e

import (
	"context"
	"net"
	"net/http"
	"strings"
	"sync"
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
	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	fiberv3 "github.com/gofiber/fiber/v3"
	adaptorv3 "github.com/gofiber/fiber/v3/middleware/adaptor"
	"github.com/labstack/echo/v4"
	echov5 "github.com/labstack/echo/v5"
	"github.com/valyala/fasthttp"
	"github.com/valyala/fasthttp/fasthttpadaptor"
)

// stack is what an implementation serves, outermost first: record sees
// every request (preflights included), then the CORS middleware built from
// cfg, then app for every path under /api/ (other paths get the framework's
// own 404).
type stack struct {
	record func(*http.Request)
	cfg    cors.Config
	app    http.Handler
}

// An implementation serves a stack with one framework and its corskit
// middleware.
type implementation struct {
	name string
	// serve serves s on ln until t ends.
	serve func(t *testing.T, ln net.Listener, s stack)
}

// implementations returns every implementation under test.
func implementations() []implementation {
	return []implementation{
		{"net-http", serveCore},
		{"gin", serveGin},
		{"echo", serveEcho},
		{"echov5", serveEchoV5},
		{"fiber", serveFiber},
		{"fiberv3", serveFiberV3},
		{"fasthttp", serveFasthttp},
		{"chi", serveChi},
	}
}

// serveCore serves s with the core's own net/http middleware.
func serveCore(t *testing.T, ln net.Listener, s stack) {
	serveHTTP(t, ln, recorded(s.record, cors.MustNew(s.cfg).Handler(s.app)))
}

// serveGin serves s with Gin and corsgin.
func serveGin(t *testing.T, ln net.Listener, s stack) {
	r := gin.New()
	r.Use(corsgin.New(s.cfg))
	r.Any("/api/*path", gin.WrapH(s.app))
	serveHTTP(t, ln, recorded(s.record, r))
}

// serveEcho serves s with Echo and corsecho.
func serveEcho(t *testing.T, ln net.Listener, s stack) {
	e := echo.New()
	e.Use(corsecho.New(s.cfg))
	e.Any("/api/*", echo.WrapHandler(s.app))
	serveHTTP(t, ln, recorded(s.record, e))
}

// serveEchoV5 serves s with Echo v5 and its corsecho.
func serveEchoV5(t *testing.T, ln net.Listener, s stack) {
	e := echov5.New()
	e.Use(corsechov5.New(s.cfg))
	e.Any("/api/*", echov5.WrapHandler(s.app))
	serveHTTP(t, ln, recorded(s.record, e))
}

// serveChi serves s with chi and corschi.
func serveChi(t *testing.T, ln net.Listener, s stack) {
	r := chi.NewRouter()
	r.Use(corschi.New(s.cfg))
	r.Handle("/api/*", s.app)
	serveHTTP(t, ln, recorded(s.record, r))
}

// serveFiber serves s with Fiber and corsfiber.
func serveFiber(t *testing.T, ln net.Listener, s stack) {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Use(func(c *fiber.Ctx) error {
		r, err := adaptor.ConvertRequest(c, false)
		if err != nil {
			return err
		}
		s.record(r)
		return c.Next()
	})
	app.Use(corsfiber.New(s.cfg))
	app.All("/api/*", adaptor.HTTPHandler(s.app))
	tl := &trackedListener{Listener: ln}
	go app.Listener(tl)
	t.Cleanup(func() {
		tl.closeAll()
		app.ShutdownWithTimeout(5 * time.Second)
	})
}

// serveFiberV3 serves s with Fiber v3 and its corsfiber.
func serveFiberV3(t *testing.T, ln net.Listener, s stack) {
	app := fiberv3.New()
	app.Use(func(c fiberv3.Ctx) error {
		r, err := adaptorv3.ConvertRequest(c, false)
		if err != nil {
			return err
		}
		s.record(r)
		return c.Next()
	})
	app.Use(corsfiberv3.New(s.cfg))
	app.All("/api/*", adaptorv3.HTTPHandler(s.app))
	tl := &trackedListener{Listener: ln}
	go app.Listener(tl, fiberv3.ListenConfig{DisableStartupMessage: true})
	t.Cleanup(func() {
		tl.closeAll()
		app.ShutdownWithTimeout(5 * time.Second)
	})
}

// serveFasthttp serves s with a plain fasthttp server and corsfasthttp
// wrapped around its router, which sends /api/ to the application and
// answers 404 to every other path.
func serveFasthttp(t *testing.T, ln net.Listener, s stack) {
	app := fasthttpadaptor.NewFastHTTPHandler(s.app)
	router := func(ctx *fasthttp.RequestCtx) {
		if !strings.HasPrefix(string(ctx.Path()), "/api/") {
			// Not ctx.Error, which would reset the CORS headers.
			ctx.SetStatusCode(fasthttp.StatusNotFound)
			ctx.SetBodyString("404 page not found\n")
			return
		}
		app(ctx)
	}
	cors := corsfasthttp.New(s.cfg)(router)
	srv := &fasthttp.Server{Handler: func(ctx *fasthttp.RequestCtx) {
		var r http.Request
		if err := fasthttpadaptor.ConvertRequest(ctx, &r, true); err == nil {
			s.record(&r)
		}
		cors(ctx)
	}}
	tl := &trackedListener{Listener: ln}
	go srv.Serve(tl)
	t.Cleanup(func() {
		tl.closeAll()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.ShutdownWithContext(ctx)
	})
}

// trackedListener remembers the connections it accepts, so that closeAll
// can close them at once, as http.Server.Close does. fasthttp's Shutdown
// alone waits for every connection to end, including the ones the browser
// opened speculatively and never used, which it keeps for minutes.
type trackedListener struct {
	net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

// Accept accepts a connection and remembers it.
func (l *trackedListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.mu.Lock()
		l.conns = append(l.conns, c)
		l.mu.Unlock()
	}
	return c, err
}

// closeAll closes the listener and every connection it accepted.
func (l *trackedListener) closeAll() {
	l.Listener.Close()
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.conns {
		c.Close()
	}
}

// recorded returns h calling record first for every request.
func recorded(record func(*http.Request), h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		record(r)
		h.ServeHTTP(w, r)
	})
}
