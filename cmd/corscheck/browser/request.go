package browser

import (
	"net/http"
	"strings"
)

// A Request is a cross-origin request as a page's script makes it with
// fetch(URL, {method, headers, credentials}).
type Request struct {
	// Method is the method the script asked for; empty means GET. The
	// browser upper-cases DELETE, GET, HEAD, OPTIONS, POST and PUT, and
	// leaves every other method as written ("patch" stays "patch").
	Method string
	// URL is the absolute URL fetched.
	URL string
	// Origin is the serialized origin of the page: "https://app.example.com",
	// or "null" for an opaque origin (a sandboxed iframe, a file: page).
	Origin string
	// Header holds the request headers the script sets.
	Header http.Header
	// Credentials is credentials: 'include': cookies go with the actual
	// request (never with the preflight), and the response must allow them.
	Credentials bool
	// Cookie is the Cookie header the browser holds for URL, sent with the
	// actual request when Credentials is set.
	Cookie string
}

// NormalizeMethod returns method as the browser sends it: DELETE, GET,
// HEAD, OPTIONS, POST and PUT upper-cased whatever their case, every other
// method unchanged. An empty method is GET.
func NormalizeMethod(method string) string {
	if method == "" {
		return http.MethodGet
	}
	for _, m := range []string{"DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"} {
		if strings.EqualFold(method, m) {
			return m
		}
	}
	return method
}

// NormalizedMethod returns the request's method as the browser sends it.
func (r Request) NormalizedMethod() string { return NormalizeMethod(r.Method) }

// NeedsPreflight reports whether the browser sends a CORS preflight before
// r: when its method is not CORS-safelisted (GET, HEAD, POST) or when it
// carries a header that is not CORS-safelisted.
func (r Request) NeedsPreflight() bool {
	return !IsSafelistedMethod(r.NormalizedMethod()) || len(UnsafeHeaderNames(r.Header)) > 0
}

// PreflightHeader returns the header fields of r's preflight: Origin,
// Access-Control-Request-Method, Access-Control-Request-Headers (the
// unsafe header names, omitted when there are none) and Accept: */*. A
// preflight never carries cookies or the script's own headers.
func (r Request) PreflightHeader() http.Header {
	h := http.Header{
		"Origin":                        {r.Origin},
		"Access-Control-Request-Method": {r.NormalizedMethod()},
		"Accept":                        {"*/*"},
		"Sec-Fetch-Mode":                {"cors"},
	}
	if names := UnsafeHeaderNames(r.Header); len(names) > 0 {
		h.Set("Access-Control-Request-Headers", strings.Join(names, ","))
	}
	return h
}

// ActualHeader returns the header fields of the actual request: the
// script's headers, Origin, and the Cookie when r includes credentials.
func (r Request) ActualHeader() http.Header {
	h := r.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Set("Origin", r.Origin)
	h.Set("Sec-Fetch-Mode", "cors")
	if r.Credentials && r.Cookie != "" {
		h.Set("Cookie", r.Cookie)
	}
	return h
}
