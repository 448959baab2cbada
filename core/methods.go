package cors

import "strings"

// maxMethodLen bounds the Access-Control-Request-Method values looked at.
const maxMethodLen = 64

// methodSet holds the methods a preflight may ask for.
type methodSet struct {
	any   bool
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
// allowed, and a token. A method the wildcard allows is not listed.
func (s *methodSet) listed(m string) bool {
	return isSafelistedMethod(m) || s.names.has(m)
}

// compileMethods validates Config.AllowMethods.
func compileMethods(methods []string, ps *problems) methodSet {
	var s methodSet
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
		switch up := strings.ToUpper(m); up {
		case "CONNECT", "TRACE", "TRACK":
			ps.add(field, m, "is a forbidden method that browsers never send", "remove it")
			continue
		case "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT":
			m = up
		}
		if s.names.has(m) {
			continue
		}
		s.names.add(m)
		list = append(list, m)
	}
	s.list = strings.Join(list, ", ")
	return s
}
