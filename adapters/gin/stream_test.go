package corsgin_test

import (
	"bufio"
	"fmt"
	"net/http"
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
		var event string
		for _, want := range []string{"event:tick\n", fmt.Sprintf("data:%d\n", i), "\n"} {
			if event, err = events.ReadString('\n'); err != nil || event != want {
				t.Fatalf("event %d: line %q, %v; want %q", i, event, err, want)
			}
		}
		select {
		case next <- struct{}{}:
		case <-time.After(5 * time.Second):
			t.Fatal("the handler stopped waiting")
		}
	}
}

// TestWriterNotWrapped: the handler gets the very ResponseWriter the
// middleware before CORS saw, with its http.Flusher and http.Hijacker, and
// can take over the connection.
func TestWriterNotWrapped(t *testing.T) {
	var outer gin.ResponseWriter
	r := gin.New()
	r.Use(func(c *gin.Context) { outer = c.Writer })
	r.Use(corsgin.New(testConfig()))
	r.GET("/raw", func(c *gin.Context) {
		var w http.ResponseWriter = c.Writer
		_, flusher := w.(http.Flusher)
		if c.Writer != outer || !flusher {
			t.Errorf("handler's writer %T (same: %v, Flusher: %v), want the outer %T", w, c.Writer == outer, flusher, outer)
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
	if resp := corstest.MustSend(t, corstest.HTTPServer(t, r), "GET", "/raw", "Origin", origin); resp.Body != "hijacked" {
		t.Errorf("body %q, want the hijacking handler's", resp.Body)
	}
}
