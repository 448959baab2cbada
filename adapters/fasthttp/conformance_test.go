package corsfasthttp_test

import (
	"errors"
	"net"
	"net/http"
	"net/url"
	"testing"

	"github.com/valyala/fasthttp"

	corsfasthttp "github.com/corskit/corskit/adapters/fasthttp"
	"github.com/corskit/corskit/adapters/fasthttp/fasthttptest"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// TestConformance runs the shared conformance suite, with its run-time
// policy updates under concurrent requests, through a fasthttp server
// listening on loopback, with the middleware wrapped around the
// application's handler.
func TestConformance(t *testing.T) {
	corstest.Run(t, func(t *testing.T, p *cors.Policy, app http.Handler) corstest.Server {
		return server(t, corsfasthttp.FromPolicy(p)(fasthttptest.Handler(app)))
	})
}

// TestStreaming: a streamed response carries the CORS headers and each
// event reaches the client when the handler flushes it.
func TestStreaming(t *testing.T) {
	fasthttptest.RunStreaming(t, func(t *testing.T, ln net.Listener, events fasthttp.RequestHandler) {
		serveOn(t, ln, corsfasthttp.New(corstest.CredentialedConfig())(events))
	})
}

// server serves h on a loopback port until the test ends, and returns a
// corstest.Server that sends each request to it over TCP.
func server(t *testing.T, h fasthttp.RequestHandler) corstest.Server {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	serveOn(t, ln, h)
	// Without keep-alive, fasthttp's Shutdown need not wait for idle
	// connections to close, which it checks every 100 ms.
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	return func(r *http.Request) (*http.Response, error) {
		r = r.Clone(r.Context())
		r.URL = &url.URL{Scheme: "http", Host: ln.Addr().String(), Path: r.URL.Path, RawQuery: r.URL.RawQuery}
		r.RequestURI = ""
		return client.Do(r)
	}
}

// serveOn serves h on ln until the test ends. The read buffer lets the
// server read the suite's largest requests (8 KiB of
// Access-Control-Request-Headers; 100 lines of it): with fasthttp's
// default of 4096 bytes it answers 431 before any handler runs.
func serveOn(t *testing.T, ln net.Listener, h fasthttp.RequestHandler) {
	srv := &fasthttp.Server{Handler: h, ReadBufferSize: 32 << 10}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	t.Cleanup(func() {
		if err := srv.Shutdown(); err != nil {
			t.Error(err)
		}
		if err := <-done; err != nil && !errors.Is(err, net.ErrClosed) {
			t.Error(err)
		}
	})
}
