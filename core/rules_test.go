package cors_test

import (
	"bytes"
	"context"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unsafe"

	cors "github.com/corskit/corskit/core"
)

// TestOriginFuncKeepsItsString: the origin AllowOriginFunc receives stays
// valid after the request's own bytes change, as fasthttp's do when it
// reuses a buffer for the next request.
func TestOriginFuncKeepsItsString(t *testing.T) {
	var kept []string
	p := cors.MustNew(cors.Config{AllowOriginFunc: func(o string) bool {
		kept = append(kept, o)
		return true
	}})
	buf := []byte("https://good.example.org")
	origin := unsafe.String(&buf[0], len(buf))
	p.Decide(cors.Request{Method: "GET", Origin: []string{origin}})
	copy(buf, "https://evil.example.org")
	if len(kept) != 1 || kept[0] != "https://good.example.org" {
		t.Errorf("AllowOriginFunc kept %q, want the origin it was asked about", kept)
	}
}

// TestInsecureOriginsAtRequestTime: with credentials, an origin that
// AllowOriginFunc or AllowOriginRegex admits is refused when it is plain
// HTTP to a host other than loopback, as a listed one would be at New.
func TestInsecureOriginsAtRequestTime(t *testing.T) {
	yes := func(string) bool { return true }
	for _, c := range []struct {
		cfg     cors.Config
		origin  string
		allowed bool
	}{
		{cors.Config{AllowOriginFunc: yes, AllowCredentials: true}, "http://app.example.com", false},
		{cors.Config{AllowOriginFunc: yes, AllowCredentials: true}, "ws://app.example.com", false},
		{cors.Config{AllowOriginFunc: yes, AllowCredentials: true}, "http://app.example.com:8080", false},
		{cors.Config{AllowOriginFunc: yes, AllowCredentials: true}, "https://app.example.com", true},
		{cors.Config{AllowOriginFunc: yes, AllowCredentials: true}, "http://localhost:3000", true},
		{cors.Config{AllowOriginFunc: yes, AllowCredentials: true}, "http://127.0.0.1", true},
		{cors.Config{AllowOriginFunc: yes, AllowCredentials: true}, "http://[::1]:8080", true},
		{cors.Config{AllowOriginFunc: yes, AllowCredentials: true}, "http://app.localhost", true},
		{cors.Config{AllowOriginFunc: yes, AllowCredentials: true, DangerouslyAllowInsecureOrigins: true}, "http://app.example.com", true},
		{cors.Config{AllowOriginFunc: yes}, "http://app.example.com", true},
		{cors.Config{AllowOriginRegex: `https?://app\.example\.com`, AllowCredentials: true, DangerouslyAllowInsecureOrigins: true}, "http://app.example.com", true},
		{cors.Config{AllowOriginRegex: `https?://app\.example\.com`}, "http://app.example.com", true},
	} {
		d := cors.MustNew(c.cfg).Decide(get(c.origin))
		if d.Allowed != c.allowed {
			t.Errorf("%s with credentials=%v insecure=%v: allowed = %v, want %v", c.origin,
				c.cfg.AllowCredentials, c.cfg.DangerouslyAllowInsecureOrigins, d.Allowed, c.allowed)
		}
	}
}

// TestMethodsAsListed: only the methods the Fetch standard normalizes are
// upper-cased; any other is kept byte for byte, in decisions and in
// Config().
func TestMethodsAsListed(t *testing.T) {
	p := cors.MustNew(cors.Config{AllowOrigins: []string{app}, AllowMethods: []string{"patch", "delete", "Purge"}})
	for method, allowed := range map[string]bool{
		"patch": true, "PATCH": false, "DELETE": true, "delete": false, "Purge": true, "PURGE": false,
	} {
		if d := p.Decide(pre(app, method)); d.Allowed != allowed {
			t.Errorf("preflight for %s: allowed = %v, want %v", method, d.Allowed, allowed)
		}
	}
	if got := fields(p.Decide(pre(app, "patch")))["Access-Control-Allow-Methods"]; got != "patch, DELETE, Purge" {
		t.Errorf("Access-Control-Allow-Methods = %q", got)
	}
	if got := strings.Join(p.Config().AllowMethods, " "); got != "patch delete Purge" {
		t.Errorf("Config().AllowMethods = %q, want them as given", got)
	}
}

