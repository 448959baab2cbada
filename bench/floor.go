package bench

import (
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/valyala/fasthttp"
)

// The floors are the least a CORS middleware can do, measured as the lower
// bounds of corskit's cost. The floor sets, from constants, the fields
// corskit sends to an allowed request from origin #2 (to an allowed
// preflight, answered 204, when the method is OPTIONS: its only test). The
// vary floor reads Origin and adds Vary: Origin to every response: the least
// the contract requires for a request that gets no Access-Control-* field,
// which no middleware can know without reading Origin. Each framework runs
// them through a step, as its own middleware.

// An httpStep is a floor's work on a net/http-based framework: it sets the
// response's fields and reports whether the middleware answers 204 itself.
type httpStep func(r *http.Request, h http.Header) (answer bool)

// A fastStep is an httpStep for fasthttp.
type fastStep func(ctx *fasthttp.RequestCtx) (answer bool)

// A field is one response header line.
type field struct {
	name, value string
	fast        [2][]byte // name and value as bytes, for fasthttp
}

// floor holds the floor's constant fields.
type floor struct{ actual, preflight []field }

// newFloor takes the floor's fields from corskit's own answers.
func newFloor() floor {
	h := corskitHTTP()(http.NotFoundHandler())
	fields := func(kind string) []field {
		rec := newRecorder()
		h.ServeHTTP(rec, KindNamed(kind).HTTPRequest())
		var out []field
		cors := corsOnly(rec.header)
		for _, name := range slices.Sorted(maps.Keys(cors)) {
			value := strings.Join(cors[name], ", ")
			out = append(out, field{name, value, [2][]byte{[]byte(name), []byte(value)}})
		}
		return out
	}
	return floor{fields("allowed-2"), fields("preflight")}
}

var varyOnly = []field{{"Vary", "Origin", [2][]byte{[]byte("Vary"), []byte("Origin")}}}

func (f floor) http(r *http.Request, h http.Header) bool {
	if r.Method == http.MethodOptions {
		setHTTP(h, f.preflight)
		return true
	}
	setHTTP(h, f.actual)
	return false
}

// varyHTTP reads Origin the cheapest way net/http offers, the canonical key
// straight from the map, and adds Vary: Origin.
func varyHTTP(r *http.Request, h http.Header) bool {
	keep(r.Header["Origin"])
	setHTTP(h, varyOnly)
	return false
}

func (f floor) fast(ctx *fasthttp.RequestCtx) bool {
	if ctx.IsOptions() {
		setFast(&ctx.Response.Header, f.preflight)
		return true
	}
	setFast(&ctx.Response.Header, f.actual)
	return false
}

// varyFast reads Origin with Peek, fasthttp's cheapest read of a field, and
// adds Vary: Origin.
func varyFast(ctx *fasthttp.RequestCtx) bool {
	keep(ctx.Request.Header.Peek("Origin"))
	setFast(&ctx.Response.Header, varyOnly)
	return false
}

// keep does nothing with v; it is not inlined, so v must be computed.
//
//go:noinline
func keep[T any](v T) {}

// setHTTP stores fields into h as corskit does, sharing no slice with any
// other response: one new array per response holds all the values, each
// field gets a capacity-one slice of it (so that appending to one touches
// neither another field nor another response), and Vary is added to a Vary
// already there (looked for only if h has fields: a response's header
// starts empty). That one allocation is the least a net/http middleware
// pays once it stores no shared slice.
func setHTTP(h http.Header, fields []field) {
	hadFields := len(h) > 0
	values := make([]string, len(fields))
	for i := range fields {
		f := &fields[i] // not a copy: the floor does no more than it must
		values[i] = f.value
		if f.name == "Vary" && hadFields {
			if old := h["Vary"]; len(old) > 0 {
				h["Vary"] = append(old[:len(old):len(old)], f.value) // old's spare capacity is not ours
				continue
			}
		}
		h[f.name] = values[i : i+1 : i+1]
	}
}

// setFast stores fields into a fasthttp response header the cheapest way:
// SetCanonical, the names being canonical, and AddBytesKV for Vary, to keep
// a Vary already there. fasthttp copies the bytes: nothing is shared, and
// nothing allocated once its buffers are warm.
func setFast(h *fasthttp.ResponseHeader, fields []field) {
	for i := range fields {
		f := &fields[i]
		if f.name == "Vary" {
			h.AddBytesKV(f.fast[0], f.fast[1])
			continue
		}
		h.SetCanonical(f.fast[0], f.fast[1])
	}
}
