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

// Fields yields the response header fields to set, in a fixed order: the
// Access-Control-* fields and, for a refusal with a body, Content-Type and
// X-Content-Type-Options. A name may come more than once (several
// Access-Control-Allow-Headers lines): the first replaces any value already
// set, later ones add to it. Vary is not among them: see [Decision.Vary].
func (d Decision) Fields() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		var buf fieldBuf
		for _, f := range d.appendFields(buf[:0], d.requestHeaders) {
			if !yield(f.name, f.value) {
				return
			}
		}
	}
}

// A field is one response header field line; more marks a line added to
// the field of the line before.
type field struct {
	name, value string
	more        bool
}

// fieldBuf is room on the caller's stack for the fields of a response: at
// most six, and a few reflected Access-Control-Request-Headers lines (a
// browser sends one).
type fieldBuf [8]field

// appendFields appends to dst the fields a response carries: the one list
// that every writer walks. requested holds the request's
// Access-Control-Request-Headers lines, repeated when reflectHeaders is set.
func (d *Decision) appendFields(dst []field, requested []string) []field {
	if d.allowOrigin != "" {
		dst = append(dst, field{name: headerAllowOrigin, value: d.allowOrigin})
	}
	if d.credentials {
		dst = append(dst, field{name: headerAllowCredentials, value: "true"})
	}
	if d.allowMethods != "" {
		dst = append(dst, field{name: headerAllowMethods, value: d.allowMethods})
	}
	if d.allowHeaders != "" {
		dst = append(dst, field{name: headerAllowHeaders, value: d.allowHeaders})
	}
	more := false
	for _, v := range requested {
		if d.reflectHeaders && v != "" {
			dst = append(dst, field{headerAllowHeaders, v, more})
			more = true
		}
	}
	if d.exposeHeaders != "" {
		dst = append(dst, field{name: headerExposeHeaders, value: d.exposeHeaders})
	}
	if d.maxAge != "" {
		dst = append(dst, field{name: headerMaxAge, value: d.maxAge})
	}
	if d.privateNetwork {
		dst = append(dst, field{name: headerAllowPrivateNetwork, value: "true"})
	}
	if d.Body != "" {
		dst = append(dst, field{name: "Content-Type", value: "text/plain; charset=utf-8"}, field{name: "X-Content-Type-Options", value: "nosniff"})
	}
	return dst
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
// another's. requested is as for appendFields.
func (d *Decision) write(h HeaderWriter, requested []string) {
	if d.allowOrigin == "" && d.Body == "" {
		// Every field comes with Allow-Origin or a body: this response
		// carries Vary alone, or nothing.
		if hh, ok := h.(http.Header); ok {
			writeHTTP(hh, nil, d.Vary)
		} else if d.Vary != "" {
			h.Add(headerVary, d.Vary)
		}
		return
	}
	var buf fieldBuf
	fields := d.appendFields(buf[:0], requested)
	if hh, ok := h.(http.Header); ok {
		writeHTTP(hh, fields, d.Vary)
		return
	}
	for _, f := range fields {
		if f.more {
			h.Add(f.name, f.value)
		} else {
			h.Set(f.name, f.value)
		}
	}
	if d.Vary != "" {
		h.Add(headerVary, d.Vary)
	}
}

// writeHTTP is write for an http.Header, whose names the core's constants
// already spell canonically: the values go straight into the map.
func writeHTTP(h http.Header, fields []field, vary string) {
	// A response's header is usually empty when CORS middleware runs: then
	// there is no Vary to keep.
	hadFields := len(h) > 0
	n := len(fields)
	if vary != "" {
		n++
	}
	if n == 0 {
		return
	}
	values := make([]string, n)
	first := 0
	for i, f := range fields {
		if !f.more {
			first = i
		}
		values[i] = f.value
		h[f.name] = values[first : i+1 : i+1]
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
	values[n-1] = vary
	h[headerVary] = values[n-1:]
}
