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
// Access-Control-* fields and, for a rejected preflight, Content-Type and
// X-Content-Type-Options. A name may come more than once (several
// Access-Control-Allow-Headers lines): the first replaces any value already
// set, later ones add to it. Vary is not among them: see [Decision.Vary].
func (d Decision) Fields() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		d.each(d.requestHeaders, yield)
	}
}

// each is the list of the fields a response carries, which every writer
// walks. requested holds the request's Access-Control-Request-Headers
// lines, repeated when reflectHeaders is set.
func (d *Decision) each(requested []string, yield func(name, value string) bool) {
	_ = (d.allowOrigin == "" || yield(headerAllowOrigin, d.allowOrigin)) &&
		(!d.credentials || yield(headerAllowCredentials, "true")) &&
		(d.allowMethods == "" || yield(headerAllowMethods, d.allowMethods)) &&
		(d.allowHeaders == "" || yield(headerAllowHeaders, d.allowHeaders)) &&
		(!d.reflectHeaders || eachLine(requested, headerAllowHeaders, yield)) &&
		(d.exposeHeaders == "" || yield(headerExposeHeaders, d.exposeHeaders)) &&
		(d.maxAge == "" || yield(headerMaxAge, d.maxAge)) &&
		(!d.privateNetwork || yield(headerAllowPrivateNetwork, "true")) &&
		(d.Body == "" || yield("Content-Type", "text/plain; charset=utf-8") && yield("X-Content-Type-Options", "nosniff"))
}

// eachLine yields name with every non-empty line, reporting whether yield
// asked for more.
func eachLine(lines []string, name string, yield func(name, value string) bool) bool {
	for _, v := range lines {
		if v != "" && !yield(name, v) {
			return false
		}
	}
	return true
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
// another's. requested is as for each.
func (d *Decision) write(h HeaderWriter, requested []string) {
	if hh, ok := h.(http.Header); ok {
		d.writeHTTP(hh, requested)
		return
	}
	prev := ""
	d.each(requested, func(name, value string) bool {
		if name == prev {
			h.Add(name, value)
		} else {
			h.Set(name, value)
		}
		prev = name
		return true
	})
	if d.Vary != "" {
		h.Add(headerVary, d.Vary)
	}
}

// writeHTTP is write for an http.Header, whose names the core's constants
// already spell canonically: the values go straight into the map.
func (d *Decision) writeHTTP(h http.Header, requested []string) {
	n := 0
	d.each(requested, func(string, string) bool { n++; return true })
	if d.Vary != "" {
		n++
	}
	if n == 0 {
		return
	}
	values := make([]string, n)
	i, first, prev := 0, 0, ""
	d.each(requested, func(name, value string) bool {
		if name != prev {
			first = i
		}
		values[i] = value
		i++
		h[name] = values[first:i:i]
		prev = name
		return true
	})
	if d.Vary == "" {
		return
	}
	if old := h[headerVary]; len(old) > 0 {
		// Appended to a copy: the spare capacity of the lines already
		// there is not ours to write.
		h[headerVary] = append(old[:len(old):len(old)], d.Vary)
		return
	}
	values[i] = d.Vary
	h[headerVary] = values[i : i+1 : i+1]
}
