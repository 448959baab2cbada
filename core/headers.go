package cors

import "strings"

// Bounds on the Access-Control-Request-Headers a preflight may carry. A
// browser sends one line of lower-case names; anything beyond these bounds
// is rejected before it is parsed, so a hostile request costs constant time.
const (
	maxRequestHeaderLines = 16
	maxRequestHeadersLen  = 4096
)

// alwaysAllowedHeaders are allowed whatever AllowHeaders says. Content-Type
// is among them even though, with a value other than the three simple ones,
// it is not CORS-safelisted: browsers then list it, and Starlette allows it.
const alwaysAllowedHeaders = "accept,accept-language,content-language,content-type"

// headerSet holds the request headers a preflight may ask for.
type headerSet struct {
	any   bool
	names map[string]struct{} // lower case
	// maxLen is the length of the longest name in names.
	maxLen int
	// list is the precomputed Access-Control-Allow-Headers value.
	list string
}

// compileHeaders validates Config.AllowHeaders.
func compileHeaders(headers []string, ps *problems) headerSet {
	s := headerSet{names: make(map[string]struct{})}
	var list []string
	add := func(name string) {
		if _, dup := s.names[name]; dup {
			return
		}
		s.names[name] = struct{}{}
		s.maxLen = max(s.maxLen, len(name))
		list = append(list, name)
	}
	for _, h := range strings.Split(alwaysAllowedHeaders, ",") {
		add(h)
	}
	for i, h := range headers {
		switch {
		case h == "*":
			s.any = true
		case !isToken(h):
			ps.add(indexed("AllowHeaders", i), h, "is not a header name (a token)", "remove it, or write the name without spaces, commas or colons")
		default:
			add(lowerASCII(h))
		}
	}
	s.list = strings.Join(list, ", ")
	return s
}

func (s *headerSet) contains(name string) bool {
	if len(name) > s.maxLen {
		return false
	}
	var buf [256]byte
	if len(name) > len(buf) {
		for k := range s.names {
			if strings.EqualFold(k, name) {
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

// headerCheck is the outcome of checking Access-Control-Request-Headers.
type headerCheck struct {
	reason        Reason
	bad           string // the offending name, or the whole line when too large
	present       bool   // at least one name was requested
	authorization bool   // Authorization was requested
}

// check parses the Access-Control-Request-Headers lines tolerantly (any
// case, any order, spaces, empty items, several lines) within the bounds
// above, and checks every name against the set.
func (s *headerSet) check(lines []string) headerCheck {
	var c headerCheck
	if len(lines) > maxRequestHeaderLines {
		c.reason, c.bad = ReasonHeadersTooLarge, lines[0]
		return c
	}
	n := 0
	for _, line := range lines {
		n += len(line)
	}
	if n > maxRequestHeadersLen {
		c.reason, c.bad = ReasonHeadersTooLarge, lines[0]
		return c
	}
	for _, line := range lines {
		for line != "" {
			var name string
			if i := strings.IndexByte(line, ','); i >= 0 {
				name, line = line[:i], line[i+1:]
			} else {
				name, line = line, ""
			}
			name = trimOWS(name)
			if name == "" {
				continue
			}
			if !isToken(name) {
				c.reason, c.bad = ReasonHeaderInvalid, name
				return c
			}
			c.present = true
			if strings.EqualFold(name, "authorization") {
				c.authorization = true
			}
			if !s.any && !s.contains(name) {
				c.reason, c.bad = ReasonHeaderNotAllowed, name
				return c
			}
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
