package bench_test

// The checks of docs/migrating.md: for each library the guide covers, a
// typical configuration of that library and its translation to corskit,
// written as the guide's table says, are asked the same requests, and the
// answers are compared as a browser would judge them. Where the guide says
// they match, they must; where it names a difference, the test shows it, so
// that the guide cannot drift from what the libraries do.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	corsecho "github.com/corskit/corskit/adapters/echo"
	corsfiber "github.com/corskit/corskit/adapters/fiber"
	corsgin "github.com/corskit/corskit/adapters/gin"
	cors "github.com/corskit/corskit/core"
	gincors "github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	chicors "github.com/go-chi/cors"
	"github.com/gofiber/fiber/v2"
	fibercors "github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/labstack/echo/v4"
	echomw "github.com/labstack/echo/v4/middleware"
	rscors "github.com/rs/cors"
)

// The origins of the probes: the application's, one of its subdomains, and
// a stranger.
const (
	appOrigin  = "https://app.example.com"
	subOrigin  = "https://api.example.com"
	evilOrigin = "https://evil.example.org"
)

// A probe is one request a browser sends.
type probe struct {
	name        string
	method      string // OPTIONS for a preflight
	origin      string // "" for none
	reqMethod   string // Access-Control-Request-Method of a preflight
	reqHeaders  string // Access-Control-Request-Headers of a preflight, as browsers send it
	credentials bool   // the fetch has credentials: "include"
}

// preflight reports whether p is a preflight.
func (p probe) preflight() bool { return p.method == http.MethodOptions && p.reqMethod != "" }

// request returns p as an HTTP request to /items.
func (p probe) request() *http.Request {
	r := httptest.NewRequest(p.method, "http://api.test/items", nil)
	if p.origin != "" {
		r.Header.Set("Origin", p.origin)
	}
	if p.reqMethod != "" {
		r.Header.Set("Access-Control-Request-Method", p.reqMethod)
	}
	if p.reqHeaders != "" {
		r.Header.Set("Access-Control-Request-Headers", p.reqHeaders)
	}
	if p.credentials && !p.preflight() {
		r.Header.Set("Cookie", "session=1") // browsers never send cookies on a preflight
	}
	return r
}

// A response is what a middleware answered: the status, and the header.
type response struct {
	status int
	header http.Header
}

// A server answers probes.
type server func(t *testing.T, probes []probe) []response

// handlerServer answers with an http.Handler.
func handlerServer(h http.Handler) server {
	return func(t *testing.T, probes []probe) []response {
		var out []response
		for _, p := range probes {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, p.request())
			out = append(out, response{w.Code, w.Header()})
		}
		return out
	}
}

// fiberServer answers with a Fiber app.
func fiberServer(app *fiber.App) server {
	return func(t *testing.T, probes []probe) []response {
		var out []response
		for _, p := range probes {
			res, err := app.Test(p.request(), -1)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			out = append(out, response{res.StatusCode, res.Header})
		}
		return out
	}
}

// The application behind every middleware: 200, with an X-Request-Id for
// ExposeHeaders to expose.
func appHandler(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("X-Request-Id", "r1")
	io.WriteString(w, "ok")
}

// netHTTP mounts a net/http middleware on the application.
func netHTTP(mw func(http.Handler) http.Handler) server {
	return handlerServer(mw(http.HandlerFunc(appHandler)))
}

// corskitNetHTTP mounts the core's middleware for cfg.
func corskitNetHTTP(t *testing.T, cfg cors.Config) server {
	t.Helper()
	p, err := cors.New(cfg)
	if err != nil {
		t.Fatalf("corskit refuses the translated configuration: %v", err)
	}
	return netHTTP(p.Handler)
}

// ginApp mounts Gin middleware on the application, for every method.
func ginApp(mw gin.HandlerFunc) server {
	gin.SetMode(gin.TestMode)
	r := gin.New()
	r.Use(mw)
	r.Any("/items", func(c *gin.Context) { appHandler(c.Writer, c.Request) })
	return handlerServer(r)
}

// echoApp mounts Echo middleware on the application, for every method.
func echoApp(mw echo.MiddlewareFunc) server {
	e := echo.New()
	e.Use(mw)
	e.Any("/items", func(c echo.Context) error {
		appHandler(c.Response(), c.Request())
		return nil
	})
	return handlerServer(e)
}

// fiberApp mounts Fiber middleware on the application, for every method.
func fiberApp(mw fiber.Handler) server {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Use(mw)
	app.All("/items", func(c *fiber.Ctx) error {
		c.Set("X-Request-Id", "r1")
		return c.SendString("ok")
	})
	return fiberServer(app)
}

// list returns the comma-separated items of every line of a field, trimmed.
func list(h http.Header, name string) []string {
	var items []string
	for _, line := range h.Values(name) {
		for item := range strings.SplitSeq(line, ",") {
			if item = strings.TrimSpace(item); item != "" {
				items = append(items, item)
			}
		}
	}
	return items
}

