package corsfiber_test

import (
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
)

// bridge mounts a net/http handler on Fiber so that it sees the response the
// way a native Fiber handler does: its Header() already holds the fields
// set before it ran (by the CORS middleware), Set replaces them and Add adds
// to them. Fiber's middleware/adaptor cannot be used for the conformance
// suite: it shows the handler an empty http.Header and then Adds every field
// to the response, so a handler's Set of a CORS field yields two values
// instead of replacing one (see TestAdaptorAddsInsteadOfReplacing).
//
// The header is copied back when the handler returns, not at its first
// Write: enough for the suite's handlers, which are its only users.
func bridge(h http.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		r, err := adaptor.ConvertRequest(c, true)
		if err != nil {
			return err
		}
		resp := &c.Response().Header
		w := &bridgeWriter{c: c, header: http.Header{}, status: http.StatusOK}
		resp.VisitAll(func(k, v []byte) {
			if !strings.EqualFold(string(k), fiber.HeaderContentLength) {
				w.header.Add(string(k), string(v))
			}
		})
		before := make([]string, 0, len(w.header))
		for k := range w.header {
			before = append(before, k)
		}
		h.ServeHTTP(w, r)
		for _, k := range before {
			resp.Del(k)
		}
		for k, vs := range w.header {
			for _, v := range vs {
				resp.Add(k, v)
			}
		}
		c.Status(w.status)
		return nil
	}
}

// bridgeWriter is the http.ResponseWriter of [bridge].
type bridgeWriter struct {
	c      *fiber.Ctx
	header http.Header
	status int
	wrote  bool
}

func (w *bridgeWriter) Header() http.Header { return w.header }

func (w *bridgeWriter) WriteHeader(status int) {
	if !w.wrote {
		w.status, w.wrote = status, true
	}
}

func (w *bridgeWriter) Write(p []byte) (int, error) {
	w.wrote = true
	w.c.Response().AppendBody(p)
	return len(p), nil
}
