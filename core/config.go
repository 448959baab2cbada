package cors

import "log/slog"

// Config is a CORS configuration. The zero value is not usable: at least one
// way of allowing origins must be set. Field names follow Starlette's
// CORSMiddleware (as used by FastAPI) and so do the JSON and YAML keys, so a
// configuration file written for FastAPI reads the same.
//
// A Config is validated and compiled by [New]; changing it afterwards has no
// effect on the [Policy] built from it.
type Config struct {
	// AllowOrigins lists the allowed origins, each in the exact form browsers
	// send in the Origin header: lower-case scheme and host, punycode for
	// international names, no default port, no path, no trailing slash.
	// Besides exact origins it accepts:
	//   - "*": any origin (never together with AllowCredentials);
	//   - a subdomain pattern, "https://*.example.com": one or more labels
	//     before example.com (not example.com itself), same scheme and port;
	//   - a port wildcard, "http://localhost:*": any port, or none;
	//   - "null", only with DangerouslyAllowNullOrigin.
	// Any other use of "*" is an error.
	AllowOrigins []string `json:"allow_origins,omitempty" yaml:"allow_origins,omitempty"`

	// AllowOriginRegex allows the origins that it matches in full: it is
	// anchored at both ends whatever it says, and must compile on its own.
	// The syntax is Go's RE2 (package regexp), which runs in time linear
	// in the origin's length. With AllowCredentials it gets the rules of
	// AllowOrigins: New refuses an expression that matches a plain-HTTP
	// origin other than loopback or a name under a public suffix (it is
	// probed with such origins), and a plain-HTTP origin it matches is
	// refused at request time, unless the Dangerously fields below say
	// otherwise.
	AllowOriginRegex string `json:"allow_origin_regex,omitempty" yaml:"allow_origin_regex,omitempty"`

	// AllowOriginFunc, when set, allows the origins for which it returns
	// true, after AllowOrigins and AllowOriginRegex found no match. It must
	// be safe for concurrent use and should not block. It is never asked
	// about the "null" origin unless DangerouslyAllowNullOrigin is set, nor
	// about a value that is not an origin. The string it gets is its own:
	// it may keep it. With AllowCredentials, a plain-HTTP origin other
	// than loopback is refused whatever it answers, unless
	// DangerouslyAllowInsecureOrigins is set. A panic in it propagates
	// like a panic in a handler: install the framework's recover
	// middleware before (outside) the CORS middleware.
	AllowOriginFunc func(origin string) bool `json:"-" yaml:"-"`

	// AllowMethods lists the methods allowed in addition to GET, HEAD and
	// POST, which are always allowed. DELETE, GET, HEAD, OPTIONS, POST and
	// PUT are upper-cased, as browsers send them whatever case a page
	// uses; every other name is kept byte for byte and compared
	// case-sensitively, as browsers send it ("patch" and "PATCH" are two
	// methods). "*" allows any method. CONNECT, TRACE and TRACK are
	// refused.
	AllowMethods []string `json:"allow_methods,omitempty" yaml:"allow_methods,omitempty"`

	// AllowHeaders lists the request headers allowed in addition to Accept,
	// Accept-Language, Content-Language and Content-Type, which are always
	// allowed. Names are case-insensitive. "*" allows any header; a
	// requested Authorization header is then named explicitly, since the
	// wildcard does not cover it.
	AllowHeaders []string `json:"allow_headers,omitempty" yaml:"allow_headers,omitempty"`

	// AllowCredentials lets the page send cookies and HTTP authentication
	// and read the response (Access-Control-Allow-Credentials: true).
	AllowCredentials bool `json:"allow_credentials,omitempty" yaml:"allow_credentials,omitempty"`

	// ExposeHeaders lists the response headers a page may read besides the
	// CORS-safelisted ones. "*" exposes all of them (only without
	// credentials). Set-Cookie can never be exposed.
	ExposeHeaders []string `json:"expose_headers,omitempty" yaml:"expose_headers,omitempty"`

	// MaxAge is how long, in seconds, a browser may cache a preflight
	// response. 0 means 600 (FastAPI's default); a negative value sends 0,
	// which disables the browser's preflight cache; above 86400 is an error.
	// In a JSON or YAML document, "max_age": 0 sends 0, as in FastAPI, and
	// an absent max_age means 600.
	MaxAge int `json:"max_age,omitempty" yaml:"max_age,omitempty"`

	// AllowPrivateNetwork answers Private Network Access preflights: an
	// allowed preflight that carries Access-Control-Request-Private-Network:
	// true gets Access-Control-Allow-Private-Network: true. Off by default.
	AllowPrivateNetwork bool `json:"allow_private_network,omitempty" yaml:"allow_private_network,omitempty"`

	// PreflightStatus is the status of an allowed preflight response: 0
	// means 204 No Content; set 200 for old clients that mishandle 204. It
	// must be in 200-299.
	PreflightStatus int `json:"preflight_status,omitempty" yaml:"preflight_status,omitempty"`

	// PreflightPassthrough, when set, lets an allowed preflight reach the
	// application handler (with its CORS headers already set) instead of
	// being answered by the middleware. Rejected preflights are answered
	// with 403 either way.
	PreflightPassthrough bool `json:"preflight_passthrough,omitempty" yaml:"preflight_passthrough,omitempty"`

	// CrossOriginProtection refuses, with 403, a cross-origin request with
	// an unsafe method (any but GET, HEAD and OPTIONS) unless its origin is
	// one this policy allows: cross-site request forgery (a form POST or a
	// no-cors fetch) from any other site never reaches the handler. It
	// follows net/http's CrossOriginProtection: Sec-Fetch-Site same-origin
	// or none passes; without Sec-Fetch-Site, an Origin naming the
	// request's own host passes, and a request with neither (not from a
	// browser) passes. Off by default, since CORS alone never refuses an
	// actual request.
	CrossOriginProtection bool `json:"cross_origin_protection,omitempty" yaml:"cross_origin_protection,omitempty"`

	// DangerouslyAllowNullOrigin permits "null" in AllowOrigins and lets
	// AllowOriginRegex and AllowOriginFunc see the "null" origin. Any page
	// can send Origin: null (from a sandboxed iframe, say), so allowing it
	// is close to allowing every origin.
	DangerouslyAllowNullOrigin bool `json:"dangerously_allow_null_origin,omitempty" yaml:"dangerously_allow_null_origin,omitempty"`

	// DangerouslyAllowInsecureOrigins permits plain-http origins other than
	// loopback together with AllowCredentials. A network attacker can
	// impersonate such an origin and read the credentialed responses.
	DangerouslyAllowInsecureOrigins bool `json:"dangerously_allow_insecure_origins,omitempty" yaml:"dangerously_allow_insecure_origins,omitempty"`

	// DangerouslyAllowPublicSuffixPatterns permits, together with
	// AllowCredentials, subdomain patterns and an AllowOriginRegex that
	// match names anyone can register: those with a public suffix of the
	// Public Suffix List at or below the pattern's host
	// ("https://*.github.io", "https://*.com", "https://*.amazonaws.com",
	// under which s3.amazonaws.com is a public suffix).
	DangerouslyAllowPublicSuffixPatterns bool `json:"dangerously_allow_public_suffix_patterns,omitempty" yaml:"dangerously_allow_public_suffix_patterns,omitempty"`

	// Logger, when set, receives a debug-level record for every rejected
	// request, with the reason and the value that failed. When nil nothing
	// is logged and nothing is spent on logging.
	Logger *slog.Logger `json:"-" yaml:"-"`
}
