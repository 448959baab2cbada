package browser

import (
	"net/http"
	"slices"
	"strings"
)

// maxSafelistedValue is the longest value a CORS-safelisted request header
// may have.
const maxSafelistedValue = 128

// IsSafelistedMethod reports whether method is a CORS-safelisted method:
// GET, HEAD or POST, after [NormalizeMethod].
func IsSafelistedMethod(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPost:
		return true
	}
	return false
}

// IsSafelistedHeader reports whether the request header name: value is
// CORS-safelisted, so that it needs no preflight: Accept,
// Accept-Language, Content-Language, Content-Type and Range, each with a
// value of at most 128 bytes that follows that header's rule.
func IsSafelistedHeader(name, value string) bool {
	if len(value) > maxSafelistedValue {
		return false
	}
	switch strings.ToLower(name) {
	case "accept":
		return !strings.ContainsFunc(value, isUnsafeByte)
	case "accept-language", "content-language":
		return !strings.ContainsFunc(value, isNotLanguageByte)
	case "content-type":
		return isSafelistedContentType(value)
	case "range":
		return isSimpleRange(value)
	}
	return false
}

// UnsafeHeaderNames returns the names of the headers in h that are not
// CORS-safelisted, as the preflight's Access-Control-Request-Headers lists
// them: lower-cased, sorted, without duplicates. Several values of one
// name are joined with ", " first, as the browser combines them. (The
// Fetch standard's 1024-byte limit on all safelisted values together
// cannot be reached: five names of at most 128 bytes each.)
func UnsafeHeaderNames(h http.Header) []string {
	var unsafe []string
	for name, values := range h {
		if !IsSafelistedHeader(name, strings.Join(values, ", ")) {
			unsafe = append(unsafe, strings.ToLower(name))
		}
	}
	slices.Sort(unsafe)
	return slices.Compact(unsafe)
}

// isUnsafeByte reports whether r is a CORS-unsafe request-header byte: a
// control character other than tab, or one of "():<>?@[\]{} and DEL.
func isUnsafeByte(r rune) bool {
	return (r < 0x20 && r != '\t') || r == 0x7f || strings.ContainsRune(`"():<>?@[\]{}`, r)
}

// isNotLanguageByte reports whether r may not appear in a safelisted
// Accept-Language or Content-Language value.
func isNotLanguageByte(r rune) bool {
	return !('0' <= r && r <= '9' || 'A' <= r && r <= 'Z' || 'a' <= r && r <= 'z' ||
		strings.ContainsRune(" *,-.;=", r))
}

// isSafelistedContentType reports whether a Content-Type value is
// safelisted: no unsafe byte, and the essence of its MIME type one of the
// three a form can send.
func isSafelistedContentType(value string) bool {
	if strings.ContainsFunc(value, isUnsafeByte) {
		return false
	}
	essence, _, _ := strings.Cut(value, ";")
	switch strings.ToLower(strings.Trim(essence, " \t\r\n")) {
	case "application/x-www-form-urlencoded", "multipart/form-data", "text/plain":
		return true
	}
	return false
}

// isSimpleRange reports whether a Range value is one simple byte range,
// "bytes=first-" or "bytes=first-last" with first <= last.
func isSimpleRange(value string) bool {
	spec, ok := strings.CutPrefix(value, "bytes=")
	if !ok {
		return false
	}
	first, last, ok := strings.Cut(spec, "-")
	if !ok || !isDigits(first) || (last != "" && !isDigits(last)) {
		return false
	}
	return last == "" || compareDecimal(first, last) <= 0
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
}

// compareDecimal compares two runs of digits as numbers, whatever their
// length.
func compareDecimal(a, b string) int {
	a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}

// IsForbiddenMethod reports whether a page may not use method at all:
// CONNECT, TRACE and TRACK.
func IsForbiddenMethod(method string) bool {
	switch strings.ToUpper(method) {
	case "CONNECT", "TRACE", "TRACK":
		return true
	}
	return false
}

// IsForbiddenHeader reports whether a page's script may not set the
// request header name: the browser controls Cookie, Origin, Host, Proxy-*,
// Sec-* and the others of the Fetch standard's list.
func IsForbiddenHeader(name string) bool {
	n := strings.ToLower(name)
	switch n {
	case "accept-charset", "accept-encoding", "access-control-request-headers",
		"access-control-request-method", "connection", "content-length", "cookie",
		"cookie2", "date", "dnt", "expect", "host", "keep-alive", "origin", "referer",
		"set-cookie", "te", "trailer", "transfer-encoding", "upgrade", "via":
		return true
	}
	return strings.HasPrefix(n, "proxy-") || strings.HasPrefix(n, "sec-")
}
