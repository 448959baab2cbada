package main

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/corskit/corskit/cmd/corscheck/browser"
)

// auditSynopsis is the audit's usage line.
const auditSynopsis = "corscheck audit [-origin TRUSTED] [-json] [-timeout D] URL"

// attacker is the origin of a site the attacker controls.
const attacker = "https://attacker.example"

// Verdicts of an audit.
const (
	verdictPass = "pass" // no finding of high severity or worse
	verdictFail = "fail" // at least one
)

// auditReport is the object corscheck audit -json prints.
type auditReport struct {
	URL string `json:"url"`
	// Trusted is the -origin flag: the origin the policy should allow.
	Trusted string `json:"trusted,omitempty"`
	// Verdict is "pass", "fail" (a finding of high severity or worse) or
	// "error".
	Verdict string `json:"verdict"`
	// Findings lists the findings, the worst first; never null.
	Findings []finding `json:"findings"`
	// Requests lists every probe sent, and Responses the response to each,
	// at the same index.
	Requests  []sentRequest      `json:"requests"`
	Responses []browser.Response `json:"responses"`
	// Error says why a probe could not be completed (verdict "error").
	Error string `json:"error,omitempty"`
}

// auditor sends the probes of one audit and collects its report.
type auditor struct {
	rt      http.RoundTripper
	url     string
	trusted string
	rep     *auditReport
}

// runAudit runs the audit and returns the exit status.
func runAudit(ctx context.Context, args []string, e env) int {
	fs := newFlagSet("corscheck audit", auditSynopsis, e.stderr)
	trusted := fs.String("origin", "", "the trusted `origin` the policy should allow, such as https://app.example.com")
	asJSON := fs.Bool("json", false, "print one JSON object")
	timeout := timeoutFlag(fs)
	u, err := parse(fs, args)
	if err == nil && *trusted != "" {
		if err = checkOrigin(*trusted); err != nil {
			usageError(fs, "%v", err)
		}
	}
	if err != nil {
		return usageStatus(err)
	}
	rep, err := audit(ctx, e.transport, u, *trusted, *timeout)
	return reportAudit(e, *asJSON, rep, err)
}

// reportAudit prints the audit's report and returns the exit status.
func reportAudit(e env, asJSON bool, rep *auditReport, err error) int {
	switch {
	case err != nil && asJSON:
		rep.Verdict, rep.Error = verdictError, err.Error()
		writeJSON(e.stdout, rep)
	case err != nil:
		printError(e, false, nil, err)
	case asJSON:
		writeJSON(e.stdout, rep)
	default:
		writeAudit(e.stdout, rep, e.color)
	}
	if err != nil {
		return exitError
	}
	if rep.Verdict == verdictFail {
		return exitBlocked
	}
	return exitReadable
}

// audit probes url as an attacker would, each request within timeout.
func audit(ctx context.Context, rt http.RoundTripper, u, trusted string, timeout time.Duration) (*auditReport, error) {
	a := &auditor{rt: rt, url: u, trusted: trusted, rep: &auditReport{URL: u, Trusted: trusted,
		Findings: []finding{}, Requests: []sentRequest{}, Responses: []browser.Response{}}}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := a.probe(ctx); err != nil {
		return a.rep, explain(err, timeout)
	}
	slices.SortStableFunc(a.rep.Findings, func(x, y finding) int { return rank(x.Severity) - rank(y.Severity) })
	a.rep.Verdict = verdictPass
	if len(a.rep.Findings) > 0 && serious(a.rep.Findings[0].Severity) {
		a.rep.Verdict = verdictFail
	}
	return a.rep, nil
}

// probe sends every probe and records the findings.
func (a *auditor) probe(ctx context.Context) error {
	reflected, err := a.origins(ctx)
	if err != nil {
		return err
	}
	allowed := a.trusted
	if reflected {
		allowed = attacker
	}
	if err := a.vary(ctx, allowed); err != nil {
		return err
	}
	if err := a.reflection(ctx, allowed); err != nil {
		return err
	}
	if reflected {
		return nil
	}
	return a.rejectedPreflight(ctx)
}

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

// get sends an actual GET from origin ("" for none), as a browser would
// without credentials, and records it.
func (a *auditor) get(ctx context.Context, origin string) (browser.Exchange, error) {
	h := http.Header{"Sec-Fetch-Mode": {"cors"}}
	if origin != "" {
		h.Set("Origin", origin)
	}
	return a.send(ctx, http.MethodGet, h)
}

// send sends one probe and records it.
func (a *auditor) send(ctx context.Context, method string, h http.Header) (browser.Exchange, error) {
	ex, err := browser.Send(ctx, a.rt, "probe", method, a.url, h)
	if err == nil {
		a.rep.Requests = append(a.rep.Requests, sentRequest{ex.Step, ex.Method, ex.URL, ex.Header})
		a.rep.Responses = append(a.rep.Responses, ex.Response)
	}
	return ex, err
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
