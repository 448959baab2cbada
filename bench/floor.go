package bench

import (
	"net/http"

	cors "github.com/corskit/corskit/core"
	"github.com/valyala/fasthttp"
)

// floor holds the constant response fields of the floor middleware: those
// corskit sends to an allowed actual request and to an allowed preflight
// from origin #2, computed once when the middleware is built.
type floor struct {
	actual, preflight []Field
}

func newFloor() floor {
	p := cors.MustNew(NewPolicy().Corskit())
	fields := func(k Kind) []Field {
		d := p.Decide(cors.RequestFromHTTP(k.HTTPRequest()))
		var out []Field
		for name, value := range d.Fields() {
			out = append(out, Field{name, value})
		}
		return append(out, Field{"Vary", d.Vary})
	}
	kinds := Kinds()
	return floor{actual: fields(kindNamed(kinds, "allowed-2")), preflight: fields(kindNamed(kinds, "preflight"))}
}

func kindNamed(kinds []Kind, name string) Kind {
	for _, k := range kinds {
		if k.Name == name {
			return k
		}
	}
	panic("bench: no kind " + name)
}

// varyOnly is the vary floor's one field: what the contract requires on a
// response to a request that gets no Access-Control-* field.
var varyOnly = []Field{{"Vary", "Origin"}}

// readOrigin is the vary floor's one read of the request: its Origin lines,
// looked up the cheapest way net/http offers (the canonical key, straight
// from the map), as every CORS middleware must to know that a request gets
// no Access-Control-* field. keep holds on to the result, so that the
// compiler cannot drop the look-up.
func readOrigin(h http.Header) { keep(h["Origin"]) }

// keep does nothing with v; it is not inlined, so v must be computed.
//
//go:noinline
func keep[T any](v T) {}

// fields returns the fields for a request of the given method: the floor's
// only test is OPTIONS or not, which every CORS middleware must make to
// answer preflights.
func (f floor) fields(method string) (fields []Field, preflight bool) {
	if method == http.MethodOptions {
		return f.preflight, true
	}
	return f.actual, false
}

// setHTTP stores fields into h the way corskit does, without sharing a
// slice with any other response: one new array per response holds all
// values, each field gets a capacity-one slice of it, and Vary is added to
// any Vary already there (looked for only if h has fields, as a response's
// header starts empty). This is the one allocation any net/http CORS
// middleware that does not share slices must make.
func setHTTP(h http.Header, fields []Field) {
	hadFields := len(h) > 0 // only then can a Vary be there already
	values := make([]string, len(fields))
	for i, f := range fields {
		values[i] = f.Value
		if f.Name == "Vary" && hadFields {
			if old := h["Vary"]; len(old) > 0 {
				// Copy: old's spare capacity, if any, is not ours to write.
				h["Vary"] = append(old[:len(old):len(old)], f.Value)
				continue
			}
		}
		h[f.Name] = values[i : i+1 : i+1]
	}
}

// A fastField is a Field as bytes, for fasthttp.
type fastField struct{ name, value []byte }

// fastFields converts fields once, when the floor is built.
func fastFields(fields []Field) []fastField {
	out := make([]fastField, len(fields))
	for i, f := range fields {
		out[i] = fastField{[]byte(f.Name), []byte(f.Value)}
	}
	return out
}

// setFast stores fields into a fasthttp response header the cheapest way:
// SetCanonical, as the names are already canonical, and Add for Vary, to
// keep a Vary already there. fasthttp copies the bytes, so nothing is
// shared, and nothing is allocated once its buffers are warm.
func setFast(h *fasthttp.ResponseHeader, fields []fastField) {
	for _, f := range fields {
		if string(f.name) == "Vary" {
			h.AddBytesKV(f.name, f.value)
			continue
		}
		h.SetCanonical(f.name, f.value)
	}
}

// varyFloorHTTP is the vary floor as net/http middleware (net/http and
// chi): it reads Origin and adds Vary: Origin, stored as setHTTP stores
// it, to every response.
func varyFloorHTTP() func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			readOrigin(r.Header)
			setHTTP(w.Header(), varyOnly)
			next.ServeHTTP(w, r)
		})
	}
}

// floorHTTP is the floor as net/http middleware (net/http and chi).
func floorHTTP() func(http.Handler) http.Handler {
	f := newFloor()
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fields, preflight := f.fields(r.Method)
			setHTTP(w.Header(), fields)
			if preflight {
				w.WriteHeader(http.StatusNoContent)
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}
