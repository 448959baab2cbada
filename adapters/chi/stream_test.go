package corschi_test

import (
	"bufio"
	"fmt"
	"net/http"
	"strings"
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
	r := chi.NewRouter()
	r.Use(corschi.New(testConfig()))
	r.Get("/events", func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		rc := http.NewResponseController(w)
		for i := 1; i <= 3; i++ {
			fmt.Fprintf(w, "event: tick\ndata: %d\n\n", i)
			if err := rc.Flush(); err != nil {
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
	srv := corstest.HTTPServer(t, r)
	req := newRequest("GET", "/events", "Origin", origin)
	req.RequestURI = ""
	resp, err := srv(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	wantActualAllowed(t, response{resp.StatusCode, resp.Header, ""})
	events := bufio.NewReader(resp.Body)
	for i := 1; i <= 3; i++ {
		event, err := readEvent(events)
		if want := fmt.Sprintf("event: tick\ndata: %d\n", i); err != nil || event != want {
			t.Fatalf("event %d: %q, %v; want %q", i, event, err, want)
		}
		select {
		case next <- struct{}{}:
		case <-time.After(5 * time.Second):
			t.Fatal("the handler stopped waiting")
		}
	}
}

// readEvent reads one server-sent event, up to its blank line.
func readEvent(r *bufio.Reader) (string, error) {
	var b strings.Builder
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return b.String(), err
		}
		if line == "\n" {
			return b.String(), nil
		}
		b.WriteString(line)
	}
}

// TestWriterNotWrapped: over a real connection, the handler gets the very
// ResponseWriter the server passed to the router, with its http.Flusher and
// http.Hijacker, for allowed, disallowed and non-CORS requests.
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
	r.Get("/items", func(w http.ResponseWriter, _ *http.Request) {
		_, flusher := w.(http.Flusher)
		_, hijacker := w.(http.Hijacker)
		if w != outer || !flusher || !hijacker {
			t.Errorf("handler's writer %T (same: %v, Flusher: %v, Hijacker: %v), want the server's %T", w, w == outer, flusher, hijacker, outer)
		}
	})
	srv := corstest.HTTPServer(t, r)
	for _, o := range []string{origin, evilOrigin} {
		do(t, srv, "GET", "/items", "Origin", o)
	}
	do(t, srv, "GET", "/items")
}

// TestHijack: a handler behind the middleware can take over the connection.
func TestHijack(t *testing.T) {
	r := chi.NewRouter()
	r.Use(corschi.New(testConfig()))
	r.Get("/raw", func(w http.ResponseWriter, _ *http.Request) {
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
	if resp := do(t, srv, "GET", "/raw", "Origin", origin); resp.Body != "hijacked" {
		t.Errorf("body %q, want the hijacking handler's", resp.Body)
	}
}
