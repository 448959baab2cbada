package cors

import (
	"net/netip"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/net/idna"
)

// maxOriginLen bounds the Origin values the matcher looks at. The longest
// DNS name is 253 bytes; the rest leaves room for long schemes and ports.
const maxOriginLen = 1024

// originSet decides whether an origin is allowed. Exact origins and port
// wildcards are a map look-up each, and subdomain patterns one look-up per
// dot in the request's host, so the cost does not grow with the number of
// configured origins. The set is also what Policy.Config reports of
// AllowOrigins: the exact origins are kept once, in the map.
type originSet struct {
	any        bool
	exact      map[string]struct{}        // "https://example.com", "null"
	others     []string                   // the entries of AllowOrigins that are not exact
	anyPort    map[string]struct{}        // "http://localhost" from "http://localhost:*"
	subdomains map[string][]subdomainRule // "example.com" from "https://*.example.com"
	regex      *regexp.Regexp
	fn         func(string) bool
	null       bool // regex and fn may see "null"
	// secureOnly: regex and fn may not allow a plain-HTTP origin other
	// than loopback (credentials, without DangerouslyAllowInsecureOrigins).
	secureOnly bool
}

// A subdomainRule is the scheme and port of a subdomain pattern.
type subdomainRule struct {
	scheme, port string // port "*" for any
}

// An originSpec is one entry of AllowOrigins, parsed.
type originSpec struct {
	scheme    string
	host      string // for a subdomain pattern: the suffix after "*."
	port      string // "" for none, "*" for any
	subdomain bool   // "scheme://*.host"
}

// compileOrigins validates the ways Config allows origins: AllowOrigins,
// AllowOriginRegex and AllowOriginFunc.
func compileOrigins(cfg *Config, ps *problems) originSet {
	s := originSet{
		exact:      make(map[string]struct{}),
		fn:         cfg.AllowOriginFunc,
		null:       cfg.DangerouslyAllowNullOrigin,
		secureOnly: cfg.AllowCredentials && !cfg.DangerouslyAllowInsecureOrigins,
	}
	if cfg.AllowOriginRegex != "" {
		s.regex = compileOriginRegex(cfg, ps)
	}
	for i, o := range cfg.AllowOrigins {
		switch o {
		case "*":
			s.any = true
			s.others = append(s.others, o)
			switch {
			case cfg.AllowCredentials:
				ps.add(indexed("AllowOrigins", i), o, "allows every origin together with AllowCredentials, which lets any site read your users' data", "list the trusted origins, or turn AllowCredentials off")
			case len(cfg.AllowOrigins) > 1 || cfg.AllowOriginRegex != "" || cfg.AllowOriginFunc != nil:
				ps.add(indexed("AllowOrigins", i), o, "stands beside other ways of allowing origins, which then mean nothing", `keep "*" alone, or remove it`)
			}
			continue
		case "null":
			if !cfg.DangerouslyAllowNullOrigin {
				ps.add(indexed("AllowOrigins", i), o, "is sent by sandboxed iframes, local files and redirects from any site", "remove it, or set DangerouslyAllowNullOrigin")
				continue
			}
			s.exact[o] = struct{}{}
			continue
		}
		spec, problem, fix := parseOriginSpec(o)
		switch {
		case problem != "":
		case s.secureOnly && (spec.scheme == "http" || spec.scheme == "ws") && !isLoopbackHost(spec.host):
			problem, fix = "is plain HTTP together with AllowCredentials, so a network attacker can read your users' data", "use https, or set DangerouslyAllowInsecureOrigins"
		case spec.subdomain && cfg.AllowCredentials && !cfg.DangerouslyAllowPublicSuffixPatterns && publicSuffixAtOrBelow(spec.host):
			problem, fix = "matches names anyone can register (a public suffix sits at or below "+spec.host+") together with AllowCredentials", "list the trusted subdomains, or set DangerouslyAllowPublicSuffixPatterns"
		}
		switch {
		case problem != "":
			ps.add(indexed("AllowOrigins", i), o, problem, fix)
		case spec.subdomain:
			if s.subdomains == nil {
				s.subdomains = make(map[string][]subdomainRule)
			}
			s.subdomains[spec.host] = append(s.subdomains[spec.host], subdomainRule{spec.scheme, spec.port})
		case spec.port == "*":
			if s.anyPort == nil {
				s.anyPort = make(map[string]struct{})
			}
			s.anyPort[spec.scheme+"://"+spec.host] = struct{}{}
		default:
			s.exact[o] = struct{}{}
			continue
		}
		s.others = append(s.others, o)
	}
	if len(cfg.AllowOrigins) == 0 && cfg.AllowOriginRegex == "" && cfg.AllowOriginFunc == nil {
		ps.add("AllowOrigins", "", "is empty and so are AllowOriginRegex and AllowOriginFunc, so no origin could ever be allowed", `list the origins of your front ends, such as "https://app.example.com"`)
	}
	return s
}

