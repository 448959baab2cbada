// Command corscheck shows what a browser does with a cross-origin request
// to any endpoint, corskit or not, and audits an endpoint's CORS policy as
// an attacker would.
//
//	corscheck -origin https://app.example.com [-method PUT] [-H 'Content-Type: application/json']...
//	          [-credentials] [-cookie 'sid=1'] [-json] [-timeout 10s] URL
//	corscheck audit [-origin TRUSTED] [-json] [-timeout 10s] URL
//
// The first form sends the preflight when the browser would, checks it as
// the browser does, sends the actual request and checks its response, then
// prints the verdict, each request with the fields that decided it and, on
// failure, the message Chromium prints to its console and the fix. It warns
// about what works today and breaks later: a response that varies on
// Origin without Vary: Origin, a Max-Age above what browsers honour,
// methods or headers reflected with credentials, Private Network fields.
// Its exit status is 0 when the browser would let the page read the
// response, 1 when it would not, 2 for a usage or network error.
//
// The audit sends requests from origins an attacker controls (any origin,
// null, and look-alikes of TRUSTED: a suffix, a prefix, an unescaped dot,
// http:// instead of https://, any subdomain) and preflights asking for
// made-up methods and headers, and reports each finding with a stable id,
// a severity, the request that showed it and the fix. Its exit status is 1
// when a finding of high severity or worse exists, 0 otherwise, 2 for a
// usage or network error.
//
// With -json, either form prints one JSON object; its fields are
// documented on the checkReport and auditReport types of this command's
// source and in the README.
package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"os/signal"
)

// Exit statuses.
const (
	exitReadable = 0 // the browser lets the page read the response; no serious finding
	exitBlocked  = 1 // the browser refuses; or a finding of high severity or worse
	exitError    = 2 // a usage or network error
)

// env is what a run reads and writes besides its arguments.
type env struct {
	stdout, stderr io.Writer
	color          bool              // stdout is a terminal
	transport      http.RoundTripper // sends every request; never follows redirects
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	e := env{stdout: os.Stdout, stderr: os.Stderr, color: colorful(os.Stdout), transport: newTransport()}
	os.Exit(run(ctx, os.Args[1:], e))
}

// run runs the command line args and returns the exit status.
func run(ctx context.Context, args []string, e env) int {
	if len(args) > 0 && args[0] == "audit" {
		return runAudit(ctx, args[1:], e)
	}
	return runCheck(ctx, args, e)
}

// newTransport returns the transport corscheck sends its requests with:
// net/http's default, with no shared connection pool between runs, no
// proxy from the environment, and no compression negotiated.
func newTransport() http.RoundTripper {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DisableCompression = true
	return t
}

// colorful reports whether f is a terminal that wants colour.
func colorful(f *os.File) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
