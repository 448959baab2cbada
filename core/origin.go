package cors

import (
	"net/netip"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// maxOriginLen bounds the Origin values the matcher looks at. The longest
// DNS name is 253 bytes; the rest leaves room for long schemes and ports.
const maxOriginLen = 1024

// An originSpec is one entry of AllowOrigins, parsed.
type originSpec struct {
	scheme    string
	host      string // for a subdomain pattern: the suffix after "*."
	port      string // "" for none, "*" for any
	subdomain bool   // "scheme://*.host"
}

// originSet decides whether an origin is allowed. Exact origins are a
// look-up in a stringSet and port wildcards one in a map; subdomain patterns
// are one map look-up per dot in the request's host, so the cost does not
// grow with the number of configured origins.
type originSet struct {
	any        bool
	exact      stringSet                  // "https://example.com", "null"
	anyPort    map[string]struct{}        // "http://localhost" from "http://localhost:*"
	subdomains map[string][]subdomainRule // "example.com" from "https://*.example.com"
	regex      *regexp.Regexp
	fn         func(string) bool
	null       bool // regex and fn may see "null"
	inexact    bool // anyPort, subdomains, regex or fn is set
}

type subdomainRule struct {
	scheme  string
	port    string
	anyPort bool
}

// allowsInexact reports whether a port wildcard, a subdomain pattern, the
// regular expression or the function allows origin, which decide has
// found non-empty, within maxOriginLen and not among the exact origins.
func (s *originSet) allowsInexact(origin string) bool {
	if origin == "null" {
		if !s.null {
			return false
		}
	} else if !visibleASCII(origin) || !strings.Contains(origin, "://") {
		// Not an origin a browser sends ("*", say, or one with a line
		// break): never handed to a regex or a function that might
		// reflect it.
		return false
	}
	if (s.anyPort != nil || s.subdomains != nil) && s.matchPattern(origin) {
		return true
	}
	if s.regex != nil && s.regex.MatchString(origin) {
		return true
	}
	return s.fn != nil && s.fn(origin)
}

func (s *originSet) matchPattern(origin string) bool {
	i := strings.Index(origin, "://")
	if i <= 0 {
		return false
	}
	scheme, host, port := origin[:i], origin[i+3:], ""
	if j := strings.LastIndexByte(host, ':'); j >= 0 && !strings.HasSuffix(host, "]") {
		host, port = host[:j], host[j+1:]
		if !validPort(port) {
			return false
		}
	}
	if _, ok := s.anyPort[origin[:i+3+len(host)]]; ok {
		return true
	}
	if s.subdomains == nil {
		return false
	}
	for j := 0; j < len(host); j++ {
		if host[j] != '.' {
			continue
		}
		rules := s.subdomains[host[j+1:]]
		if rules == nil || !validLabels(host[:j]) {
			continue
		}
		for _, r := range rules {
			if r.scheme == scheme && (r.anyPort || r.port == port) {
				return true
			}
		}
	}
	return false
}

// visibleASCII reports whether s has only printable ASCII characters other
// than space, as every serialized origin does.
func visibleASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] >= 0x7f {
			return false
		}
	}
	return true
}

// validLabels reports whether s is one or more dot-separated DNS labels as a
// browser serializes them: non-empty, lower-case letters, digits, '-', '_'.
func validLabels(s string) bool {
	if s == "" {
		return false
	}
	prevDot := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '.':
			if prevDot {
				return false
			}
			prevDot = true
			continue
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '_':
		default:
			return false
		}
		prevDot = false
	}
	return !prevDot
}

