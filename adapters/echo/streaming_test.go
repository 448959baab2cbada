package corsecho_test

import (
	"bufio"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	corsecho "github.com/corskit/corskit/adapters/echo"
	"github.com/labstack/echo/v4"
)

// serverFor serves e over TCP until the test ends.
func serverFor(t *testing.T, e *echo.Echo) *httptest.Server {
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	return srv
}

// TestServerSentEvents proves that a streamed response flushes through the
// middleware: the client reads the first event while the handler is still
// waiting to send the second, and the stream carries the CORS headers.
func TestServerSentEvents(t *testing.T) {
	firstRead := make(chan struct{})
	e := newEcho()
	e.Use(corsecho.New(testConfig()))
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
	srv := serverFor(t, e)

	r, _ := http.NewRequest("GET", srv.URL+"/events", nil)
	r.Header.Set("Origin", allowedOrigin)
	resp, err := srv.Client().Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Access-Control-Allow-Origin") != allowedOrigin {
		t.Errorf("stream without CORS headers: %v", resp.Header)
	}
	lines := bufio.NewScanner(resp.Body)
	if !lines.Scan() || lines.Text() != "data: one" {
		t.Fatalf("first event not flushed: %q %v", lines.Text(), lines.Err())
	}
	close(firstRead)
	var rest strings.Builder
	for lines.Scan() {
		rest.WriteString(lines.Text() + "\n")
	}
	if !strings.Contains(rest.String(), "data: two") {
		t.Errorf("second event missing: %q", rest.String())
	}
}

// TestWriterNotWrapped proves that the handler sees the server's own
// ResponseWriter (the one Echo received, with http.Flusher and
// http.Hijacker), and that hijacking the connection works.
func TestWriterNotWrapped(t *testing.T) {
	var seen http.ResponseWriter
	e := newEcho()
	e.Pre(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			seen = c.Response().Writer
			return next(c)
		}
	})
	e.Use(corsecho.New(testConfig()))
	e.GET("/raw", func(c echo.Context) error {
		w := c.Response().Writer
		_, flusher := w.(http.Flusher)
		_, hijacker := w.(http.Hijacker)
		if w != seen || !flusher || !hijacker {
			t.Errorf("writer %T replaced or hiding interfaces (Flusher %v, Hijacker %v)", w, flusher, hijacker)
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
	srv := serverFor(t, e)

	r, _ := http.NewRequest("GET", srv.URL+"/raw", nil)
	r.Header.Set("Origin", allowedOrigin)
	resp, err := srv.Client().Do(r)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("X-Hijacked") != "yes" {
		t.Errorf("hijacked response not received: %d %v", resp.StatusCode, resp.Header)
	}
}
