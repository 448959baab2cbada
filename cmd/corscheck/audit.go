package main

import (
	"context"
	"net/http"
	"slices"
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
