package cors

import (
	"slices"
	"strings"
)

// Bounds on the Access-Control-Request-Headers a preflight may carry. A
// browser sends one line of lower-case names; anything beyond these bounds
// is rejected before it is parsed, so a hostile request costs constant time.
const (
	maxRequestHeaderLines = 16
	maxRequestHeadersLen  = 4096
)

// maxBrowserLineNames bounds the allowed names for which a policy keeps
// every line a browser may send (2^n - 1 of them): 255 lines, some 30 KiB.
const maxBrowserLineNames = 8

// alwaysAllowedHeaders are allowed whatever AllowHeaders says. Content-Type
// is among them even though, with a value other than the three simple ones,
// it is not CORS-safelisted: browsers then list it, and Starlette allows it.
const alwaysAllowedHeaders = "accept,accept-language,content-language,content-type"

// headerSet holds the request headers a preflight may ask for.
type headerSet struct {
	any   bool
	names stringSet // lower case
	// authorization is the slot of "authorization" in names, or -1: a
	// name found there is Authorization without comparing it again.
	authorization int
	// list is the precomputed Access-Control-Allow-Headers value.
	list string
	// browserLines holds every line a browser may send that asks only for
	// allowed names (see browserLines), when there are few names and no
	// wildcard; longestLine is the length of the longest.
	browserLines stringSet
	longestLine  int
}

// compileHeaders validates Config.AllowHeaders.
func compileHeaders(headers []string, ps *problems) headerSet {
	var s headerSet
	var list []string
	add := func(name string) {
		if s.names.has(name) {
			return
		}
		s.names.add(name)
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
	s.authorization = s.names.index("authorization")
	if !s.any && len(list) <= maxBrowserLineNames {
		for _, l := range browserLines(list) {
			s.browserLines.add(l)
			s.longestLine = max(s.longestLine, len(l))
		}
	}
	return s
}

// browserLines returns every Access-Control-Request-Headers line a
// browser may send when it asks for some of names (lower case, no
// duplicates): the Fetch standard has it send the names it asks for in
// lower case, sorted, joined by commas alone.
func browserLines(names []string) []string {
	names = slices.Sorted(slices.Values(names))
	lines := make([]string, 0, 1<<len(names)-1)
	var b strings.Builder
	for subset := 1; subset < 1<<len(names); subset++ {
		b.Reset()
		for i, n := range names {
			if subset&(1<<i) == 0 {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			b.WriteString(n)
		}
		lines = append(lines, b.String())
	}
	return lines
}

// checkName checks one requested header name: whether it is a token, and
// whether it is allowed or is Authorization. A name found in the set as it
// is (lower case, as browsers send) is a token: only other names are
// looked at byte by byte.
func (s *headerSet) checkName(name string) (valid, allowed, authorization bool) {
	if i := s.names.index(name); i >= 0 {
		return true, true, i == s.authorization
	}
	var class byte
	for i := 0; i < len(name); i++ {
		c := byteClass[name[i]]
		if c == 0 {
			return false, false, false
		}
		class |= c
	}
	if class&classUpper != 0 {
		return s.checkMixedCaseName(name)
	}
	return true, s.any, name == "authorization"
}

// checkMixedCaseName is checkName for a valid token with upper-case
// letters: it is lowered into a buffer on the stack. The buffer is no
// longer than the one the compiler gives a string conversion that does not
// escape, so looking the lowered name up allocates nothing.
func (s *headerSet) checkMixedCaseName(name string) (valid, allowed, authorization bool) {
	var buf [32]byte
	if len(name) > len(buf) {
		// Longer than the buffer: compare with the names of its length
		// (a few instructions a slot, and the number of names in a
		// request is bounded).
		for _, v := range s.names.slots {
			allowed = allowed || (len(v.key) == len(name) && strings.EqualFold(v.key, name))
		}
		return true, allowed || s.any, false
	}
	b := buf[:len(name)]
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	lower := string(b)
	return true, s.names.has(lower) || s.any, lower == "authorization"
}

// headerCheck is the outcome of checking Access-Control-Request-Headers.
type headerCheck struct {
	reason  Reason
	bad     string // the offending name, or the whole line when too large
	present bool   // at least one name was requested
	// authorization: Authorization was requested under the wildcard,
	// which does not cover it (nothing else needs to know).
	authorization bool
}

// check parses the Access-Control-Request-Headers lines tolerantly (any
// case, any order, spaces, empty items, several lines) within the bounds
// above, and checks every name against the set. A line as a browser sends
// it, asking only for allowed names, is found among browserLines instead:
// one look-up rather than one a name (TestBrowserLines holds the two ways
// together). A line that is not there costs that look-up more.
func (s *headerSet) check(lines []string) headerCheck {
	var c headerCheck
	if len(lines) == 1 && len(lines[0]) <= s.longestLine && s.browserLines.has(lines[0]) {
		// As a browser sends it, and allowed: one look-up.
		c.present = true
		return c
	}
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
			valid, allowed, authorization := s.checkName(name)
			switch {
			case !valid:
				c.reason, c.bad = ReasonHeaderInvalid, name
				return c
			case !allowed:
				c.reason, c.bad = ReasonHeaderNotAllowed, name
				return c
			}
			c.present = true
			c.authorization = c.authorization || authorization && s.any
		}
	}
	return c
}

// trimOWS removes the spaces and tabs HTTP allows around list items.
func trimOWS(s string) string {
	if s != "" && s[0] > ' ' && s[len(s)-1] > ' ' {
		return s // nothing to trim, as browsers send it
	}
	for s != "" && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}
