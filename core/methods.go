package cors

import (
	"slices"
	"strings"
)

// maxMethodLen bounds the Access-Control-Request-Method values looked at.
const maxMethodLen = 64

// methodSet holds the methods a preflight may ask for.
type methodSet struct {
	any bool
	// standard has the bit (see standardMethod) of each method of RFC 9110
	// that is listed: the safelisted ones and those of AllowMethods.
	standard uint8
	// names holds the other methods of AllowMethods.
	names stringSet
	// list is the precomputed Access-Control-Allow-Methods value, or "" when
	// only the CORS-safelisted methods are allowed.
	list string
}

// isSafelistedMethod reports whether m is a CORS-safelisted method, which
// browsers never preflight and which never needs listing. Case matters.
func isSafelistedMethod(m string) bool {
	return m == "GET" || m == "HEAD" || m == "POST"
}

// listed reports whether m is a safelisted method or one of AllowMethods:
// allowed, and a token. A method the wildcard allows is not listed. A
// method of RFC 9110 is told by a switch, which costs less than a look-up;
// names holds only the other methods.
func (s *methodSet) listed(m string) bool {
	return s.listedStandard(m) || s.names.has(m)
}

// listedStandard reports whether m is a method of RFC 9110 that is listed.
// It is small enough to be inlined: a preflight for such a method costs no
// call (decide asks it before listed).
func (s *methodSet) listedStandard(m string) bool {
	return s.standard&standardMethod(m) != 0
}

// standardMethod returns a bit that stands for m if m is one of the
// methods RFC 9110 defines that a browser may send (in upper case), or 0.
func standardMethod(m string) uint8 {
	switch m {
	case "GET":
		return 1 << 0
	case "HEAD":
		return 1 << 1
	case "POST":
		return 1 << 2
	case "PUT":
		return 1 << 3
	case "DELETE":
		return 1 << 4
	case "OPTIONS":
		return 1 << 5
	case "PATCH":
		return 1 << 6
	}
	return 0
}

// compileMethods validates Config.AllowMethods.
func compileMethods(methods []string, ps *problems) methodSet {
	s := methodSet{standard: standardMethod("GET") | standardMethod("HEAD") | standardMethod("POST")}
	var list []string
	for i, m := range methods {
		field := indexed("AllowMethods", i)
		switch {
		case m == "*":
			s.any = true
			continue
		case !isToken(m):
			ps.add(field, m, "is not an HTTP method name (a token)", "remove it, or write the method without spaces, commas or quotes")
			continue
		}
		up := strings.ToUpper(m)
		switch up {
		case "CONNECT", "TRACE", "TRACK":
			ps.add(field, m, "is a forbidden method that browsers never send", "remove it")
			continue
		}
		b := standardMethod(up)
		if b != 0 {
			m = up // a method of RFC 9110, in any case
		}
		if slices.Contains(list, m) {
			continue
		}
		if b != 0 {
			s.standard |= b
		} else {
			s.names.add(m)
		}
		list = append(list, m)
	}
	s.list = strings.Join(list, ", ")
	return s
}
