package main

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/corskit/corskit/cmd/corscheck/browser"
)

// checkSynopsis is the first form's usage line.
const checkSynopsis = "corscheck -origin ORIGIN [-method M] [-H 'Name: value']... [-credentials] [-cookie C] [-json] [-timeout D] URL\n       corscheck audit -h   (the audit's usage)"

// checkOptions are the flags of the check.
type checkOptions struct {
	request browser.Request
	json    bool
	timeout time.Duration
}

// parseCheck parses the check's command line.
func parseCheck(args []string, e env) (checkOptions, error) {
	fs := newFlagSet("corscheck", checkSynopsis, e.stderr)
	var o checkOptions
	var headers headerFlags
	origin := fs.String("origin", "", "the `origin` of the page that fetches, such as https://app.example.com (required)")
	method := fs.String("method", "GET", "the request `method`, as the script writes it")
	fs.Var(&headers, "H", "a request `header` the script sets, 'Name: value' (repeatable)")
	credentials := fs.Bool("credentials", false, "fetch with credentials: 'include'")
	cookie := fs.String("cookie", "", "the `Cookie` the browser holds for URL, sent with -credentials")
	fs.BoolVar(&o.json, "json", false, "print one JSON object")
	timeout := timeoutFlag(fs)
	url, err := parse(fs, args)
	if err != nil {
		return o, err
	}
	if err := validateCheck(*origin, *method, *cookie, *credentials); err != nil {
		return o, usageError(fs, "%v", err)
	}
	o.request = browser.Request{Method: *method, URL: url, Origin: *origin, Header: parseHeaders(headers),
		Credentials: *credentials, Cookie: *cookie}
	o.timeout = *timeout
	return o, nil
}

// validateCheck checks the flags that depend on each other.
func validateCheck(origin, method, cookie string, credentials bool) error {
	switch {
	case origin == "":
		return errorString("-origin is required: the origin of the page that would fetch")
	case browser.IsForbiddenMethod(method):
		return errorString("a page cannot send " + method + ": browsers forbid it")
	case cookie != "" && !credentials:
		return errorString("-cookie needs -credentials: without it the browser sends no cookie")
	}
	return checkOrigin(origin)
}

// errorString is an error with a fixed message.
type errorString string

// Error implements error.
func (e errorString) Error() string { return string(e) }

// parseHeaders returns the -H flags as a header.
func parseHeaders(flags []string) http.Header {
	h := http.Header{}
	for _, f := range flags {
		name, value, _ := strings.Cut(f, ":")
		h.Add(strings.TrimSpace(name), strings.TrimSpace(value))
	}
	return h
}

// runCheck runs the check and returns the exit status.
func runCheck(ctx context.Context, args []string, e env) int {
	o, err := parseCheck(args, e)
	if err != nil {
		return usageStatus(err)
	}
	rep, err := check(ctx, e.transport, o)
	if err != nil {
		printError(e, o.json, rep, err)
		return exitError
	}
	if o.json {
		writeJSON(e.stdout, rep)
	} else {
		writeCheck(e.stdout, rep, e.color)
	}
	if rep.Verdict != verdictReadable {
		return exitBlocked
	}
	return exitReadable
}

// check does what the browser does for o's request, then, for a
// credentialed request that passed a preflight, probes whether the server
// reflects any method or header. It returns the report so far with an
// error.
func check(ctx context.Context, rt http.RoundTripper, o checkOptions) (*checkReport, error) {
	ctx, cancel := context.WithTimeout(ctx, o.timeout)
	defer cancel()
	res, err := browser.Fetch(ctx, rt, o.request)
	rep := newCheckReport(o.request, res)
	if err != nil {
		return rep, explain(err, o.timeout)
	}
	if o.request.Credentials && res.Failure == nil && o.request.NeedsPreflight() {
		ex, ws, err := reflectionWarnings(ctx, rt, o.request.URL, o.request.Origin)
		if err != nil {
			return rep, explain(err, o.timeout)
		}
		rep.add(ex, ws)
	}
	return rep, nil
}
