package corsecho_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/corskit/corskit/core/corstest"
	"github.com/labstack/echo/v4"
)

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
