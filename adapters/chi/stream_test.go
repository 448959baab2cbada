package corschi_test

import (
	"net/http"
	"testing"

	corschi "github.com/corskit/corskit/adapters/chi"
	"github.com/corskit/corskit/core/corstest"
	"github.com/go-chi/chi/v5"
)

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
	r.Use(corschi.New(corstest.CredentialedConfig()))
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
	for _, header := range [][]string{{"Origin", corstest.AllowedOrigin}, {"Origin", corstest.DisallowedOrigin}, nil} {
		if resp := corstest.MustSend(t, srv, "GET", "/raw", header...); resp.Body != "hijacked" {
			t.Errorf("%v: body %q, want the hijacking handler's", header, resp.Body)
		}
	}
}
