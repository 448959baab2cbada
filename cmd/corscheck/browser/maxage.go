package browser

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// DefaultPreflightLifetime is how long a browser caches a preflight whose
// response has no valid Access-Control-Max-Age, and ChromiumMaxAge the
// longest Chromium caches one, whatever the response says (Firefox: 24 h).
const (
	DefaultPreflightLifetime = 5 * time.Second
	ChromiumMaxAge           = 7200 * time.Second
)

// PreflightLifetime returns how long Chromium caches a successful preflight
// whose response has the header fields h: Access-Control-Max-Age seconds,
// at most [ChromiumMaxAge]; [DefaultPreflightLifetime] when the field is
// absent or not a non-negative integer; 0 (no caching) for "0".
func PreflightLifetime(h http.Header) time.Duration {
	seconds, ok := maxAge(h)
	if !ok {
		return DefaultPreflightLifetime
	}
	return min(time.Duration(seconds)*time.Second, ChromiumMaxAge)
}

// maxAge returns the Access-Control-Max-Age of h in seconds, capped to a
// day beyond any browser's limit, and whether it is present and valid.
func maxAge(h http.Header) (int64, bool) {
	v := strings.Join(h.Values("Access-Control-Max-Age"), ", ")
	if !isDigits(v) {
		return 0, false
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n > 1<<31 {
		n = 1 << 31 // a huge value: longer than every cap
	}
	return n, true
}
