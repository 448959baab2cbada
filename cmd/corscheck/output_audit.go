package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// writeAudit writes the audit's report for a reader: the verdict, a table
// of the findings, then each finding with the request that showed it and
// the fix.
func writeAudit(w io.Writer, rep *auditReport, color bool) {
	trusted := "no trusted origin given: -origin adds the look-alike probes"
	if rep.Trusted != "" {
		trusted = "trusted origin " + rep.Trusted
	}
	fmt.Fprintf(w, "audit of %s (%s): %s\n", rep.URL, trusted, count(len(rep.Requests), "request"))
	fmt.Fprintf(w, "verdict: %s\n", auditVerdict(rep, color))
	if len(rep.Findings) == 0 {
		return
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SEVERITY\tID\tORIGIN SENT")
	for _, f := range rep.Findings {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", f.Severity, f.ID, originSent(f.Request))
	}
	tw.Flush()
	for _, f := range rep.Findings {
		writeFinding(w, f, color)
	}
}

// auditVerdict says whether the audit passed, and why not.
func auditVerdict(rep *auditReport, color bool) string {
	n := 0
	for _, f := range rep.Findings {
		if serious(f.Severity) {
			n++
		}
	}
	if len(rep.Findings) == 0 {
		return paint(color, green, "pass") + ": no finding"
	}
	if rep.Verdict == verdictPass {
		return paint(color, green, "pass") + ": no finding of high severity or worse (" + count(len(rep.Findings), "finding") + " in all)"
	}
	return paint(color, red, "fail") + fmt.Sprintf(": %d of %s of high severity or worse", n, count(len(rep.Findings), "finding"))
}

// writeFinding writes one finding in full.
func writeFinding(w io.Writer, f finding, color bool) {
	c := yellow
	if serious(f.Severity) {
		c = red
	}
	fmt.Fprintf(w, "\n%s %s: %s\n", paint(color, c, f.Severity), paint(color, bold, f.ID), f.Title)
	sent := fieldLines(f.Request.Headers, func(n string) bool { return !skipped(n) })
	if len(sent) == 0 {
		sent = []string{"(no Origin)"}
	}
	fmt.Fprintf(w, "  request   %s %s  %s\n", f.Request.Method, f.Request.URL, strings.Join(sent, "; "))
	got := append([]string{statusLine(f.Response.Status)}, fieldLines(f.Response.Header, deciding)...)
	fmt.Fprintf(w, "  received  %s\n", strings.Join(got, "; "))
	fmt.Fprintf(w, "  fix       %s\n", f.Fix)
}

// originSent returns the Origin a probe sent, or "(none)".
func originSent(r sentRequest) string {
	if o := r.Headers.Get("Origin"); o != "" {
		return o
	}
	return "(none)"
}

// count returns "n things", or "1 thing".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
