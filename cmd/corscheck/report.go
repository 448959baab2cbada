package main

import (
	"net/http"

	"github.com/corskit/corskit/cmd/corscheck/browser"
)

// Verdicts of a check.
const (
	verdictReadable = "readable" // the browser lets the page read the response
	verdictBlocked  = "blocked"  // it does not
	verdictError    = "error"    // a request could not be completed
)

// checkReport is the object corscheck -json prints.
type checkReport struct {
	// Verdict is "readable", "blocked" or "error".
	Verdict string `json:"verdict"`
	// Request is what the page's script asked for.
	Request pageRequest `json:"request"`
	// Requests lists what was sent, in order: the preflight when one was
	// needed, the actual request when the preflight passed, and with
	// -credentials the reflection probe (step "probe").
	Requests []sentRequest `json:"requests"`
	// Responses lists the response to each of Requests, at the same index.
	Responses []browser.Response `json:"responses"`
	// Failure says why the browser refuses: kind (DevTools'
	// corsErrorStatus) and value; null when readable.
	Failure *browser.Failure `json:"failure"`
	// Message is what Chromium prints to the console, and Fix what to
	// change, in one sentence; both empty when readable.
	Message string `json:"message,omitempty"`
	Fix     string `json:"fix,omitempty"`
	// PreflightCacheSeconds is how long Chromium caches the preflight;
	// absent when there was none.
	PreflightCacheSeconds *int64 `json:"preflightCacheSeconds,omitempty"`
	// Warnings lists what works today and may break later; never null.
	Warnings []browser.Warning `json:"warnings"`
	// Error says why a request could not be completed (verdict "error").
	Error string `json:"error,omitempty"`
}

// pageRequest is the request as the page's script makes it.
type pageRequest struct {
	URL         string      `json:"url"`
	Origin      string      `json:"origin"`
	Method      string      `json:"method"`
	Headers     http.Header `json:"headers"`
	Credentials bool        `json:"credentials"`
	// Preflight says whether the browser sends a preflight first.
	Preflight bool `json:"preflight"`
}

// sentRequest is one request corscheck sent.
type sentRequest struct {
	Step    string      `json:"step"` // "preflight", "actual" or "probe"
	Method  string      `json:"method"`
	URL     string      `json:"url"`
	Headers http.Header `json:"headers"`
}

// newCheckReport returns the report of the result res of r.
func newCheckReport(r browser.Request, res *browser.Result) *checkReport {
	rep := &checkReport{
		Verdict: verdictReadable,
		Request: pageRequest{URL: r.URL, Origin: r.Origin, Method: r.NormalizedMethod(), Headers: r.Header,
			Credentials: r.Credentials, Preflight: r.NeedsPreflight()},
		Requests: []sentRequest{}, Responses: []browser.Response{}, Warnings: []browser.Warning{},
	}
	for _, ex := range res.Exchanges {
		rep.add(ex, nil)
	}
	rep.Warnings = append(rep.Warnings, res.Warnings...)
	f := res.Failure
	if f != nil {
		rep.Verdict, rep.Failure, rep.Message, rep.Fix = verdictBlocked, f, f.Message(r), f.Fix(r)
	}
	if rep.Request.Preflight && len(res.Exchanges) > 0 && (f == nil || !f.Preflight()) {
		s := int64(res.PreflightLifetime.Seconds())
		rep.PreflightCacheSeconds = &s
	}
	return rep
}

// add adds one exchange and its warnings to the report.
func (rep *checkReport) add(ex browser.Exchange, ws []browser.Warning) {
	if ex.Step != "" {
		rep.Requests = append(rep.Requests, sentRequest{ex.Step, ex.Method, ex.URL, ex.Header})
		rep.Responses = append(rep.Responses, ex.Response)
	}
	rep.Warnings = append(rep.Warnings, ws...)
}
