package main

import (
	"context"
	"net/http"
	"net/url"

	"github.com/corskit/corskit/cmd/corscheck/browser"
)

// origins probes with the attacker's origin, null and, when the
// attacker's origin is not reflected, the look-alikes of the trusted
// origin. It reports whether any origin is reflected.
func (a *auditor) origins(ctx context.Context) (reflected bool, err error) {
	ex, err := a.get(ctx, attacker)
	if err != nil {
		return false, err
	}
	reflected = a.accepted(ex, attacker, "origin-reflected")
	a.wildcard(ex)
	ex, err = a.get(ctx, "null")
	if err != nil {
		return false, err
	}
	a.accepted(ex, "null", "null-origin")
	if a.trusted == "" {
		return reflected, nil
	}
	if err := a.baseline(ctx); err != nil || reflected {
		return reflected, err
	}
	return false, a.lookAlikes(ctx)
}

// baseline checks that the trusted origin itself is allowed.
func (a *auditor) baseline(ctx context.Context) error {
	ex, err := a.get(ctx, a.trusted)
	if err != nil {
		return err
	}
	if acao := ex.Response.Header.Get("Access-Control-Allow-Origin"); acao != a.trusted && acao != "*" {
		a.add("trusted-refused", a.trusted, false, ex)
	}
	return nil
}

// lookAlikes probes with the look-alikes of the trusted origin.
func (a *auditor) lookAlikes(ctx context.Context) error {
	for _, p := range lookAlikes(a.trusted) {
		ex, err := a.get(ctx, p.origin)
		if err != nil {
			return err
		}
		if p.id == "origin-insecure-scheme" && !allowsCredentials(ex.Response.Header) {
			continue
		}
		a.accepted(ex, p.origin, p.id)
	}
	return nil
}

// accepted reports whether the response of ex reflects origin, and records
// the finding id if it does.
func (a *auditor) accepted(ex browser.Exchange, origin, id string) bool {
	if ex.Response.Header.Get("Access-Control-Allow-Origin") != origin {
		return false
	}
	a.add(id, origin, allowsCredentials(ex.Response.Header), ex)
	return true
}

// wildcard records the findings of Access-Control-Allow-Origin: *.
func (a *auditor) wildcard(ex browser.Exchange) {
	if ex.Response.Header.Get("Access-Control-Allow-Origin") != "*" {
		return
	}
	if allowsCredentials(ex.Response.Header) {
		a.add("wildcard-credentials", attacker, true, ex)
	} else {
		a.add("wildcard-origin", attacker, false, ex)
	}
}

// allowsCredentials reports whether h allows credentials.
func allowsCredentials(h http.Header) bool {
	return h.Get("Access-Control-Allow-Credentials") == "true"
}

// add records a finding shown by ex.
func (a *auditor) add(id, origin string, credentials bool, ex browser.Exchange) {
	severity, title, fix := findingText(id, origin, credentials)
	a.rep.Findings = append(a.rep.Findings, finding{ID: id, Severity: severity, Title: title, Fix: fix,
		Request: sentRequest{ex.Step, ex.Method, ex.URL, ex.Header}, Response: ex.Response})
}

// lookAlike is one look-alike origin and the finding it shows if allowed.
type lookAlike struct{ id, origin string }

// lookAlikes returns the look-alikes of trusted that an attacker could
// register or reach: a suffix, a prefix, each dot unescaped (at most
// three), any subdomain and, for https, the http variant.
func lookAlikes(trusted string) []lookAlike {
	u, err := url.Parse(trusted)
	if err != nil || u.Host == "" {
		return nil
	}
	host, port := u.Hostname(), u.Port()
	at := func(scheme, h string) string {
		if port != "" {
			h += ":" + port
		}
		return scheme + "://" + h
	}
	list := []lookAlike{
		{"origin-suffix", at(u.Scheme, host+".attacker.example")},
		{"origin-prefix", at(u.Scheme, "attacker"+host)},
	}
	for i, n := 0, 0; i < len(host) && n < 3; i++ {
		if host[i] == '.' {
			list = append(list, lookAlike{"origin-unescaped-dot", at(u.Scheme, host[:i]+"x"+host[i+1:])})
			n++
		}
	}
	list = append(list, lookAlike{"origin-any-subdomain", at(u.Scheme, "corscheck."+host)})
	if u.Scheme == "https" {
		list = append(list, lookAlike{"origin-insecure-scheme", at("http", host)})
	}
	return list
}