// containsFold reports whether items holds name, ignoring case.
func containsFold(items []string, name string) bool {
	return slices.ContainsFunc(items, func(s string) bool { return strings.EqualFold(s, name) })
}

// corsCheck is the Fetch standard's CORS check of a response to p.
func corsCheck(p probe, h http.Header) bool {
	acao := h.Values("Access-Control-Allow-Origin")
	if len(acao) != 1 {
		return false
	}
	if !p.credentials {
		return acao[0] == "*" || acao[0] == p.origin
	}
	return acao[0] == p.origin && h.Get("Access-Control-Allow-Credentials") == "true"
}

// browserAllows reports whether a browser lets the page have what it asked
// for: for a preflight, whether it goes on with the actual request; for an
// actual request, whether the page can read the response.
func browserAllows(p probe, r response) bool {
	if !p.preflight() {
		return corsCheck(p, r.header)
	}
	if r.status < 200 || r.status > 299 || !corsCheck(p, r.header) {
		return false
	}
	methods := list(r.header, "Access-Control-Allow-Methods")
	safelisted := p.reqMethod == "GET" || p.reqMethod == "HEAD" || p.reqMethod == "POST"
	if !safelisted && !slices.Contains(methods, p.reqMethod) && (p.credentials || !slices.Contains(methods, "*")) {
		return false
	}
	allowed := list(r.header, "Access-Control-Allow-Headers")
	for name := range strings.SplitSeq(p.reqHeaders, ",") {
		if name == "" || containsFold(allowed, name) {
			continue
		}
		if !p.credentials && name != "authorization" && slices.Contains(allowed, "*") {
			continue
		}
		return false
	}
	return true
}

// readable reports whether the page can read the response header name of an
// allowed actual request.
func readable(p probe, r response, name string) bool {
	exposed := list(r.header, "Access-Control-Expose-Headers")
	return browserAllows(p, r) && (containsFold(exposed, name) || !p.credentials && slices.Contains(exposed, "*"))
}

// An answer is what the guide compares: the browser's verdict, whether the
// page reads X-Request-Id, and how long the browser caches a preflight.
type answer struct {
	Allowed bool
	ReadsID bool
	MaxAge  string // Access-Control-Max-Age of an allowed preflight
}

func (a answer) String() string {
	s := fmt.Sprintf("allowed=%v", a.Allowed)
	if a.ReadsID {
		s += " readsID"
	}
	if a.MaxAge != "" {
		s += " max-age=" + a.MaxAge
	}
	return s
}

// answerOf returns what a browser makes of r.
func answerOf(p probe, r response) answer {
	a := answer{Allowed: browserAllows(p, r)}
	if !p.preflight() {
		a.ReadsID = readable(p, r, "X-Request-Id")
	} else if a.Allowed {
		a.MaxAge = r.header.Get("Access-Control-Max-Age")
	}
	return a
}

// typicalProbes are the requests every comparison sends: a configuration
// allowing appOrigin (and its subdomains, where the library can say so),
// PUT and DELETE, Authorization and X-Request-Id, credentials, exposing
// X-Request-Id, caching preflights 600 s.
func typicalProbes(subdomains bool) []probe {
	ps := []probe{
		{name: "preflight PUT with headers", method: "OPTIONS", origin: appOrigin, reqMethod: "PUT", reqHeaders: "authorization,x-request-id", credentials: true},
		{name: "preflight DELETE", method: "OPTIONS", origin: appOrigin, reqMethod: "DELETE", credentials: true},
		{name: "preflight JSON POST", method: "OPTIONS", origin: appOrigin, reqMethod: "POST", reqHeaders: "content-type", credentials: true},
		{name: "preflight from a stranger", method: "OPTIONS", origin: evilOrigin, reqMethod: "PUT", credentials: true},
		{name: "preflight for an unlisted method", method: "OPTIONS", origin: appOrigin, reqMethod: "PATCH", credentials: true},
		{name: "preflight for an unlisted header", method: "OPTIONS", origin: appOrigin, reqMethod: "PUT", reqHeaders: "x-debug", credentials: true},
		{name: "credentialed GET", method: "GET", origin: appOrigin, credentials: true},
		{name: "credentialed POST", method: "POST", origin: appOrigin, credentials: true},
		{name: "GET from a stranger", method: "GET", origin: evilOrigin, credentials: true},
	}
	if subdomains {
		ps = append(ps,
			probe{name: "preflight from a subdomain", method: "OPTIONS", origin: subOrigin, reqMethod: "PUT", reqHeaders: "authorization", credentials: true},
			probe{name: "GET from a subdomain", method: "GET", origin: subOrigin, credentials: true},
		)
	}
	return ps
}

