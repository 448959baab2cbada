package main

import (
	"context"
	"net/http"
	"strings"

	"github.com/corskit/corskit/cmd/corscheck/browser"
)

// vary checks, when origin is allowed, that its response and the
// response to a request without Origin both vary on Origin.
func (a *auditor) vary(ctx context.Context, origin string) error {
	if origin == "" {
		return nil
	}
	for _, o := range []string{origin, ""} {
		ex, err := a.get(ctx, o)
		if err != nil {
			return err
		}
		if o == origin && ex.Response.Header.Get("Access-Control-Allow-Origin") != origin {
			return nil // the policy does not depend on Origin here
		}
		if !varies(ex.Response.Header) {
			a.add("vary-origin-missing", origin, false, ex)
			return nil
		}
	}
	return nil
}

// varies reports whether h has Vary: Origin (or Vary: *).
func varies(h http.Header) bool {
	for _, v := range h.Values("Vary") {
		for item := range strings.SplitSeq(v, ",") {
			if item = strings.TrimSpace(item); item == "*" || strings.EqualFold(item, "Origin") {
				return true
			}
		}
	}
	return false
}

// reflection probes, from an allowed origin, whether credentialed
// preflights reflect any method or header.
func (a *auditor) reflection(ctx context.Context, origin string) error {
	if origin == "" {
		return nil
	}
	ex, methods, headers, err := reflection(ctx, a.rt, a.url, origin)
	if err != nil {
		return err
	}
	a.rep.Requests = append(a.rep.Requests, sentRequest{ex.Step, ex.Method, ex.URL, ex.Header})
	a.rep.Responses = append(a.rep.Responses, ex.Response)
	if methods {
		a.add("preflight-reflects-method", origin, true, ex)
	}
	if headers {
		a.add("preflight-reflects-headers", origin, true, ex)
	}
	return nil
}

// rejectedPreflight sends the attacker's preflight for PUT and, when the
// server does not allow the attacker's origin, checks that the rejection
// carries no Access-Control-* field.
func (a *auditor) rejectedPreflight(ctx context.Context) error {
	r := browser.Request{Method: http.MethodPut, URL: a.url, Origin: attacker}
	ex, err := a.send(ctx, http.MethodOptions, r.PreflightHeader())
	if err != nil {
		return err
	}
	if acao := ex.Response.Header.Get("Access-Control-Allow-Origin"); acao == attacker || acao == "*" {
		return nil // not rejected: the origin findings say what is wrong
	}
	for name := range ex.Response.Header {
		if strings.HasPrefix(http.CanonicalHeaderKey(name), "Access-Control-") {
			a.add("rejected-preflight-fields", attacker, false, ex)
			return nil
		}
	}
	return nil
}