// TestZeroPolicy: a zero Policy is usable and allows no origin.
func TestZeroPolicy(t *testing.T) {
	var p cors.Policy
	if d := p.Decide(get(app)); d.Allowed || d.Vary != "Origin" || len(fields(d)) != 0 {
		t.Errorf("actual request: %v %q %v", d, d.Vary, fields(d))
	}
	if d := p.Decide(pre(app, "PUT")); d.Allowed || d.Status != http.StatusForbidden || fields(d)["Access-Control-Allow-Origin"] != "" {
		t.Errorf("preflight: %v %d %v", d, d.Status, fields(d))
	}
	ran := false
	w := httptest.NewRecorder()
	p.Handler(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { ran = true })).ServeHTTP(w, httpRequest(get(app)))
	if !ran || w.Header().Get("Vary") != "Origin" || w.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("handler: ran %v, header %v", ran, w.Header())
	}
	if got := p.Config(); got.AllowOrigins != nil || got.AllowCredentials {
		t.Errorf("Config() = %+v, want the zero Config", got)
	}
	if err := p.Update(cors.Config{AllowOrigins: []string{app}}); err != nil || !p.Decide(get(app)).Allowed {
		t.Errorf("Update on a zero Policy: %v", err)
	}
}

// TestLoggerLevel: a Logger that does not log debug records costs a
// rejection nothing, however long its values; one that does gets bounded
// values and the request's path.
func TestLoggerLevel(t *testing.T) {
	huge := "https://" + strings.Repeat("a", 1<<20) + ".example"
	req := cors.Request{Method: "GET", Origin: []string{huge}, Path: "/items"}

	cfg := credentialed()
	cfg.Logger = slog.New(slog.NewTextHandler(&bytes.Buffer{}, &slog.HandlerOptions{Level: slog.LevelInfo}))
	p := cors.MustNew(cfg)
	h := http.Header{}
	if n := testing.AllocsPerRun(20, func() { clear(h); p.Apply(context.Background(), req, h) }); n > 1 {
		t.Errorf("a rejection under an Info-level Logger makes %v allocations", n)
	}

	var buf bytes.Buffer
	cfg.Logger = slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	p = cors.MustNew(cfg)
	p.Apply(context.Background(), req, http.Header{})
	if buf.Len() > 1024 || !strings.Contains(buf.String(), "...[cut: 1048592 bytes]") || !strings.Contains(buf.String(), "path=/items") {
		t.Errorf("record of %d bytes: %.300s", buf.Len(), buf.String())
	}
}

// TestHandlerPathLogged: the net/http entry points log the request's path.
func TestHandlerPathLogged(t *testing.T) {
	var buf bytes.Buffer
	cfg := credentialed()
	cfg.Logger = slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	p := cors.MustNew(cfg)
	r := httptest.NewRequest("GET", "https://api.example.com/orders/7", nil)
	r.Header.Set("Origin", "https://evil.example")
	p.ServeCORS(httptest.NewRecorder(), r)
	if !strings.Contains(buf.String(), "path=/orders/7") {
		t.Errorf("log %q lacks the path", buf.String())
	}
}

// TestOriginFuncPanicPropagates: a panic in AllowOriginFunc reaches the
// caller like a handler's panic, so that recover middleware outside the
// CORS middleware (or net/http's own recovery) handles it.
func TestOriginFuncPanicPropagates(t *testing.T) {
	p := cors.MustNew(cors.Config{AllowOriginFunc: func(string) bool { panic("lookup failed") }})
	recovered := func() (r any) {
		defer func() { r = recover() }()
		p.Handler(http.NotFoundHandler()).ServeHTTP(httptest.NewRecorder(), httpRequest(get(app)))
		return nil
	}()
	if recovered != "lookup failed" {
		t.Errorf("recovered %v, want the function's panic", recovered)
	}
	srv := httptest.NewUnstartedServer(p.Handler(http.NotFoundHandler()))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the panics are expected
	srv.Start()
	defer srv.Close()
	for i := 0; i < 2; i++ {
		r, _ := http.NewRequest("GET", srv.URL, nil)
		r.Header.Set("Origin", app)
		if resp, err := srv.Client().Do(r); err == nil {
			resp.Body.Close()
			t.Errorf("request %d: got %d, want the connection closed by net/http's recovery", i, resp.StatusCode)
		}
	}
	resp, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatalf("the server did not survive: %v", err)
	}
	resp.Body.Close()
}
