package cors

import (
	"slices"
	"strings"

	"golang.org/x/net/http/httpguts"
)

// Bounds on the Access-Control-Request-Headers a preflight may carry. A
// browser sends one line of lower-case names; anything beyond these bounds
// is rejected before it is parsed, so a hostile request costs bounded time.
const (
	maxRequestHeaderLines = 16
	maxRequestHeadersLen  = 4096
)

// alwaysAllowedHeaders are allowed whatever AllowHeaders says: the
// CORS-safelisted request headers, and Content-Type with any value (a
// browser lists it when its value is not one of the three of a form), as
// Starlette allows it.
const alwaysAllowedHeaders = "accept,accept-language,content-language,content-type"

// headerSet holds the request headers a preflight may ask for.
type headerSet struct {
	any   bool
	names []string // lower case
	// list is the Access-Control-Allow-Headers value of an allowed
	// preflight: the names, "*", or "" to reflect the requested ones.
	list string
}

// compileHeaders validates Config.AllowHeaders.
func compileHeaders(headers []string, ps *problems) headerSet {
	var s headerSet
	var list []string
	add := func(name string) {
		if !slices.Contains(list, name) {
			list = append(list, name)
		}
	}
	for h := range strings.SplitSeq(alwaysAllowedHeaders, ",") {
		add(h)
	}
	for i, h := range headers {
		switch {
		case h == "*":
			s.any = true
		case !httpguts.ValidHeaderFieldName(h):
			ps.add(indexed("AllowHeaders", i), h, "is not a header name (a token)", "remove it, or write the name without spaces, commas or colons")
		default:
			add(strings.ToLower(h))
		}
	}
	s.names, s.list = list, strings.Join(list, ", ")
	return s
}

// headerCheck is the outcome of checking Access-Control-Request-Headers.
type headerCheck struct {
	reason  Reason
	bad     string // the offending name, or the first line when too large
	present bool   // at least one name was requested
	// authorization: Authorization was requested, which the wildcard
	// does not cover.
	authorization bool
}

// check parses the Access-Control-Request-Headers lines tolerantly (any
// case, any order, spaces, empty items, several lines, as gateways may
// split them) within the bounds above, and checks every name.
func (s *headerSet) check(lines []string) headerCheck {
	var c headerCheck
	n := 0
	for _, line := range lines {
		n += len(line)
	}
	if len(lines) > maxRequestHeaderLines || n > maxRequestHeadersLen {
		c.reason, c.bad = ReasonHeadersTooLarge, lines[0]
		return c
	}
	for _, line := range lines {
		for line != "" {
			name, rest, _ := strings.Cut(line, ",")
			line = rest
			if name = trimOWS(name); name == "" {
				continue
			}
			if !slices.Contains(s.names, name) {
				// Not an allowed name as browsers send it (lower case).
				switch {
				case !httpguts.ValidHeaderFieldName(name):
					c.reason, c.bad = ReasonHeaderInvalid, name
					return c
				case !s.allows(name):
					c.reason, c.bad = ReasonHeaderNotAllowed, name
					return c
				}
			}
			c.present = true
			c.authorization = c.authorization || name == "authorization" ||
				len(name) == len("authorization") && strings.EqualFold(name, "authorization")
		}
	}
	return c
}

// trimOWS removes the spaces and tabs HTTP allows around list items.
func trimOWS(s string) string {
	for s != "" && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// allows reports whether the set allows the header name, a token, in any
// case: lowered into a buffer no longer than the one the compiler gives a
// string conversion on the stack, so that checking allocates nothing.
func (s *headerSet) allows(name string) bool {
	if s.any {
		return true
	}
	var buf [32]byte
	if len(name) > len(buf) {
		return slices.ContainsFunc(s.names, func(allowed string) bool { return strings.EqualFold(allowed, name) })
	}
	b := buf[:len(name)]
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return slices.Contains(s.names, string(b))
}
