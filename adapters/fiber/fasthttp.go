package corsfiber

import (
	"strings"

	"github.com/gofiber/fiber/v2/utils"
	"github.com/valyala/fasthttp"
)

// Names of the request header fields the core reads.
const (
	headerOrigin                = "Origin"
	headerRequestMethod         = "Access-Control-Request-Method"
	headerRequestHeaders        = "Access-Control-Request-Headers"
	headerRequestPrivateNetwork = "Access-Control-Request-Private-Network"
)

// Bounds on the pooled buffers: lineBufSize lines is more than any browser
// sends (one line of each of the four fields); a buffer grown beyond
// maxPooledLines by a hostile request is not kept.
const (
	lineBufSize    = 16
	maxPooledLines = 256
)

// A lineBuf holds a request's CORS field lines as strings that share the
// request header's bytes: they must not outlive the handler call.
type lineBuf struct {
	lines []string
}

func newLineBuf() any {
	return &lineBuf{lines: make([]string, 0, lineBufSize)}
}

// peekAll returns every field line named name, or nil if there is none,
// storing them in *buf (taken from the pool if nil). It converts the lines
// at once, since fasthttp's next PeekAll reuses the slice it returns.
func (m *middleware) peekAll(h *fasthttp.RequestHeader, name string, buf **lineBuf) []string {
	values := h.PeekAll(name)
	if len(values) == 0 {
		return nil
	}
	if *buf == nil {
		*buf = m.bufs.Get().(*lineBuf)
	}
	b := *buf
	start := len(b.lines)
	for _, v := range values {
		b.lines = append(b.lines, utils.UnsafeString(v))
	}
	return b.lines[start:len(b.lines):len(b.lines)]
}

// release forgets the request's lines and returns b to the pool.
func (m *middleware) release(b *lineBuf) {
	clear(b.lines)
	b.lines = b.lines[:0]
	if cap(b.lines) <= maxPooledLines {
		m.bufs.Put(b)
	}
}

// responseWriter is the core's view of fasthttp's response header. Its Set
// skips the normalization of the field name that fasthttp's Set does (most
// of the cost of a Set): the core's names are canonical already. A value
// with CR or LF still goes through fasthttp's Set, which blanks them.
type responseWriter struct {
	h *fasthttp.ResponseHeader
}

// Set replaces the field name's value, as fasthttp's Set does.
func (w responseWriter) Set(name, value string) {
	if strings.IndexByte(value, '\r') >= 0 || strings.IndexByte(value, '\n') >= 0 {
		w.h.Set(name, value)
		return
	}
	w.h.SetCanonical(utils.UnsafeBytes(name), utils.UnsafeBytes(value))
}

// Add adds a line to the field name, as fasthttp's Add does.
func (w responseWriter) Add(name, value string) {
	w.h.Add(name, value)
}
