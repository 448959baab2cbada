package cors

import (
	"iter"
	"net/http"
	"strconv"
)

// Kind says what a request is in the CORS protocol.
type Kind uint8

const (
	// NotCORS is a request without an Origin header.
	NotCORS Kind = iota
	// Actual is a CORS request that is not a preflight: it carries Origin
	// and, if its method is OPTIONS, no Access-Control-Request-Method.
	Actual
	// Preflight is an OPTIONS request with Origin and
	// Access-Control-Request-Method.
	Preflight
)

// String returns "not CORS", "actual request" or "preflight".
func (k Kind) String() string {
	switch k {
	case NotCORS:
		return "not CORS"
	case Actual:
		return "actual request"
	case Preflight:
		return "preflight"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Reason says why a request was allowed or rejected.
type Reason uint8

const (
	// ReasonAllowed: the request is allowed.
	ReasonAllowed Reason = iota
	// ReasonNoOrigin: the request has no Origin header; it is not CORS.
	ReasonNoOrigin
	// ReasonOriginNotAllowed: the origin matches nothing in the policy.
	ReasonOriginNotAllowed
	// ReasonOriginInvalid: several Origin lines, or an empty or oversized one.
	ReasonOriginInvalid
	// ReasonMethodNotAllowed: the preflight asks for a method the policy
	// does not allow (methods are case-sensitive).
	ReasonMethodNotAllowed
	// ReasonMethodInvalid: Access-Control-Request-Method is not one token.
	ReasonMethodInvalid
	// ReasonHeaderNotAllowed: the preflight asks for a header the policy
	// does not allow.
	ReasonHeaderNotAllowed
	// ReasonHeaderInvalid: Access-Control-Request-Headers holds something
	// that is not a header name.
	ReasonHeaderInvalid
	// ReasonHeadersTooLarge: Access-Control-Request-Headers has more lines
	// or bytes than any browser sends.
	ReasonHeadersTooLarge
	// ReasonPrivateNetworkInvalid: Access-Control-Request-Private-Network
	// has a value other than "true" while the policy answers it.
	ReasonPrivateNetworkInvalid
)

// String returns a short English phrase, such as "origin not allowed".
func (r Reason) String() string {
	switch r {
	case ReasonAllowed:
		return "allowed"
	case ReasonNoOrigin:
		return "no Origin header"
	case ReasonOriginNotAllowed:
		return "origin not allowed"
	case ReasonOriginInvalid:
		return "malformed Origin header"
	case ReasonMethodNotAllowed:
		return "method not allowed"
	case ReasonMethodInvalid:
		return "malformed Access-Control-Request-Method"
	case ReasonHeaderNotAllowed:
		return "request header not allowed"
	case ReasonHeaderInvalid:
		return "malformed Access-Control-Request-Headers"
	case ReasonHeadersTooLarge:
		return "Access-Control-Request-Headers too large"
	case ReasonPrivateNetworkInvalid:
		return "malformed Access-Control-Request-Private-Network"
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// rejectionBody is the body of a rejected preflight's response: what was
// rejected, never what would have been allowed.
func rejectionBody(r Reason) string {
	switch r {
	case ReasonOriginNotAllowed, ReasonOriginInvalid:
		return "CORS preflight rejected: origin\n"
	case ReasonMethodNotAllowed, ReasonMethodInvalid:
		return "CORS preflight rejected: method\n"
	case ReasonHeaderNotAllowed, ReasonHeaderInvalid, ReasonHeadersTooLarge:
		return "CORS preflight rejected: request header\n"
	default:
		return "CORS preflight rejected: private network\n"
	}
}

// Names of the response header fields a Decision sets.
const (
	headerAllowOrigin         = "Access-Control-Allow-Origin"
	headerAllowCredentials    = "Access-Control-Allow-Credentials"
	headerAllowMethods        = "Access-Control-Allow-Methods"
	headerAllowHeaders        = "Access-Control-Allow-Headers"
	headerExposeHeaders       = "Access-Control-Expose-Headers"
	headerMaxAge              = "Access-Control-Max-Age"
	headerAllowPrivateNetwork = "Access-Control-Allow-Private-Network"
	headerVary                = "Vary"
)

// Vary values.
const (
	varyOrigin         = "Origin"
	varyPreflight      = "Access-Control-Request-Method, Access-Control-Request-Headers"
	varyPrivateNetwork = ", Access-Control-Request-Private-Network"
)

// A Decision is the outcome of [Policy.Decide] for one request: what the
// request is, whether it is allowed and why, and what the response must
// carry. It refers to the request's strings and Access-Control-Request-Headers
// lines and to the policy's precomputed values; a response shares no slice
// with it.
type Decision struct {
	// Kind is what the request is: not CORS, an actual request or a preflight.
	Kind Kind
	// Allowed reports whether the origin (and, for a preflight, the method
	// and headers) is allowed. A request without Origin is allowed.
	Allowed bool
	// Reason says why; for a rejection it names what failed.
	Reason Reason
	// Value is the request value that failed (an origin, a method, a header
	// name), empty when allowed.
	Value string
	// Status, when non-zero, is the status of the response the middleware
	// must send now, with Body and without calling the application
	// handler: an answered preflight. When zero, the handler runs.
	Status int
	// Body is the body of that response: empty for an allowed preflight, a
	// short text/plain message for a rejected one.
	Body string
	// Vary lists the request headers the response depends on, to be added to
	// (never to replace) the response's Vary header. It may be empty.
	Vary string

	allowOrigin  string
	allowMethods string
	allowHeaders string
	// requestHeaders holds the request's Access-Control-Request-Headers
	// lines, set by Decide: when reflectHeaders is set,
	// Access-Control-Allow-Headers repeats them (skipping empty ones).
	// Inside the package, the request's lines are passed along instead (see
	// emit).
	requestHeaders []string
	exposeHeaders  string
	maxAge         string
	credentials    bool
	privateNetwork bool
	reflectHeaders bool
}

// Fields yields the response header fields to set, in a fixed order: the
// Access-Control-* fields and, for a rejected preflight, Content-Type and
// X-Content-Type-Options. A name may be yielded more than once (several
// Access-Control-Allow-Headers lines); the first occurrence replaces any
// value already set, later ones add to it. Vary is not included: see
// [Decision.Vary] and [Decision.SetHeaders].
func (d *Decision) Fields() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		d.emit(&yielder{yield: yield}, d.requestHeaders)
	}
}

// emit writes the decision's fields, in order, to w: the list of what a
// response carries, for Fields and for a HeaderWriter (setHTTPHeaders
// writes the same list straight into an http.Header). requested holds the
// request's Access-Control-Request-Headers lines, which it reflects if
// reflectHeaders is set. They are a parameter, not read from d: as the
// escape analysis does not tell d's fields apart, lines stored in d would
// leak as its strings do, and an adapter's lines could not live on its
// stack (TestApplyKeepsNoReferenceToTheRequest).
func (d *Decision) emit(w HeaderWriter, requested []string) {
	if d.allowOrigin != "" {
		w.Set(headerAllowOrigin, d.allowOrigin)
	}
	if d.credentials {
		w.Set(headerAllowCredentials, "true")
	}
	if d.allowMethods != "" {
		w.Set(headerAllowMethods, d.allowMethods)
	}
	if d.allowHeaders != "" {
		w.Set(headerAllowHeaders, d.allowHeaders)
	}
	if d.reflectHeaders {
		set := false
		for _, v := range requested {
			switch {
			case v == "":
			case !set:
				w.Set(headerAllowHeaders, v)
				set = true
			default:
				w.Add(headerAllowHeaders, v)
			}
		}
	}
	if d.exposeHeaders != "" {
		w.Set(headerExposeHeaders, d.exposeHeaders)
	}
	if d.maxAge != "" {
		w.Set(headerMaxAge, d.maxAge)
	}
	if d.privateNetwork {
		w.Set(headerAllowPrivateNetwork, "true")
	}
	if d.Body != "" {
		w.Set("Content-Type", "text/plain; charset=utf-8")
		w.Set("X-Content-Type-Options", "nosniff")
	}
}

// A yielder is the HeaderWriter through which Fields yields: every line,
// set or added, goes to yield until it asks to stop.
type yielder struct {
	yield func(string, string) bool
	done  bool
}

// Set yields the line.
func (y *yielder) Set(name, value string) {
	if !y.done {
		y.done = !y.yield(name, value)
	}
}

// Add yields the line.
func (y *yielder) Add(name, value string) { y.Set(name, value) }

// count returns how many values SetHeaders stores: the fields that fields
// yields (TestCount holds the two together), and Vary. requested is as for
// emit.
func (d *Decision) count(requested []string) int {
	n := b2i(d.allowOrigin != "") + b2i(d.credentials) + b2i(d.allowMethods != "") +
		b2i(d.allowHeaders != "") + b2i(d.exposeHeaders != "") + b2i(d.maxAge != "") +
		b2i(d.privateNetwork) + 2*b2i(d.Body != "") + b2i(d.Vary != "")
	if d.reflectHeaders {
		for _, v := range requested {
			n += b2i(v != "")
		}
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A HeaderWriter is a set of response header fields, as seen by
// [Decision.SetHeaders]. [net/http.Header] and fasthttp's *ResponseHeader
// both implement it.
type HeaderWriter interface {
	Set(name, value string)
	Add(name, value string)
}

// SetHeaders writes the decision's header fields to h and adds its Vary
// names to h's Vary field, keeping what is there. For an [http.Header] it
// stores all values in one newly allocated array, in slices of capacity
// one, so that no response shares a slice with another.
func (d *Decision) SetHeaders(h HeaderWriter) {
	d.setHeaders(h, d.requestHeaders)
}

// setHeaders is SetHeaders, with the request's
// Access-Control-Request-Headers lines passed as for emit.
func (d *Decision) setHeaders(h HeaderWriter, requested []string) {
	if hh, ok := h.(http.Header); ok {
		d.setHTTPHeaders(hh, requested)
		return
	}
	d.emit(h, requested)
	if d.Vary != "" {
		h.Add(headerVary, d.Vary)
	}
}

// setHTTPHeaders is SetHeaders for an http.Header. It writes the fields
// emit lists, in its order, straight into the map: going through emit's
// interface calls would cost a fifth of a preflight's instructions here.
// TestHTTPHeadersMatchFields holds the two lists together.
func (d *Decision) setHTTPHeaders(h http.Header, requested []string) {
	// A response's header starts empty, and so it usually is when CORS
	// middleware runs: then it has no Vary to keep, and looking for one
	// would cost a map look-up.
	hadFields := len(h) > 0
	if d.allowOrigin == "" && d.Body == "" {
		// Not CORS, or a disallowed origin: Vary is the only field, as
		// every other one comes with Allow-Origin or a body.
		if d.Vary != "" {
			addHTTPVary(h, d.Vary, nil, hadFields)
		}
		return
	}
	values := make([]string, d.count(requested))
	i := 0
	set := func(name, v string) {
		values[i] = v
		h[name] = values[i : i+1 : i+1]
		i++
	}
	if d.allowOrigin != "" {
		set(headerAllowOrigin, d.allowOrigin)
	}
	if d.credentials {
		set(headerAllowCredentials, "true")
	}
	if d.allowMethods != "" {
		set(headerAllowMethods, d.allowMethods)
	}
	if d.allowHeaders != "" {
		set(headerAllowHeaders, d.allowHeaders)
	}
	if first := i; d.reflectHeaders {
		for _, v := range requested {
			if v != "" {
				values[i] = v
				i++
			}
		}
		if i > first {
			h[headerAllowHeaders] = values[first:i:i]
		}
	}
	if d.exposeHeaders != "" {
		set(headerExposeHeaders, d.exposeHeaders)
	}
	if d.maxAge != "" {
		set(headerMaxAge, d.maxAge)
	}
	if d.privateNetwork {
		set(headerAllowPrivateNetwork, "true")
	}
	if d.Body != "" {
		set("Content-Type", "text/plain; charset=utf-8")
		set("X-Content-Type-Options", "nosniff")
	}
	if d.Vary != "" {
		addHTTPVary(h, d.Vary, values[i:i+1:i+1], hadFields)
	}
}

// addVaryOrigin adds Vary: Origin to h, the whole answer to a request for
// which onlyVary reports true.
func addVaryOrigin(h HeaderWriter) {
	if hh, ok := h.(http.Header); ok {
		addHTTPVaryOrigin(hh)
		return
	}
	h.Add(headerVary, varyOrigin)
}

// addHTTPVaryOrigin is addVaryOrigin for an http.Header.
func addHTTPVaryOrigin(h http.Header) {
	addHTTPVary(h, varyOrigin, nil, len(h) > 0)
}

// addHTTPVary adds v to h's Vary field: in slot (a new one when nil), or,
// if h had fields before the decision's were set (hadFields), appended to a
// copy of the Vary lines already there, whose spare capacity, if any, is
// not ours to write.
func addHTTPVary(h http.Header, v string, slot []string, hadFields bool) {
	if hadFields {
		if old := h[headerVary]; len(old) > 0 {
			h[headerVary] = append(old[:len(old):len(old)], v)
			return
		}
	}
	if slot == nil {
		slot = make([]string, 1)
	}
	slot[0] = v
	h[headerVary] = slot
}

// String describes the decision for a person, such as
// `preflight rejected: request header not allowed: "x-nope"`.
func (d Decision) String() string {
	s := d.Kind.String()
	switch {
	case d.Kind == NotCORS:
		return s
	case d.Allowed:
		return s + " allowed"
	case d.Value != "":
		return s + " rejected: " + d.Reason.String() + ": " + strconv.Quote(d.Value)
	default:
		return s + " rejected: " + d.Reason.String()
	}
}