// sameAnswers checks that both servers give every probe the same answer.
func sameAnswers(t *testing.T, lib string, theirs, ours server, probes []probe) {
	t.Helper()
	a, b := theirs(t, probes), ours(t, probes)
	for i, p := range probes {
		if got, want := answerOf(p, b[i]), answerOf(p, a[i]); got != want {
			t.Errorf("%s: %s: corskit %v (status %d, %v), %s %v (status %d, %v)",
				lib, p.name, got, b[i].status, b[i].header, lib, want, a[i].status, a[i].header)
		}
	}
}

// one sends one probe to a server.
func one(t *testing.T, s server, p probe) response {
	t.Helper()
	return s(t, []probe{p})[0]
}

// mustPanic runs f and returns what it panicked with, failing the test if
// it did not.
func mustPanic(t *testing.T, what string, f func()) (v any) {
	t.Helper()
	defer func() { v = recover() }()
	f()
	t.Errorf("%s did not panic", what)
	return nil
}

// mustRefuse checks that corskit's New refuses cfg, naming field.
func mustRefuse(t *testing.T, cfg cors.Config, field string) {
	t.Helper()
	_, err := cors.New(cfg)
	if err == nil || !strings.Contains(err.Error(), field) {
		t.Errorf("corskit's New(%+v) = %v, want an error about %s", cfg, err, field)
	}
}

// noMaxAge checks that a library sends no Access-Control-Max-Age to an
// allowed preflight where corskit sends 600 (MaxAge 0 in both).
func noMaxAge(t *testing.T, lib string, theirs, ours server) {
	t.Helper()
	p := probe{method: "OPTIONS", origin: appOrigin, reqMethod: "PUT"}
	a, b := one(t, theirs, p), one(t, ours, p)
	if !browserAllows(p, a) || !browserAllows(p, b) {
		t.Fatalf("%s: the preflight should be allowed by both: %v / %v", lib, a.header, b.header)
	}
	if got := a.header.Values("Access-Control-Max-Age"); len(got) != 0 {
		t.Errorf("%s with MaxAge 0 sends Access-Control-Max-Age %q; the guide says none", lib, got)
	}
	if got := b.header.Get("Access-Control-Max-Age"); got != "600" {
		t.Errorf("corskit with MaxAge 0 sends Access-Control-Max-Age %q; the guide says 600", got)
	}
}

