package corsgin_test

import (
	"net/http"
	"testing"

	corsgin "github.com/corskit/corskit/adapters/gin"
	"github.com/corskit/corskit/core/corstest"
	"github.com/gin-gonic/gin"
)

// TestWriterNotWrapped: the handler gets the very ResponseWriter the
// middleware before CORS saw, with its http.Flusher and http.Hijacker, and
// can take over the connection.
func TestWriterNotWrapped(t *testing.T) {
	var outer gin.ResponseWriter
	r := gin.New()
	r.Use(func(c *gin.Context) { outer = c.Writer })
	r.Use(corsgin.New(corstest.CredentialedConfig()))
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
	if resp := corstest.MustSend(t, corstest.HTTPServer(t, r), "GET", "/raw", "Origin", corstest.AllowedOrigin); resp.Body != "hijacked" {
		t.Errorf("body %q, want the hijacking handler's", resp.Body)
	}
}
