package cors

import "strconv"

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
	if names := [...]string{"not CORS", "actual request", "preflight"}; int(k) < len(names) {
		return names[k]
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
	// ReasonCrossOriginRefused: Config.CrossOriginProtection refused a
	// cross-origin request with an unsafe method from an origin the policy
	// does not allow.
	ReasonCrossOriginRefused
)

// String returns a short English phrase, such as "origin not allowed".
func (r Reason) String() string {
	names := [...]string{
		"allowed", "no Origin header", "origin not allowed", "malformed Origin header",
		"method not allowed", "malformed Access-Control-Request-Method",
		"request header not allowed", "malformed Access-Control-Request-Headers",
		"Access-Control-Request-Headers too large", "malformed Access-Control-Request-Private-Network",
		"cross-origin request refused",
	}
	if int(r) < len(names) {
		return names[r]
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// add adds a response header field to d.
func (d *Decision) add(name, value string) {
	d.fields[d.n] = field{name, value}
	d.n++
}

// answer makes d the response to send now, with status and a short
// text/plain body.
func (d *Decision) answer(status int, body string) {
	d.Status, d.Body = status, body
	d.add("Content-Type", "text/plain; charset=utf-8")
	d.add("X-Content-Type-Options", "nosniff")
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

// A Decision is the outcome of [Policy.Decide] for one request: what the
// request is, whether it is allowed and why, and what the response must
// carry ([Decision.Fields]). It refers to the request's strings and
// Access-Control-Request-Headers lines; a response shares no slice with it.
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

	// fields are the response header fields to set, as decide adds them
	// (see Decision.add), but for the reflected lines below.
	fields [6]field
	n      int
	// reflectHeaders: Access-Control-Allow-Headers repeats the request's
	// Access-Control-Request-Headers lines, which Decide keeps in
	// requestHeaders for Fields. Apply passes the lines to write instead,
	// so that a Decision of its own refers to none of the caller's slices.
	reflectHeaders bool
	requestHeaders []string
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
