package browser

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// A Warning is something that works in the browser today and may break
// later: in another browser, behind a cache, or once a deprecation ends.
type Warning struct {
	// ID is stable, for scripts: "vary-origin-missing", "max-age-capped",
	// "max-age-invalid", "authorization-wildcard", "private-network", ...
	ID string `json:"id"`
	// Message says what was seen and what to do, in one or two sentences.
	Message string `json:"message"`
}

// Warnings returns the warnings about the responses to r: preflight is nil
// when no preflight was sent, actual nil when the actual request was not
// sent.
func Warnings(r Request, preflight, actual *Response) []Warning {
	var ws []Warning
	if preflight != nil {
		ws = append(ws, preflightWarnings(r, *preflight)...)
	}
	if actual != nil {
		ws = append(ws, actualWarnings(*actual)...)
	}
	return ws
}

// preflightWarnings returns the warnings about a preflight response.
func preflightWarnings(r Request, res Response) []Warning {
	var ws []Warning
	if res.Header.Get("Access-Control-Max-Age") != "" {
		ws = append(ws, maxAgeWarnings(res.Header)...)
	}
	if authorizationByWildcard(r, res.Header) {
		ws = append(ws, Warning{"authorization-wildcard",
			"Access-Control-Allow-Headers: * covers Authorization only in today's Chromium and Firefox, with a deprecation warning; the Fetch standard excludes it: list Authorization by name."})
	}
	return append(ws, privateNetworkWarnings(res.Header)...)
}

// maxAgeWarnings returns the warnings about an Access-Control-Max-Age that
// browsers ignore or cap.
func maxAgeWarnings(h http.Header) []Warning {
	seconds, ok := maxAge(h)
	switch {
	case !ok:
		return []Warning{{"max-age-invalid",
			"Access-Control-Max-Age " + strconv.Quote(h.Get("Access-Control-Max-Age")) + " is not a number of seconds: browsers ignore it and cache the preflight for 5 s."}}
	case seconds > int64(ChromiumMaxAge.Seconds()):
		return []Warning{{"max-age-capped",
			"Access-Control-Max-Age " + strconv.FormatInt(seconds, 10) + " is above what browsers honour: Chromium caches a preflight for at most 7200 s, Firefox 86400 s."}}
	}
	return nil
}

// authorizationByWildcard reports whether the preflight let Authorization
// through only by Access-Control-Allow-Headers: *.
func authorizationByWildcard(r Request, h http.Header) bool {
	if !slices.Contains(UnsafeHeaderNames(r.Header), "authorization") {
		return false
	}
	allowed, _ := parseList(h.Values("Access-Control-Allow-Headers"))
	return slices.Contains(allowed, "*") && !slices.ContainsFunc(allowed, func(s string) bool {
		return strings.EqualFold(s, "authorization")
	})
}

// privateNetworkWarnings returns a warning when a response carries the
// Private Network Access fields.
func privateNetworkWarnings(h http.Header) []Warning {
	if h.Get("Access-Control-Allow-Private-Network") == "" {
		return nil
	}
	return []Warning{{"private-network",
		"Access-Control-Allow-Private-Network is answered, but Chrome put Private Network Access preflights on hold and replaced them with a user permission (Local Network Access, Chrome 141): the header is harmless and no longer enough."}}
}

// actualWarnings returns the warnings about an actual response.
func actualWarnings(res Response) []Warning {
	ws := privateNetworkWarnings(res.Header)
	allow := res.Header.Get("Access-Control-Allow-Origin")
	if allow != "" && allow != "*" && !varies(res.Header, "Origin") {
		ws = append(ws, Warning{"vary-origin-missing",
			"Access-Control-Allow-Origin names the request's origin but the response has no Vary: Origin: a shared cache or CDN can serve it to another origin, or a copy without it to this one. Add Vary: Origin to every response whose CORS fields depend on Origin."})
	}
	return ws
}

// varies reports whether the Vary fields of h name the field name, or *.
func varies(h http.Header, name string) bool {
	for _, v := range h.Values("Vary") {
		for item := range strings.SplitSeq(v, ",") {
			item = strings.TrimSpace(item)
			if item == "*" || strings.EqualFold(item, name) {
				return true
			}
		}
	}
	return false
}
