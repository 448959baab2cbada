package corsfasthttp

//lint:file-ignore SA1019 VisitAll, deprecated in later fasthttp versions for All, is the one way over the fields in v1.51.0, the version Fiber v2 requires.

import (
	"unsafe"

	"github.com/valyala/fasthttp"
)

// Names of the request header fields the core reads, as fasthttp
// normalizes them.
const (
	headerOrigin                = "Origin"
	headerRequestMethod         = "Access-Control-Request-Method"
	headerRequestHeaders        = "Access-Control-Request-Headers"
	headerRequestPrivateNetwork = "Access-Control-Request-Private-Network"
	headerSecFetchSite          = "Sec-Fetch-Site"
)

// lines is room for a field's lines on the stack: a browser sends one.
type lines [4]string

// peekAll returns every line of the field name, in dst when it has room
// for them, or nil if there is none. Only a request with more lines than
// dst has room for (a hostile one) costs an allocation. The strings share
// h's bytes: they must not outlive the request.
func peekAll(h *fasthttp.RequestHeader, name string, dst []string) []string {
	values := h.PeekAll(name)
	if len(values) == 0 {
		return nil
	}
	if len(values) > len(dst) {
		dst = make([]string, len(values))
	}
	dst = dst[:len(values)]
	for i, v := range values {
		dst[i] = unsafeString(v)
	}
	return dst
}

// corsFields holds the lines of the request fields the core reads.
type corsFields struct {
	origin, method, headers, privateNetwork, secFetchSite fieldLines
}

// read collects the lines of Origin, Sec-Fetch-Site and the
// Access-Control-Request-* fields of h in one pass over h's fields. fasthttp's PeekAll would copy
// and normalize each name it is given and then pass over the fields: for
// four names, three of them long, that costs three times as much
// (BenchmarkCORSFieldsRead; TestCORSFieldsRead holds the two together). The
// names compare as PeekAll compares them: h holds canonical names unless
// normalizing is disabled, and then both see only canonical ones. The pass
// also has fasthttp parse the Cookie field, as it does the first time a
// cookie is read; a browser sends none with a preflight.
func (f *corsFields) read(h *fasthttp.RequestHeader) {
	h.VisitAll(func(name, value []byte) {
		switch string(name) {
		case headerOrigin:
			f.origin.add(value)
		case headerRequestMethod:
			f.method.add(value)
		case headerRequestHeaders:
			f.headers.add(value)
		case headerRequestPrivateNetwork:
			f.privateNetwork.add(value)
		case headerSecFetchSite:
			f.secFetchSite.add(value)
		}
	})
}

// fieldLines collects a field's lines, as many as fit in buf, and counts
// them all.
type fieldLines struct {
	buf lines
	n   int
}

// add counts a line, and keeps it if buf has room.
func (f *fieldLines) add(value []byte) {
	if f.n < len(f.buf) {
		f.buf[f.n] = unsafeString(value)
	}
	f.n++
}

// lines returns the field's lines. Only a field with more lines than buf
// holds (a hostile request) is read again, with PeekAll, into a new slice:
// one allocation.
func (f *fieldLines) lines(h *fasthttp.RequestHeader, name string) []string {
	if f.n > len(f.buf) {
		return peekAll(h, name, nil)
	}
	return f.buf[:f.n]
}

// responseHeader is the core's view of fasthttp's response header. Its
// Set skips the normalization of the field name that fasthttp's Set does
// (most of the cost of a Set): the core's names are canonical already,
// and its values never hold CR, LF or NUL.
type responseHeader struct {
	h *fasthttp.ResponseHeader
}

// Set replaces the field name's value, as fasthttp's Set does.
func (w responseHeader) Set(name, value string) {
	w.h.SetCanonical(unsafeBytes(name), unsafeBytes(value))
}

// Add adds a line to the field name, as fasthttp's Add does.
func (w responseHeader) Add(name, value string) {
	w.h.Add(name, value)
}

// unsafeString returns b's bytes as a string, without copying them.
func unsafeString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// unsafeBytes returns s's bytes, without copying them; they must not be
// changed.
func unsafeBytes(s string) []byte {
	return unsafe.Slice(unsafe.StringData(s), len(s))
}
