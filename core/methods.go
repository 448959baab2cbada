package cors

import (
	"slices"
	"strings"

	"golang.org/x/net/http/httpguts"
)

// maxMethodLen bounds the Access-Control-Request-Method values looked at.
const maxMethodLen = 64

// methodSet holds the methods a preflight may ask for.
type methodSet struct {
	any   bool
	names []string // AllowMethods, as browsers send them
	// list is the Access-Control-Allow-Methods value of an allowed
	// preflight: AllowMethods, "*", or "" to reflect the requested method.
	list string
}

// isSafelistedMethod reports whether m is a CORS-safelisted method, which
// browsers never preflight and which never needs listing. Case matters.
func isSafelistedMethod(m string) bool {
	return m == "GET" || m == "HEAD" || m == "POST"
}

// allows reports whether the set allows method m, a token.
func (s *methodSet) allows(m string) bool {
	return isSafelistedMethod(m) || s.any || slices.Contains(s.names, m)
}

// fetchNormalized reports whether up, an upper-cased method, is one the
// Fetch standard normalizes: a page's "delete" is sent as DELETE, but its
// "patch" is sent as patch.
func fetchNormalized(up string) bool {
	switch up {
	case "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT":
		return true
	}
	return false
}

// compileMethods validates Config.AllowMethods.
func compileMethods(methods []string, ps *problems) methodSet {
	var s methodSet
	for i, m := range methods {
		up := strings.ToUpper(m)
		switch {
		case m == "*":
			s.any = true
			continue
		case !httpguts.ValidHeaderFieldName(m):
			ps.add(indexed("AllowMethods", i), m, "is not an HTTP method name (a token)", "remove it, or write the method without spaces, commas or quotes")
			continue
		case up == "CONNECT" || up == "TRACE" || up == "TRACK":
			ps.add(indexed("AllowMethods", i), m, "is a forbidden method that browsers never send", "remove it")
			continue
		case fetchNormalized(up):
			m = up
		}
		if !slices.Contains(s.names, m) {
			s.names = append(s.names, m)
		}
	}
	s.list = strings.Join(s.names, ", ")
	return s
}
