package corsgin_test

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	corsgin "github.com/corskit/corskit/adapters/gin"
	"github.com/corskit/corskit/core/corstest"
	"github.com/gin-gonic/gin"
)

// TestServerSentEventsFlush: a streamed response carries the CORS headers
// and each event reaches the client when the handler flushes it, while the
// handler is still running.
func TestServerSentEventsFlush(t *testing.T) {
	next := make(chan struct{})
	r := gin.New()
	r.Use(corsgin.New(testConfig()))
	r.GET("/events", func(c *gin.Context) {
		c.Header("Content-Type", "text/event-stream")
		for i := 1; i <= 3; i++ {
			c.SSEvent("tick", i)
			c.Writer.Flush()
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
		if want := fmt.Sprintf("event:tick\ndata:%d\n", i); err != nil || event != want {
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

// TestWriterNotWrapped: the handler gets the very ResponseWriter the
// middleware before CORS saw, with its http.Flusher and http.Hijacker.
func TestWriterNotWrapped(t *testing.T) {
	var outer gin.ResponseWriter
	r := gin.New()
	r.Use(func(c *gin.Context) { outer = c.Writer })
	r.Use(corsgin.New(testConfig()))
	r.GET("/items", func(c *gin.Context) {
		var w http.ResponseWriter = c.Writer
		_, flusher := w.(http.Flusher)
		_, hijacker := w.(http.Hijacker)
		if c.Writer != outer || !flusher || !hijacker {
			t.Errorf("handler's writer %T (same: %v, Flusher: %v, Hijacker: %v), want the outer %T", w, c.Writer == outer, flusher, hijacker, outer)
		}
	})
	wantActualAllowed(t, serve(r, "GET", "/items", "Origin", origin))
}

// TestHijack: a handler behind the middleware can take over the connection.
func TestHijack(t *testing.T) {
	r := gin.New()
	r.Use(corsgin.New(testConfig()))
	r.GET("/raw", func(c *gin.Context) {
		conn, buf, err := http.NewResponseController(c.Writer).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		buf.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 8\r\nConnection: close\r\n\r\nhijacked")
		buf.Flush()
	})
	srv := corstest.HTTPServer(t, r)
	req := newRequest("GET", "/raw", "Origin", origin)
	req.RequestURI = ""
	resp, err := srv(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if string(body) != "hijacked" {
		t.Errorf("body %q, want the hijacking handler's", body)
	}
}
