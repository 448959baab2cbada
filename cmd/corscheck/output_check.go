package main

import (
	"fmt"
	"io"
	"strconv"

	"github.com/corskit/corskit/cmd/corscheck/browser"
)

// writeCheck writes the check's report for a reader: the verdict, each
// request with the fields that decided it, Chromium's message and the fix,
// and the warnings.
func writeCheck(w io.Writer, rep *checkReport, color bool) {
	writeVerdict(w, rep, color)
	for i, req := range rep.Requests {
		fmt.Fprintln(w)
		writeExchange(w, req, rep.Responses[i], color)
	}
	if rep.Failure != nil {
		fmt.Fprintln(w)
		fmt.Fprintln(w, paint(color, bold, "Chromium's console:"))
		fmt.Fprintln(w, "  "+rep.Message)
		fmt.Fprintln(w, paint(color, bold, "fix:")+" "+rep.Fix)
	}
	writeWarnings(w, rep.Warnings, color)
}

// writeVerdict writes the request line and the verdict.
func writeVerdict(w io.Writer, rep *checkReport, color bool) {
	r := rep.Request
	with := ""
	if r.Credentials {
		with = ", with credentials"
	}
	fmt.Fprintf(w, "%s %s from %s%s\n", r.Method, r.URL, r.Origin, with)
	switch rep.Verdict {
	case verdictReadable:
		fmt.Fprintf(w, "verdict: %s: the browser lets the page read the response (%s)%s\n",
			paint(color, green, "readable"), statusLine(actualStatus(rep)), cacheNote(rep))
	default:
		f := rep.Failure
		fmt.Fprintf(w, "verdict: %s: the browser refuses %s (%s)\n", paint(color, red, "blocked"), stage(f), f.Kind)
	}
}

// actualStatus returns the status of the actual response.
func actualStatus(rep *checkReport) int {
	for i, req := range rep.Requests {
		if req.Step == "actual" {
			return rep.Responses[i].Status
		}
	}
	return 0
}

// stage names where the browser refused.
func stage(f *browser.Failure) string {
	if f.Preflight() {
		return "at the preflight; the actual request is never sent"
	}
	return "the actual response"
}

// cacheNote says how long the preflight is cached, when there was one.
func cacheNote(rep *checkReport) string {
	if rep.PreflightCacheSeconds == nil {
		return ""
	}
	return "; the preflight is cached " + strconv.FormatInt(*rep.PreflightCacheSeconds, 10) + " s"
}

// writeExchange writes one request and its response, with their deciding
// fields.
func writeExchange(w io.Writer, req sentRequest, res browser.Response, color bool) {
	note := ""
	if req.Step == "probe" {
		note = " (corscheck's own, not the browser's: does the server reflect any method or header?)"
	}
	fmt.Fprintf(w, "%s %s %s%s\n", paint(color, bold, req.Step), req.Method, req.URL, note)
	writeBlock(w, "  sent      ", fieldLines(req.Headers, func(n string) bool { return !skipped(n) }))
	writeBlock(w, "  received  ", append([]string{statusLine(res.Status)}, fieldLines(res.Header, deciding)...))
}

// statusLine returns the status code and its text.
func statusLine(status int) string {
	return strconv.Itoa(status) + " " + httpStatusText(status)
}

// writeWarnings writes the warnings, if any.
func writeWarnings(w io.Writer, ws []browser.Warning, color bool) {
	if len(ws) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, paint(color, yellow, "warnings:"))
	for _, x := range ws {
		fmt.Fprintf(w, "  %s: %s\n", x.ID, x.Message)
	}
}