// typicalConfig is corskit's translation of the typical configuration of
// every Go library: the same for all of them.
func typicalConfig() cors.Config {
	return cors.Config{
		AllowOrigins:     []string{appOrigin, "https://*.example.com"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization", "X-Request-Id"},
		ExposeHeaders:    []string{"X-Request-Id"},
		AllowCredentials: true,
		MaxAge:           600,
	}
}

// allowsAnyOrigin checks that a library configured without origins lets a
// stranger read its responses, where corskit refuses the configuration.
func allowsAnyOrigin(t *testing.T, lib string, s server) {
	t.Helper()
	p := probe{method: "GET", origin: evilOrigin}
	if !browserAllows(p, one(t, s, p)) {
		t.Errorf("%s without origins should allow every origin", lib)
	}
	mustRefuse(t, cors.Config{}, "origin")
}

// statuses checks the status of one probe's answer by a library and by
// corskit, as the guide gives them.
func statuses(t *testing.T, lib string, theirs, ours server, p probe, want, wantOurs int) {
	t.Helper()
	if a, b := one(t, theirs, p), one(t, ours, p); a.status != want || b.status != wantOurs {
		t.Errorf("%s: %s %d, corskit %d; the guide says %d and %d", p.name, lib, a.status, b.status, want, wantOurs)
	}
}

// verdicts checks whether a browser allows p with a library and with
// corskit, as the guide says (what), where they differ.
func verdicts(t *testing.T, what string, theirs, ours server, p probe, wantTheirs, wantOurs bool) {
	t.Helper()
	a, b := one(t, theirs, p), one(t, ours, p)
	if browserAllows(p, a) != wantTheirs || browserAllows(p, b) != wantOurs {
		t.Errorf("%s\n  theirs: %d %v\n  corskit: %d %v", what, a.status, a.header, b.status, b.header)
	}
}

// refusedPreflight is a preflight from an origin no policy allows.
var refusedPreflight = probe{name: "a refused preflight", method: "OPTIONS", origin: evilOrigin, reqMethod: "PUT"}

// notPreflight is an OPTIONS request with an Origin that is not a preflight.
var notPreflight = probe{name: "an OPTIONS request that is not a preflight", method: "OPTIONS", origin: appOrigin}

// TestMigratingRsCors checks the rs/cors section of docs/migrating.md.
func TestMigratingRsCors(t *testing.T) {
	theirs := netHTTP(rscors.New(rscors.Options{
		AllowedOrigins:   []string{appOrigin, "https://*.example.com"},
		AllowedMethods:   []string{"GET", "POST", "HEAD", "PUT", "DELETE"},
		AllowedHeaders:   []string{"Authorization", "X-Request-Id", "Content-Type"},
		ExposedHeaders:   []string{"X-Request-Id"},
		AllowCredentials: true,
		MaxAge:           600,
	}).Handler)
	ours := corskitNetHTTP(t, typicalConfig())
	sameAnswers(t, "rs/cors", theirs, ours, typicalProbes(true))

	t.Run("MaxAge 0", func(t *testing.T) {
		noMaxAge(t, "rs/cors",
			netHTTP(rscors.New(rscors.Options{AllowedOrigins: []string{appOrigin}, AllowedMethods: []string{"PUT"}}).Handler),
			corskitNetHTTP(t, cors.Config{AllowOrigins: []string{appOrigin}, AllowMethods: []string{"PUT"}}))
	})
	t.Run("no origins", func(t *testing.T) {
		allowsAnyOrigin(t, "rs/cors", netHTTP(rscors.New(rscors.Options{}).Handler))
	})
	t.Run("star with credentials", func(t *testing.T) {
		s := netHTTP(rscors.New(rscors.Options{AllowedOrigins: []string{"*"}, AllowCredentials: true}).Handler)
		p := probe{method: "GET", origin: evilOrigin, credentials: true}
		if r := one(t, s, p); r.header.Get("Access-Control-Allow-Origin") != "*" || browserAllows(p, r) {
			t.Errorf("rs/cors with * and credentials should answer * (which browsers refuse with credentials): %v", r.header)
		}
		mustRefuse(t, cors.Config{AllowOrigins: []string{"*"}, AllowCredentials: true}, "AllowCredentials")
	})
	t.Run("POST not listed", func(t *testing.T) {
		s := netHTTP(rscors.New(rscors.Options{AllowedOrigins: []string{appOrigin}, AllowedMethods: []string{"GET"}}).Handler)
		ck := corskitNetHTTP(t, cors.Config{AllowOrigins: []string{appOrigin}})
		p := probe{method: "POST", origin: appOrigin}
		verdicts(t, "a simple POST should be refused by rs/cors without POST in AllowedMethods, and allowed by corskit", s, ck, p, false, true)
	})
	t.Run("Content-Type", func(t *testing.T) {
		s := netHTTP(rscors.New(rscors.Options{AllowedOrigins: []string{appOrigin}, AllowedHeaders: []string{"Authorization"}}).Handler)
		ck := corskitNetHTTP(t, cors.Config{AllowOrigins: []string{appOrigin}, AllowHeaders: []string{"Authorization"}})
		p := probe{method: "OPTIONS", origin: appOrigin, reqMethod: "POST", reqHeaders: "content-type"}
		verdicts(t, "a JSON POST should need Content-Type in rs/cors's AllowedHeaders, and not in corskit's", s, ck, p, false, true)
	})
	t.Run("default headers", func(t *testing.T) {
		s := netHTTP(rscors.New(rscors.Options{AllowedOrigins: []string{appOrigin}}).Handler)
		ck := corskitNetHTTP(t, cors.Config{AllowOrigins: []string{appOrigin}})
		p := probe{method: "OPTIONS", origin: appOrigin, reqMethod: "GET", reqHeaders: "x-requested-with"}
		verdicts(t, "X-Requested-With should be allowed by rs/cors's default AllowedHeaders, and not by corskit's", s, ck, p, true, false)
	})
	t.Run("refused preflight status", func(t *testing.T) {
		statuses(t, "rs/cors", theirs, ours, refusedPreflight, http.StatusNoContent, http.StatusForbidden)
	})
	t.Run("AllowOriginFunc replaces the list", func(t *testing.T) {
		s := netHTTP(rscors.New(rscors.Options{
			AllowedOrigins:  []string{appOrigin},
			AllowOriginFunc: func(o string) bool { return o == subOrigin },
		}).Handler)
		ck := corskitNetHTTP(t, cors.Config{
			AllowOrigins:    []string{appOrigin},
			AllowOriginFunc: func(o string) bool { return o == subOrigin },
		})
		p := probe{method: "GET", origin: appOrigin}
		verdicts(t, "with AllowOriginFunc set, rs/cors should ignore AllowedOrigins, corskit should not", s, ck, p, false, true)
	})
}

// TestMigratingChiCors checks the go-chi/cors section of docs/migrating.md.
func TestMigratingChiCors(t *testing.T) {
	theirs := netHTTP(chicors.Handler(chicors.Options{
		AllowedOrigins:   []string{appOrigin, "https://*.example.com"},
		AllowedMethods:   []string{"GET", "POST", "HEAD", "PUT", "DELETE"},
		AllowedHeaders:   []string{"Authorization", "X-Request-Id", "Content-Type"},
		ExposedHeaders:   []string{"X-Request-Id"},
		AllowCredentials: true,
		MaxAge:           600,
	}))
	ours := corskitNetHTTP(t, typicalConfig())
	sameAnswers(t, "go-chi/cors", theirs, ours, typicalProbes(true))

	t.Run("MaxAge 0", func(t *testing.T) {
		noMaxAge(t, "go-chi/cors",
			netHTTP(chicors.Handler(chicors.Options{AllowedOrigins: []string{appOrigin}, AllowedMethods: []string{"PUT"}})),
			corskitNetHTTP(t, cors.Config{AllowOrigins: []string{appOrigin}, AllowMethods: []string{"PUT"}}))
	})
	t.Run("no origins", func(t *testing.T) {
		allowsAnyOrigin(t, "go-chi/cors", netHTTP(chicors.Handler(chicors.Options{})))
	})
	t.Run("safelisted headers", func(t *testing.T) {
		// go-chi/cors checks even Content-Type against AllowedHeaders.
		s := netHTTP(chicors.Handler(chicors.Options{AllowedOrigins: []string{appOrigin}, AllowedHeaders: []string{"Authorization"}}))
		ck := corskitNetHTTP(t, cors.Config{AllowOrigins: []string{appOrigin}, AllowHeaders: []string{"Authorization"}})
		p := probe{method: "OPTIONS", origin: appOrigin, reqMethod: "POST", reqHeaders: "content-type"}
		verdicts(t, "a JSON POST should need Content-Type in go-chi/cors's AllowedHeaders, and not in corskit's", s, ck, p, false, true)
	})
	t.Run("refused preflight status", func(t *testing.T) {
		statuses(t, "go-chi/cors", theirs, ours, refusedPreflight, http.StatusOK, http.StatusForbidden)
	})
}

// TestMigratingGinContrib checks the gin-contrib/cors section of
// docs/migrating.md.
func TestMigratingGinContrib(t *testing.T) {
	theirs := ginApp(gincors.New(gincors.Config{
		AllowOrigins:     []string{appOrigin, "https://*.example.com"},
		AllowWildcard:    true,
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization", "X-Request-Id", "Content-Type"},
		ExposeHeaders:    []string{"X-Request-Id"},
		AllowCredentials: true,
		MaxAge:           10 * time.Minute,
	}))
	ours := ginApp(corsgin.New(typicalConfig()))
	sameAnswers(t, "gin-contrib/cors", theirs, ours, typicalProbes(true))

	t.Run("refused origin", func(t *testing.T) {
		for _, p := range []probe{{method: "GET", origin: evilOrigin}, {method: "OPTIONS", origin: evilOrigin, reqMethod: "PUT"}} {
			a, b := one(t, theirs, p), one(t, ours, p)
			want := http.StatusOK
			if p.preflight() {
				want = http.StatusForbidden
			}
			if a.status != http.StatusForbidden || b.status != want {
				t.Errorf("%s from a refused origin: gin-contrib %d, corskit %d; the guide says 403 and %d", p.method, a.status, b.status, want)
			}
		}
	})
	t.Run("OPTIONS without Access-Control-Request-Method", func(t *testing.T) {
		statuses(t, "gin-contrib", theirs, ours, notPreflight, http.StatusNoContent, http.StatusOK)
	})
	t.Run("no origins", func(t *testing.T) {
		mustPanic(t, "gin-contrib/cors.New without origins", func() { gincors.New(gincors.Config{}) })
		mustRefuse(t, cors.Config{}, "origin")
	})
	t.Run("star with credentials", func(t *testing.T) {
		s := ginApp(gincors.New(gincors.Config{AllowAllOrigins: true, AllowCredentials: true}))
		p := probe{method: "GET", origin: evilOrigin, credentials: true}
		if r := one(t, s, p); r.header.Get("Access-Control-Allow-Origin") != "*" || browserAllows(p, r) {
			t.Errorf("gin-contrib with AllowAllOrigins and credentials should answer * (which browsers refuse with credentials): %v", r.header)
		}
	})
	t.Run("wildcard needs AllowWildcard", func(t *testing.T) {
		s := ginApp(gincors.New(gincors.Config{AllowOrigins: []string{"https://*.example.com"}}))
		p := probe{method: "GET", origin: subOrigin}
		if r := one(t, s, p); r.status != http.StatusForbidden {
			t.Errorf("without AllowWildcard, gin-contrib should compare https://*.example.com literally and answer 403 to %s, not %d", subOrigin, r.status)
		}
	})
	t.Run("MaxAge 0", func(t *testing.T) {
		noMaxAge(t, "gin-contrib/cors",
			ginApp(gincors.New(gincors.Config{AllowOrigins: []string{appOrigin}, AllowMethods: []string{"PUT"}})),
			ginApp(corsgin.New(corsgin.Config{AllowOrigins: []string{appOrigin}, AllowMethods: []string{"PUT"}})))
	})
}

// TestMigratingEcho checks the section of docs/migrating.md on Echo's
// CORSWithConfig.
func TestMigratingEcho(t *testing.T) {
	theirs := echoApp(echomw.CORSWithConfig(echomw.CORSConfig{
		AllowOrigins:     []string{appOrigin, "https://*.example.com"},
		AllowMethods:     []string{"GET", "HEAD", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization", "X-Request-Id", "Content-Type"},
		ExposeHeaders:    []string{"X-Request-Id"},
		AllowCredentials: true,
		MaxAge:           600,
	}))
	ours := echoApp(corsecho.New(typicalConfig()))
	sameAnswers(t, "Echo", theirs, ours, typicalProbes(true))

	t.Run("AllowOriginFunc", func(t *testing.T) {
		theirs := echoApp(echomw.CORSWithConfig(echomw.CORSConfig{
			AllowOriginFunc: func(origin string) (bool, error) { return strings.HasSuffix(origin, ".example.com"), nil },
			MaxAge:          600,
		}))
		ours := echoApp(corsecho.New(corsecho.Config{
			AllowOriginFunc: func(origin string) bool { return strings.HasSuffix(origin, ".example.com") },
		}))
		sameAnswers(t, "Echo", theirs, ours, []probe{
			{name: "GET, allowed", method: "GET", origin: appOrigin},
			{name: "GET, refused", method: "GET", origin: evilOrigin},
			{name: "preflight, allowed", method: "OPTIONS", origin: subOrigin, reqMethod: "POST", reqHeaders: "content-type"},
		})
	})
	t.Run("MaxAge 0", func(t *testing.T) {
		noMaxAge(t, "Echo",
			echoApp(echomw.CORSWithConfig(echomw.CORSConfig{AllowOrigins: []string{appOrigin}, AllowMethods: []string{"PUT"}})),
			echoApp(corsecho.New(corsecho.Config{AllowOrigins: []string{appOrigin}, AllowMethods: []string{"PUT"}})))
	})
	t.Run("no origins", func(t *testing.T) {
		allowsAnyOrigin(t, "Echo", echoApp(echomw.CORSWithConfig(echomw.CORSConfig{})))
	})
	t.Run("star with credentials", func(t *testing.T) {
		s := echoApp(echomw.CORSWithConfig(echomw.CORSConfig{AllowOrigins: []string{"*"}, AllowCredentials: true}))
		p := probe{method: "GET", origin: evilOrigin, credentials: true}
		if r := one(t, s, p); browserAllows(p, r) {
			t.Errorf("Echo with * and credentials should answer *, which browsers refuse with credentials: %v", r.header)
		}
	})
	t.Run("AllowHeaders empty", func(t *testing.T) {
		s := echoApp(echomw.CORSWithConfig(echomw.CORSConfig{AllowOrigins: []string{appOrigin}}))
		ck := echoApp(corsecho.New(corsecho.Config{AllowOrigins: []string{appOrigin}}))
		p := probe{method: "OPTIONS", origin: appOrigin, reqMethod: "GET", reqHeaders: "x-anything"}
		verdicts(t, "without AllowHeaders, Echo should allow any requested header and corskit only the safelisted ones", s, ck, p, true, false)
	})
	t.Run("refused preflight status", func(t *testing.T) {
		statuses(t, "Echo", theirs, ours, refusedPreflight, http.StatusNoContent, http.StatusForbidden)
	})
	t.Run("OPTIONS without Access-Control-Request-Method", func(t *testing.T) {
		statuses(t, "Echo", theirs, ours, notPreflight, http.StatusNoContent, http.StatusOK)
	})
}

// TestMigratingFiber checks the section of docs/migrating.md on Fiber v2's
// cors middleware.
func TestMigratingFiber(t *testing.T) {
	theirs := fiberApp(fibercors.New(fibercors.Config{
		AllowOrigins:     appOrigin + ",https://*.example.com",
		AllowMethods:     "GET,POST,HEAD,PUT,DELETE",
		AllowHeaders:     "Authorization, X-Request-Id, Content-Type",
		ExposeHeaders:    "X-Request-Id",
		AllowCredentials: true,
		MaxAge:           600,
	}))
	ours := fiberApp(corsfiber.New(typicalConfig()))
	sameAnswers(t, "Fiber", theirs, ours, typicalProbes(true))

	t.Run("space before a pattern", func(t *testing.T) {
		// Fiber v2 trims the space only after locating the "*", so the
		// pattern it compiles is off by one and matches nothing.
		s := fiberApp(fibercors.New(fibercors.Config{AllowOrigins: appOrigin + ", https://*.example.com"}))
		p := probe{method: "GET", origin: subOrigin}
		verdicts(t, "Fiber should refuse a subdomain whose pattern follows \", \" in AllowOrigins; corskit allows it", s, ours, p, false, true)
	})
	t.Run("MaxAge 0", func(t *testing.T) {
		noMaxAge(t, "Fiber",
			fiberApp(fibercors.New(fibercors.Config{AllowOrigins: appOrigin, AllowMethods: "PUT"})),
			fiberApp(corsfiber.New(corsfiber.Config{AllowOrigins: []string{appOrigin}, AllowMethods: []string{"PUT"}})))
	})
	t.Run("no origins", func(t *testing.T) {
		allowsAnyOrigin(t, "Fiber", fiberApp(fibercors.New(fibercors.Config{})))
	})
	t.Run("star with credentials", func(t *testing.T) {
		mustPanic(t, "Fiber's cors.New with * and credentials", func() {
			fibercors.New(fibercors.Config{AllowOrigins: "*", AllowCredentials: true})
		})
		mustRefuse(t, cors.Config{AllowOrigins: []string{"*"}, AllowCredentials: true}, "AllowCredentials")
	})
	t.Run("AllowHeaders empty", func(t *testing.T) {
		s := fiberApp(fibercors.New(fibercors.Config{AllowOrigins: appOrigin}))
		ck := fiberApp(corsfiber.New(corsfiber.Config{AllowOrigins: []string{appOrigin}}))
		p := probe{method: "OPTIONS", origin: appOrigin, reqMethod: "GET", reqHeaders: "x-anything"}
		verdicts(t, "without AllowHeaders, Fiber should allow any requested header and corskit only the safelisted ones", s, ck, p, true, false)
	})
	t.Run("refused preflight status", func(t *testing.T) {
		statuses(t, "Fiber", theirs, ours, refusedPreflight, http.StatusNoContent, http.StatusForbidden)
	})
}

// starletteScript runs Starlette's CORSMiddleware in front of an ASGI
// application like appHandler, for the configuration in argv[1] (the
// middleware's keyword arguments) and the requests on standard input, and
// prints the responses. It needs no server: it calls the ASGI application.
const starletteScript = `
import asyncio, json, sys
from starlette.middleware.cors import CORSMiddleware

async def app(scope, receive, send):
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"x-request-id", b"r1"), (b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok"})

async def call(mw, r):
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": r["method"], "scheme": "http", "path": "/items", "raw_path": b"/items",
             "query_string": b"", "root_path": "", "server": ("api.test", 80), "client": ("127.0.0.1", 1),
             "headers": [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in r["headers"]]}
    out = {"status": 0, "headers": []}
    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}
    async def send(m):
        if m["type"] == "http.response.start":
            out["status"] = m["status"]
            out["headers"] = [[k.decode("latin-1"), v.decode("latin-1")] for k, v in m.get("headers", [])]
    await mw(scope, receive, send)
    return out

async def main():
    mw = CORSMiddleware(app, **json.loads(sys.argv[1]))
    return [await call(mw, r) for r in json.load(sys.stdin)]

print(json.dumps({"responses": asyncio.run(main())}))
`

// starlettePython returns a Python interpreter that has Starlette: Debian's
// (python3-starlette installs for /usr/bin/python3, which .ci/run
// installs), else the first python3 on PATH. Without one the test is
// skipped, loudly, or fails under CI.
func starlettePython(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		v, err := exec.Command(py, "-c", "import starlette.middleware.cors, starlette; print(starlette.__version__)").Output()
		if err == nil {
			t.Logf("Starlette %s (%s)", strings.TrimSpace(string(v)), py)
			return py
		}
	}
	msg := "no python3 with Starlette (apt-get install -y python3-starlette): the Starlette section of docs/migrating.md is NOT checked"
	if v := strings.ToLower(os.Getenv("CI")); v != "" && v != "0" && v != "false" {
		t.Fatal(msg)
	}
	fmt.Fprintln(os.Stderr, "WARNING: "+t.Name()+" SKIPPED: "+msg)
	t.Skip(msg)
	return ""
}

// starletteServer answers probes with Starlette's CORSMiddleware configured
// by the JSON document cfg.
func starletteServer(py, cfg string) server {
	return func(t *testing.T, probes []probe) []response {
		t.Helper()
		type req struct {
			Method  string      `json:"method"`
			Headers [][2]string `json:"headers"`
		}
		var reqs []req
		for _, p := range probes {
			r := req{Method: p.method}
			for name, values := range p.request().Header {
				for _, v := range values {
					r.Headers = append(r.Headers, [2]string{name, v})
				}
			}
			reqs = append(reqs, r)
		}
		in, _ := json.Marshal(reqs)
		cmd := exec.Command(py, "-c", starletteScript, cfg)
		cmd.Stdin = bytes.NewReader(in)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("running Starlette: %v\n%s", err, stderr.Bytes())
		}
		var res struct {
			Responses []struct {
				Status  int         `json:"status"`
				Headers [][2]string `json:"headers"`
			} `json:"responses"`
		}
		if err := json.Unmarshal(out, &res); err != nil {
			t.Fatalf("Starlette's output: %v\n%s", err, out)
		}
		var rs []response
		for _, r := range res.Responses {
			h := http.Header{}
			for _, kv := range r.Headers {
				h.Add(kv[0], kv[1])
			}
			rs = append(rs, response{r.Status, h})
		}
		return rs
	}
}

