package corschi_test

import (
	"bufio"
	"fmt"
	"net/http"
	"testing"
	"time"

	corschi "github.com/corskit/corskit/adapters/chi"
	"github.com/corskit/corskit/core/corstest"
	"github.com/go-chi/chi/v5"
)

// TestServerSentEventsFlush: a streamed response carries the CORS headers
// and each event reaches the client when the handler flushes it, while the
// handler is still running.
func TestServerSentEventsFlush(t *testing.T) {
	next := make(chan struct{})
	r := newRouter()
	r.Get("/events", func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		for i := 1; i <= 3; i++ {
			fmt.Fprintf(w, "event: tick\ndata: %d\n\n", i)
			if err := http.NewResponseController(w).Flush(); err != nil {
				t.Error(err)
				return
			}
			select {
			case <-next: // the client has read this event
			case <-time.After(5 * time.Second):
				return
			}
		}
	})
	req, _ := http.NewRequest("GET", "/events", nil)
	req.Header.Set("Origin", origin)
	resp, err := corstest.HTTPServer(t, r)(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	corstest.WantAllowedActual(t, corstest.Response{Status: resp.StatusCode, Header: resp.Header}, http.StatusOK)
	events := bufio.NewReader(resp.Body)
	for i := 1; i <= 3; i++ {
		var line string
		for _, want := range []string{"event: tick\n", fmt.Sprintf("data: %d\n", i), "\n"} {
			if line, err = events.ReadString('\n'); err != nil || line != want {
				t.Fatalf("event %d: line %q, %v; want %q", i, line, err, want)
			}
		}
		select {
		case next <- struct{}{}:
		case <-time.After(5 * time.Second):
			t.Fatal("the handler stopped waiting")
		}
	}
}

// TestWriterNotWrapped: over a real connection, the handler gets the very
// ResponseWriter the server passed to the router, with its http.Flusher,
// for allowed, disallowed and non-CORS requests, and can take over the
// connection.
func TestWriterNotWrapped(t *testing.T) {
	var outer http.ResponseWriter
	r := chi.NewRouter()
	r.Use(func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			outer = w
			next.ServeHTTP(w, req)
		})
	})
	r.Use(corschi.New(testConfig()))
	r.Get("/raw", func(w http.ResponseWriter, _ *http.Request) {
		if _, flusher := w.(http.Flusher); w != outer || !flusher {
			t.Errorf("handler's writer %T (same: %v, Flusher: %v), want the server's %T", w, w == outer, flusher, outer)
		}
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 8\r\nConnection: close\r\n\r\nhijacked")
		buf.Flush()
	})
	srv := corstest.HTTPServer(t, r)
	for _, header := range [][]string{{"Origin", origin}, {"Origin", evilOrigin}, nil} {
		if resp := corstest.MustSend(t, srv, "GET", "/raw", header...); resp.Body != "hijacked" {
			t.Errorf("%v: body %q, want the hijacking handler's", header, resp.Body)
		}
	}
}
