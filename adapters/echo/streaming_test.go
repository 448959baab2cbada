package corsecho_test

import (
	"bufio"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/corskit/corskit/core/corstest"
	"github.com/labstack/echo/v4"
)

// TestServerSentEvents proves that a streamed response flushes through the
// middleware: the client reads the first event while the handler is still
// waiting to send the second, and the stream carries the CORS headers.
func TestServerSentEvents(t *testing.T) {
	firstRead := make(chan struct{})
	e := newCORSEcho()
	e.GET("/events", func(c echo.Context) error {
		res := c.Response()
		res.Header().Set("Content-Type", "text/event-stream")
		res.WriteHeader(http.StatusOK)
		fmt.Fprint(res, "data: one\n\n")
		res.Flush()
		select {
		case <-firstRead:
		case <-time.After(5 * time.Second):
			return nil // the client fails the test
		}
		fmt.Fprint(res, "data: two\n\n")
		return nil
	})
	req, _ := http.NewRequest("GET", "/events", nil)
	req.Header.Set("Origin", allowedOrigin)
	resp, err := corstest.HTTPServer(t, e)(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	corstest.WantAllowedActual(t, corstest.Response{Status: resp.StatusCode, Header: resp.Header}, http.StatusOK)
	lines := bufio.NewScanner(resp.Body)
	if !lines.Scan() || lines.Text() != "data: one" {
		t.Fatalf("first event not flushed: %q %v", lines.Text(), lines.Err())
	}
	close(firstRead)
	var rest strings.Builder
	for lines.Scan() {
		rest.WriteString(lines.Text() + "\n")
	}
	if rest.String() != "\ndata: two\n\n" {
		t.Errorf("rest of the stream = %q, want the second event", rest.String())
	}
}

// TestWriterNotWrapped proves that the handler sees the server's own
// ResponseWriter (the one Echo received, with http.Flusher and
// http.Hijacker), and that hijacking the connection works.
func TestWriterNotWrapped(t *testing.T) {
	var seen http.ResponseWriter
	e := newCORSEcho()
	e.Pre(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			seen = c.Response().Writer
			return next(c)
		}
	})
	e.GET("/raw", func(c echo.Context) error {
		w := c.Response().Writer
		if _, flusher := w.(http.Flusher); w != seen || !flusher {
			t.Errorf("writer %T replaced or hiding http.Flusher (%v), want the server's %T", w, flusher, seen)
		}
		conn, buf, err := http.NewResponseController(c.Response()).Hijack()
		if err != nil {
			t.Errorf("hijack: %v", err)
			return err
		}
		defer conn.Close()
		fmt.Fprint(buf, "HTTP/1.1 200 OK\r\nX-Hijacked: yes\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
		return buf.Flush()
	})
	if r := corstest.MustSend(t, corstest.HTTPServer(t, e), "GET", "/raw", "Origin", allowedOrigin); r.Header.Get("X-Hijacked") != "yes" {
		t.Errorf("hijacked response not received: %d %v", r.Status, r.Header)
	}
}
