package cors

import (
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
	names map[string]struct{} // lower case
	// list is the Access-Control-Allow-Headers value of an allowed
	// preflight: the names, "*", or "" to reflect the requested ones.
	list string
}

// compileHeaders validates Config.AllowHeaders.
func compileHeaders(headers []string, ps *problems) headerSet {
	s := headerSet{names: make(map[string]struct{}, 4+len(headers))}
	list := make([]string, 0, 4+len(headers))
	add := func(name string) {
		if _, dup := s.names[name]; !dup {
			s.names[name] = struct{}{}
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
	s.list = strings.Join(list, ", ")
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
		for item := range strings.SplitSeq(line, ",") {
			name := strings.Trim(item, " \t")
			switch {
			case name == "":
				continue
			case !httpguts.ValidHeaderFieldName(name):
				c.reason, c.bad = ReasonHeaderInvalid, name
				return c
			case !s.allows(name):
				c.reason, c.bad = ReasonHeaderNotAllowed, name
				return c
			}
			c.present = true
			c.authorization = c.authorization || strings.EqualFold(name, "authorization")
		}
	}
	return c
}

// allows reports whether the set allows the header name, a token, in any
// case. A browser sends lower case, found as it is; another case is
// lowered on the stack, so that checking allocates nothing.
func (s *headerSet) allows(name string) bool {
	if _, ok := s.names[name]; ok || s.any {
		return true
	}
	var buf [64]byte
	if len(name) > len(buf) {
		for allowed := range s.names {
			if strings.EqualFold(allowed, name) {
				return true
			}
		}
		return false
	}
	b := buf[:len(name)]
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	_, ok := s.names[string(b)]
	return ok
}