// allowOrigins returns the AllowOrigins entries the set holds, sorted.
func (s *originSet) allowOrigins() []string {
	if len(s.exact)+len(s.others) == 0 {
		return nil
	}
	return slices.Sorted(func(yield func(string) bool) {
		for o := range s.exact {
			if !yield(o) {
				return
			}
		}
		for _, o := range s.others {
			if !yield(o) {
				return
			}
		}
	})
}

// check returns ReasonAllowed, ReasonOriginNotAllowed or
// ReasonOriginInvalid for a request's Origin lines (at least one).
func (s *originSet) check(lines []string) Reason {
	origin := lines[0]
	if len(lines) > 1 || origin == "" || len(origin) > maxOriginLen {
		return ReasonOriginInvalid
	}
	if _, ok := s.exact[origin]; ok || s.any || s.allowsInexact(origin) {
		return ReasonAllowed
	}
	return ReasonOriginNotAllowed
}

// allowsInexact reports whether a port wildcard, a subdomain pattern, the
// regular expression or the function allows origin.
func (s *originSet) allowsInexact(origin string) bool {
	if s.anyPort == nil && s.subdomains == nil && s.regex == nil && s.fn == nil {
		return false
	}
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
	if s.matchPattern(origin) {
		return true
	}
	if s.regex == nil && s.fn == nil || s.secureOnly && insecureOrigin(origin) {
		return false
	}
	if s.regex != nil && s.regex.MatchString(origin) {
		return true
	}
	// The function gets a copy: it may keep the string (a cache of its
	// answers, say), and an adapter may hand the core strings that share
	// a buffer the server reuses for the next request (fasthttp).
	return s.fn != nil && s.fn(strings.Clone(origin))
}

// matchPattern reports whether a port wildcard or a subdomain pattern
// allows origin.
func (s *originSet) matchPattern(origin string) bool {
	if s.anyPort == nil && s.subdomains == nil {
		return false
	}
	scheme, host, port, ok := splitOrigin(origin)
	if !ok {
		return false
	}
	if _, ok := s.anyPort[origin[:len(scheme)+len("://")+len(host)]]; ok {
		return true
	}
	for i := 0; i < len(host); i++ {
		if host[i] != '.' {
			continue
		}
		for _, r := range s.subdomains[host[i+1:]] {
			if r.scheme == scheme && (r.port == "*" || r.port == port) && validLabels(host[:i]) {
				return true
			}
		}
	}
	return false
}

// splitOrigin splits a serialized origin into its scheme, host and port
// ("" when absent), reporting false when the port is not one a browser
// would send.
func splitOrigin(origin string) (scheme, host, port string, ok bool) {
	scheme, host, ok = strings.Cut(origin, "://")
	if !ok || scheme == "" {
		return "", "", "", false
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.HasSuffix(host, "]") {
		host, port = host[:i], host[i+1:]
		if !validPort(port) {
			return "", "", "", false
		}
	}
	return scheme, host, port, true
}

// insecureOrigin reports whether origin is plain HTTP (http or ws) to a
// host other than loopback, which a network attacker can impersonate.
func insecureOrigin(origin string) bool {
	scheme, host, _, ok := splitOrigin(origin)
	if !ok {
		return origin != "null"
	}
	return (scheme == "http" || scheme == "ws") && !isLoopbackHost(host)
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
	if strings.Contains(rest, "@") {
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
	for k := 0; k < len(s); k++ {
		switch c := s[k]; {
		case 'A' <= c && c <= 'Z', c >= 0x80 && strings.ToLower(s) != s:
			return spec, "has upper-case letters (browsers send lower case)", use()
		case c >= 0x80:
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
	switch {
	case spec.subdomain && strings.Contains(host, "*"):
		return spec, `has more than one "*" (one already stands for one or more labels)`, "use " + strconv.Quote(scheme+"://*."+strings.TrimLeft(host, "*.")+portSuffix(port))
	case strings.Contains(host, "*"):
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
	// A host name's last label is never all digits: only an IPv4
	// address ends in one.
	if c := host[len(host)-1]; '0' <= c && c <= '9' {
		a, err := netip.ParseAddr(host)
		if err != nil {
			return spec, "has an invalid host", use()
		}
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