// corskitDocument configures corskit with the JSON document a FastAPI
// application would pass to CORSMiddleware.
func corskitDocument(t *testing.T, doc string) server {
	t.Helper()
	var cfg cors.Config
	if err := json.Unmarshal([]byte(doc), &cfg); err != nil {
		t.Fatalf("corskit does not read %s: %v", doc, err)
	}
	return corskitNetHTTP(t, cfg)
}

// starletteOnly checks a configuration document that Starlette runs and
// corskit refuses: whether Starlette lets the browser have p, and that
// corskit's New refuses the document, naming field.
func starletteOnly(t *testing.T, py, doc string, p probe, wantStarlette bool, field string) {
	t.Helper()
	if r := one(t, starletteServer(py, doc), p); browserAllows(p, r) != wantStarlette {
		t.Errorf("Starlette with %s: the browser allows %s from %s: %v, want %v (%d %v)",
			doc, p.method, p.origin, !wantStarlette, wantStarlette, r.status, r.header)
	}
	var cfg cors.Config
	if err := json.Unmarshal([]byte(doc), &cfg); err != nil {
		t.Fatal(err)
	}
	mustRefuse(t, cfg, field)
}

// TestMigratingStarlette checks the Starlette (FastAPI) section of
// docs/migrating.md against Starlette itself.
func TestMigratingStarlette(t *testing.T) {
	py := starlettePython(t)
	const typical = `{
		"allow_origins": ["https://app.example.com"],
		"allow_origin_regex": "https://[a-z0-9-]+\\.example\\.com",
		"allow_methods": ["GET", "POST", "PUT", "DELETE"],
		"allow_headers": ["Authorization", "X-Request-Id"],
		"allow_credentials": true,
		"expose_headers": ["X-Request-Id"],
		"max_age": 600
	}`
	sameAnswers(t, "Starlette", starletteServer(py, typical), corskitDocument(t, typical), typicalProbes(true))

	t.Run("max_age", func(t *testing.T) {
		p := probe{method: "OPTIONS", origin: appOrigin, reqMethod: "PUT"}
		for _, doc := range []string{
			`{"allow_origins": ["https://app.example.com"], "allow_methods": ["PUT"]}`,
			`{"allow_origins": ["https://app.example.com"], "allow_methods": ["PUT"], "max_age": 0}`,
		} {
			a, b := one(t, starletteServer(py, doc), p), one(t, corskitDocument(t, doc), p)
			if answerOf(p, a) != answerOf(p, b) {
				t.Errorf("%s: Starlette %v, corskit %v", doc, answerOf(p, a), answerOf(p, b))
			}
		}
	})
	t.Run("default methods", func(t *testing.T) {
		doc := `{"allow_origins": ["https://app.example.com"]}`
		verdicts(t, "a JSON POST's preflight should be refused by Starlette's default allow_methods (GET) and allowed by corskit",
			starletteServer(py, doc), corskitDocument(t, doc),
			probe{method: "OPTIONS", origin: appOrigin, reqMethod: "POST", reqHeaders: "content-type"}, false, true)
	})
	t.Run("no origins", func(t *testing.T) {
		starletteOnly(t, py, `{"allow_methods": ["PUT"]}`, probe{method: "GET", origin: appOrigin}, false, "origin")
	})
	t.Run("star with credentials", func(t *testing.T) {
		starletteOnly(t, py, `{"allow_origins": ["*"], "allow_credentials": true, "allow_methods": ["PUT"]}`,
			probe{method: "OPTIONS", origin: evilOrigin, reqMethod: "PUT", credentials: true}, true, "AllowCredentials")
	})
	t.Run("allow_headers star", func(t *testing.T) {
		for _, doc := range []string{
			`{"allow_origins": ["https://app.example.com"], "allow_headers": ["*"]}`,
			`{"allow_origins": ["https://app.example.com"], "allow_headers": ["*"], "allow_credentials": true}`,
		} {
			credentials := strings.Contains(doc, "credentials")
			sameAnswers(t, "Starlette", starletteServer(py, doc), corskitDocument(t, doc), []probe{
				{name: "any header", method: "OPTIONS", origin: appOrigin, reqMethod: "GET", reqHeaders: "authorization,x-anything", credentials: credentials},
			})
		}
	})
	t.Run("origin spelling", func(t *testing.T) {
		starletteOnly(t, py, `{"allow_origins": ["https://App.example.com/"]}`, probe{method: "GET", origin: appOrigin}, false, "AllowOrigins[0]")
	})
	t.Run("refused preflight status", func(t *testing.T) {
		statuses(t, "Starlette", starletteServer(py, typical), corskitDocument(t, typical), refusedPreflight, http.StatusBadRequest, http.StatusForbidden)
	})
}
