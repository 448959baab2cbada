package cors

import (
	"iter"
	"net/http"
)

// Names of the response header fields a Decision sets, and of the request
// field that Private Network Access adds to Vary.
const (
	headerAllowOrigin           = "Access-Control-Allow-Origin"
	headerAllowCredentials      = "Access-Control-Allow-Credentials"
	headerAllowMethods          = "Access-Control-Allow-Methods"
	headerAllowHeaders          = "Access-Control-Allow-Headers"
	headerExposeHeaders         = "Access-Control-Expose-Headers"
	headerMaxAge                = "Access-Control-Max-Age"
	headerAllowPrivateNetwork   = "Access-Control-Allow-Private-Network"
	headerRequestPrivateNetwork = "Access-Control-Request-Private-Network"
	headerVary                  = "Vary"
)

// Vary values: what a response depends on.
const (
	varyOrigin    = "Origin"
	varyPreflight = "Access-Control-Request-Method, Access-Control-Request-Headers"
)

// Fields yields the response header fields to set: the Access-Control-*
// fields and, for a response with a body, Content-Type and
// X-Content-Type-Options. A name may come more than once (several
// Access-Control-Allow-Headers lines): the first replaces any value already
// set, later ones add to it. Vary is not among them: see [Decision.Vary].
func (d Decision) Fields() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for _, f := range d.fields[:d.n] {
			if !yield(f.name, f.value) {
				return
			}
		}
		for _, line := range d.reflected(d.requestHeaders) {
			if line != "" && !yield(headerAllowHeaders, line) {
				return
			}
		}
	}
}

// A field is one response header field line.
type field struct{ name, value string }

// reflected returns the Access-Control-Request-Headers lines that
// Access-Control-Allow-Headers repeats (skipping empty ones), of requested,
// the request's.
func (d *Decision) reflected(requested []string) []string {
	if !d.reflectHeaders {
		return nil
	}
	return requested
}

// A HeaderWriter is a set of response header fields, as [Policy.Apply]
// writes them. [net/http.Header] implements it; an adapter for a server
// with its own header type (fasthttp) implements it over that type.
type HeaderWriter interface {
	Set(name, value string)
	Add(name, value string)
}

// write writes the decision's fields to h, replacing values already set,
// and adds its Vary names to h's Vary field, keeping what is there. Into an
// http.Header it stores all values in one new array, in slices of capacity
// one, so that a handler appending to one response's field cannot change
// another's. requested holds the request's Access-Control-Request-Headers
// lines.
func (d *Decision) write(h HeaderWriter, requested []string) {
	lines := d.reflected(requested)
	if hh, ok := h.(http.Header); ok {
		writeHTTP(hh, d.fields[:d.n], lines, d.Vary)
		return
	}
	for _, f := range d.fields[:d.n] {
		h.Set(f.name, f.value)
	}
	first := true
	for _, line := range lines {
		switch {
		case line == "":
		case first:
			h.Set(headerAllowHeaders, line)
			first = false
		default:
			h.Add(headerAllowHeaders, line)
		}
	}
	if d.Vary != "" {
		h.Add(headerVary, d.Vary)
	}
}

// writeHTTP is write for an http.Header, whose names the core's constants
// already spell canonically: the values go straight into the map.
func writeHTTP(h http.Header, fields []field, lines []string, vary string) {
	// A response's header is usually empty when CORS middleware runs: then
	// there is no Vary to keep.
	hadFields := len(h) > 0
	n := len(fields) + len(lines)
	if vary != "" {
		n++
	}
	if n == 0 {
		return
	}
	values := make([]string, n)
	i := 0
	for _, f := range fields {
		values[i] = f.value
		h[f.name] = values[i : i+1 : i+1]
		i++
	}
	if first := i; len(lines) > 0 {
		for _, line := range lines {
			if line != "" {
				values[i] = line
				i++
			}
		}
		if i > first {
			h[headerAllowHeaders] = values[first:i:i]
		}
	}
	if vary == "" {
		return
	}
	if hadFields {
		if old := h[headerVary]; len(old) > 0 {
			// Appended to a copy: the spare capacity of the lines
			// already there is not ours to write.
			h[headerVary] = append(old[:len(old):len(old)], vary)
			return
		}
	}
	values[i] = vary
	h[headerVary] = values[i : i+1 : i+1]
}