// validPort reports whether s is a port as browsers serialize it: 1-65535 in
// decimal without leading zeros.
func validPort(s string) bool {
	if s == "" || len(s) > 5 || s[0] == '0' {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n <= 65535
}

// parseOriginSpec parses one AllowOrigins entry other than "*" and "null".
// On failure it returns a problem and a fix, worded for a ConfigError.
func parseOriginSpec(s string) (spec originSpec, problem, fix string) {
	use := func() string {
		if c, ok := suggestOrigin(s); ok && c != s {
			return "use " + strconv.Quote(c)
		}
		return `write it as scheme://host[:port], such as "https://example.com"`
	}
	if strings.TrimSpace(s) != s {
		return spec, "has white space around it", use()
	}
	i := strings.Index(s, "://")
	if i < 0 {
		return spec, "has no scheme", use()
	}
	scheme, rest := s[:i], s[i+3:]
	if !validScheme(strings.ToLower(scheme)) {
		return spec, "has an invalid scheme", `write it as scheme://host[:port], such as "https://example.com"`
	}
	if strings.ContainsAny(rest, "@") {
		return spec, "has user information", use()
	}
	if j := strings.IndexAny(rest, "/?#"); j >= 0 {
		if rest[j:] == "/" {
			return spec, "has a trailing slash (browsers send none)", use()
		}
		if strings.Contains(rest[j:], "*") {
			return spec, "has a wildcard in its path (origins have no path)", `for subdomains write "https://*.example.com"`
		}
		return spec, "has a path, query or fragment (origins have none)", use()
	}
	if strings.ToLower(s) != s {
		return spec, "has upper-case letters (browsers send lower case)", use()
	}
	for k := 0; k < len(rest); k++ {
		if rest[k] >= 0x80 {
			return spec, "has a non-ASCII host (browsers send punycode)", use()
		}
	}
	host, port := rest, ""
	if j := strings.LastIndexByte(rest, ':'); j >= 0 && !strings.HasSuffix(rest, "]") {
		host, port = rest[:j], rest[j+1:]
	}
	spec.scheme = scheme
	const wildcardFix = `"*" may stand only for the whole origin, for the first labels ("https://*.example.com") or for the port ("http://localhost:*")`
	if strings.HasPrefix(host, "*.") {
		spec.subdomain = true
		host = host[2:]
	}
	if strings.Contains(host, "*") {
		return spec, "has a wildcard that is not a whole label", wildcardFix
	}
	switch {
	case port == "*":
	case port == "" && strings.HasSuffix(rest, ":"):
		return spec, "has an empty port", use()
	case port == "":
	case strings.Contains(port, "*"):
		return spec, "has a partial port wildcard", wildcardFix
	case !validPort(port):
		return spec, "has an invalid port", "use a port from 1 to 65535 without leading zeros"
	case defaultPort(scheme) == port:
		return spec, "has the scheme's default port (browsers omit it)", use()
	}
	spec.host, spec.port = host, port
	if strings.HasPrefix(host, "[") {
		if !strings.HasSuffix(host, "]") {
			return spec, "has an invalid IPv6 host", `write it as "http://[::1]:8080"`
		}
		a, err := netip.ParseAddr(host[1 : len(host)-1])
		if err != nil || !a.Is6() || a.Zone() != "" || "["+a.String()+"]" != host {
			if err == nil && a.Zone() == "" {
				return spec, "has a non-canonical IPv6 host", "use " + strconv.Quote(scheme+"://["+a.String()+"]"+portSuffix(port))
			}
			return spec, "has an invalid IPv6 host", `write it as "http://[::1]:8080"`
		}
		if spec.subdomain {
			return spec, "puts a subdomain wildcard before an IP address", wildcardFix
		}
		return spec, "", ""
	}
	if !validLabels(host) || len(host) > 253 {
		return spec, "has an invalid host", use()
	}
	if a, err := netip.ParseAddr(host); err == nil {
		if spec.subdomain {
			return spec, "puts a subdomain wildcard before an IP address", wildcardFix
		}
		if a.String() != host {
			return spec, "has a non-canonical IP address", "use " + strconv.Quote(scheme+"://"+a.String()+portSuffix(port))
		}
	}
	return spec, "", ""
}

func portSuffix(port string) string {
	if port == "" {
		return ""
	}
	return ":" + port
}

func validScheme(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func defaultPort(scheme string) string {
	switch scheme {
	case "http", "ws":
		return "80"
	case "https", "wss":
		return "443"
	}
	return ""
}

// suggestOrigin returns, best effort, the origin a browser would send for s:
// the form a ConfigError proposes as the fix.
func suggestOrigin(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", false
	}
	scheme := strings.ToLower(u.Scheme)
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if strings.HasPrefix(host, "*.") {
		a, err := idna.Lookup.ToASCII(host[2:])
		if err != nil {
			return "", false
		}
		host = "*." + a
	} else if a, err := idna.Lookup.ToASCII(host); err == nil {
		host = a
	} else {
		return "", false
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port == defaultPort(scheme) {
		port = ""
	}
	return scheme + "://" + host + portSuffix(port), true
}

// isLoopbackHost reports whether host names this machine: localhost, a name
// under .localhost, 127.0.0.0/8 or [::1].
func isLoopbackHost(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	h := strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	a, err := netip.ParseAddr(h)
	return err == nil && a.IsLoopback()
}

// isPublicSuffix reports whether anyone may register names directly under
// host (com, co.uk, github.io; any unknown top-level domain too), loopback
// names excepted.
func isPublicSuffix(host string) bool {
	if isLoopbackHost(host) {
		return false
	}
	ps, _ := publicsuffix.PublicSuffix(host)
	return ps == host
}
