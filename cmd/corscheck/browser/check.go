package browser

import (
	"net/http"
	"net/url"
	"strings"
)

// A Response is what the browser received: the status and the header
// fields.
type Response struct {
	Status int         `json:"status"`
	Header http.Header `json:"headers"`
}

// allowCredentials is the only value of Access-Control-Allow-Credentials
// that allows credentials: case matters.
const allowCredentials = "true"

// CheckAccess applies the CORS check to the response of r's actual
// request: Access-Control-Allow-Origin must be r's origin, or * when r has
// no credentials, and with credentials Access-Control-Allow-Credentials
// must be true. It returns nil when the page may read the response.
func CheckAccess(r Request, res Response) *Failure {
	kind, value, ok := access(r, res.Header)
	if ok {
		return nil
	}
	return &Failure{Kind: kind, Value: value}
}

// CheckPreflight applies the browser's checks to the response to r's
// preflight, in Chromium's order: no redirect, the CORS check, an ok status (2xx), the
// Access-Control-Allow-Methods and -Headers lists, then r's method and r's
// unsafe headers against them. It returns nil when the browser goes on to
// send the actual request.
func CheckPreflight(r Request, res Response) *Failure {
	if isRedirect(res) {
		return &Failure{Kind: PreflightDisallowedRedirect}
	}
	if kind, value, ok := access(r, res.Header); !ok {
		return &Failure{Kind: "Preflight" + kind, Value: value}
	}
	if res.Status < 200 || res.Status > 299 {
		return &Failure{Kind: PreflightInvalidStatus}
	}
	methods, ok := parseList(res.Header.Values("Access-Control-Allow-Methods"))
	if !ok {
		return &Failure{Kind: InvalidAllowMethodsPreflightResponse}
	}
	headers, ok := parseList(res.Header.Values("Access-Control-Allow-Headers"))
	if !ok {
		return &Failure{Kind: InvalidAllowHeadersPreflightResponse}
	}
	if m := r.NormalizedMethod(); !methodAllowed(m, methods, r.Credentials) {
		return &Failure{Kind: MethodDisallowedByPreflightResponse, Value: m}
	}
	if refused := refusedHeaders(r, headers); len(refused) > 0 {
		return &Failure{Kind: HeaderDisallowedByPreflightResponse, Value: refused[0], Refused: refused}
	}
	return nil
}

// refusedHeaders returns the unsafe request headers of r that the
// preflight's Access-Control-Allow-Headers list does not allow.
func refusedHeaders(r Request, allowed []string) []string {
	var refused []string
	for _, name := range UnsafeHeaderNames(r.Header) {
		if !headerAllowed(name, allowed, r.Credentials) {
			refused = append(refused, name)
		}
	}
	return refused
}

// isRedirect reports whether res redirects: a 3xx status with a Location.
func isRedirect(res Response) bool {
	return res.Status >= 300 && res.Status < 400 && res.Header.Get("Location") != ""
}

// access is the CORS check of the header fields h of a response to r. It
// returns the kind of failure and its value, or ok.
func access(r Request, h http.Header) (kind Kind, value string, ok bool) {
	values := h.Values("Access-Control-Allow-Origin")
	if len(values) == 0 {
		return MissingAllowOriginHeader, "", false
	}
	allow := strings.Join(values, ", ")
	switch {
	case allow == "*" && r.Credentials:
		return WildcardOriginNotAllowed, "", false
	case allow == "*":
		return "", "", true
	case allow != r.Origin:
		return originMismatch(allow), allow, false
	}
	if !r.Credentials {
		return "", "", true
	}
	credentials := strings.Join(h.Values("Access-Control-Allow-Credentials"), ", ")
	if credentials != allowCredentials {
		return InvalidAllowCredentials, credentials, false
	}
	return "", "", true
}

// originMismatch returns how Chromium names an Access-Control-Allow-Origin
// value allow that is not the request's origin: a list, a value that is
// not a URL, or another origin.
func originMismatch(allow string) Kind {
	if strings.ContainsAny(allow, " ,") {
		return MultipleAllowOriginValues
	}
	if u, err := url.Parse(allow); allow != "null" && (err != nil || u.Scheme == "") {
		return InvalidAllowOriginValue
	}
	return AllowOriginMismatch
}

// methodAllowed reports whether the preflight's Access-Control-Allow-Methods
// list allows method: a safelisted method always, otherwise the method
// itself (case-sensitively) or, without credentials, *.
func methodAllowed(method string, allowed []string, credentials bool) bool {
	for _, m := range allowed {
		if m == method || (m == "*" && !credentials) {
			return true
		}
	}
	return IsSafelistedMethod(method)
}

// headerAllowed reports whether the preflight's Access-Control-Allow-Headers
// list allows the request header name: the name itself, case-insensitively,
// or, without credentials, *. Chromium 156 lets * cover Authorization too,
// with a deprecation warning; see [Warnings].
func headerAllowed(name string, allowed []string, credentials bool) bool {
	for _, h := range allowed {
		if strings.EqualFold(h, name) || (h == "*" && !credentials) {
			return true
		}
	}
	return false
}

// parseList splits the values of a header list field such as
// Access-Control-Allow-Methods into its items, skipping empty ones as
// browsers do. It reports false when an item is not an HTTP token.
func parseList(values []string) ([]string, bool) {
	var items []string
	for _, v := range values {
		for item := range strings.SplitSeq(v, ",") {
			item = strings.Trim(item, " \t")
			if item == "" {
				continue
			}
			if !isToken(item) {
				return nil, false
			}
			items = append(items, item)
		}
	}
	return items, true
}

// isToken reports whether s is an HTTP token (RFC 9110, section 5.6.2).
func isToken(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool {
		return r > 0x7e || r <= ' ' || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, r)
	})
}
