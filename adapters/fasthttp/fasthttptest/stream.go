package fasthttptest

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/valyala/fasthttp"

	"github.com/corskit/corskit/core/corstest"
)

// A Serve function serves, on ln until t ends, a server whose CORS
// middleware applies [corstest.CredentialedConfig] and which routes GET
// requests for /events to events.
type Serve func(t *testing.T, ln net.Listener, events fasthttp.RequestHandler)

// RunStreaming checks that a server-sent-events response, streamed with
// fasthttp's SetBodyStreamWriter by a handler behind the middleware,
// carries the CORS headers, and that each event reaches the client when
// the handler flushes it, while the handler is still writing, over a real
// socket. It is what [corstest.RunStreaming] checks for net/http, whose
// application flushes with http.ResponseController.
func RunStreaming(t *testing.T, serve Serve) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	next := make(chan struct{})
	serve(t, ln, func(ctx *fasthttp.RequestCtx) {
		ctx.SetContentType("text/event-stream")
		ctx.SetBodyStreamWriter(func(w *bufio.Writer) {
			for i := 1; i <= 3; i++ {
				fmt.Fprintf(w, "event: tick\ndata: %d\n\n", i)
				if err := w.Flush(); err != nil {
					return
				}
				select {
				case <-next: // the client has read this event
				case <-time.After(5 * time.Second):
					return
				}
			}
		})
	})
	client := &http.Client{Timeout: 20 * time.Second}
	t.Cleanup(client.CloseIdleConnections) // before the server stops
	req, err := http.NewRequest("GET", "http://"+ln.Addr().String()+"/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Origin", corstest.AllowedOrigin)
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	corstest.WantAllowedActual(t, corstest.Response{Status: resp.StatusCode, Header: resp.Header}, http.StatusOK)
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type = %q, want text/event-stream", ct)
	}
	events := bufio.NewReader(resp.Body)
	for i := 1; i <= 3; i++ {
		for _, want := range []string{"event: tick\n", fmt.Sprintf("data: %d\n", i), "\n"} {
			if line, err := events.ReadString('\n'); err != nil || line != want {
				t.Fatalf("event %d: line %q, %v; want %q", i, line, err, want)
			}
		}
		select {
		case next <- struct{}{}:
		case <-time.After(5 * time.Second):
			t.Fatal("the handler stopped waiting: an event was not flushed")
		}
	}
}
