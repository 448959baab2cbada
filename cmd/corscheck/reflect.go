package main

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/corskit/corskit/cmd/corscheck/browser"
)

// The made-up method and header of the reflection probe: no policy lists
// them, so a preflight response that allows them reflects what it is asked.
const (
	probeMethod = "CORSCHECKPROBE"
	probeHeader = "x-corscheck-probe"
)

// reflection sends a preflight from origin asking for the probe method and
// header, and reports which of them a response that allows credentials
// for origin lets through.
func reflection(ctx context.Context, rt http.RoundTripper, url, origin string) (ex browser.Exchange, methods, headers bool, err error) {
	r := browser.Request{Method: probeMethod, URL: url, Origin: origin, Credentials: true,
		Header: http.Header{probeHeader: {"1"}}}
	ex, err = browser.Send(ctx, rt, "probe", http.MethodOptions, url, r.PreflightHeader())
	if err != nil || browser.CheckAccess(r, ex.Response) != nil {
		return ex, false, false, err
	}
	return ex, listed(ex.Response.Header, "Access-Control-Allow-Methods", probeMethod, false),
		listed(ex.Response.Header, "Access-Control-Allow-Headers", probeHeader, true), nil
}

// listed reports whether the list field name of h holds item.
func listed(h http.Header, name, item string, fold bool) bool {
	for _, v := range h.Values(name) {
		if slices.ContainsFunc(strings.Split(v, ","), func(s string) bool {
			s = strings.TrimSpace(s)
			return s == item || (fold && strings.EqualFold(s, item))
		}) {
			return true
		}
	}
	return false
}

// reflectionWarnings probes for reflection and returns the probe and a
// warning for each of methods and headers reflected with credentials.
func reflectionWarnings(ctx context.Context, rt http.RoundTripper, url, origin string) (browser.Exchange, []browser.Warning, error) {
	ex, methods, headers, err := reflection(ctx, rt, url, origin)
	var ws []browser.Warning
	if methods {
		ws = append(ws, browser.Warning{ID: "reflects-methods",
			Message: "The preflight allowed the made-up method " + probeMethod + " with credentials: the server reflects Access-Control-Request-Method. List the methods you serve."})
	}
	if headers {
		ws = append(ws, browser.Warning{ID: "reflects-headers",
			Message: "The preflight allowed the made-up header " + probeHeader + " with credentials: the server reflects Access-Control-Request-Headers. List the headers you accept."})
	}
	return ex, ws, err
}
