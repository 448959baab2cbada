package e2e

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"github.com/corskit/corskit/cmd/corscheck/browser"
)

// agree runs the browser model of corscheck (package browser) on the fetch
// the page just made, against the same server, and checks that it reached
// Chromium's verdict v: readable or not, the same corsErrorStatus, and the
// same console message. It returns v. The model's requests carry another
// case id, so that the server's log of the case shows only Chromium's.
func (p *page) agree(url string, opts fetchOptions, origin string, v verdict) verdict {
	p.t.Helper()
	if opts.Mode == "no-cors" {
		return v // not a CORS request: nothing for the model to decide
	}
	r := modelRequest(url, opts, origin)
	model := r
	model.URL = strings.Replace(url, "?case=", "?case=model.", 1)
	ctx, cancel := context.WithTimeout(p.tab.ctx, actionTimeout)
	defer cancel()
	res, err := browser.Fetch(ctx, http.DefaultTransport, model)
	if err != nil {
		p.t.Errorf("the browser model could not fetch %s: %v", model.URL, err)
		return v
	}
	p.compare(r, res.Failure, v)
	return v
}

// modelRequest returns the request of the browser model for the page of
// origin calling fetch(url, opts).
func modelRequest(url string, opts fetchOptions, origin string) browser.Request {
	r := browser.Request{
		Method: opts.Method, URL: url, Origin: origin,
		Header: http.Header{}, Credentials: opts.Credentials == "include",
	}
	for name, value := range opts.Headers {
		r.Header.Set(name, value)
	}
	return r
}

// compare checks the model's failure (nil: readable) against Chromium's
// verdict v on the request r.
func (p *page) compare(r browser.Request, f *browser.Failure, v verdict) {
	p.t.Helper()
	chromium := v.OK && v.Type == "cors"
	if chromium != (f == nil) {
		p.t.Errorf("the browser model disagrees with Chromium: model %s; Chromium %v", describe(f), v)
		return
	}
	if f == nil {
		return
	}
	if string(f.Kind) != string(v.corsError()) {
		p.t.Errorf("the browser model's failure %s, Chromium's %v", describe(f), v)
		return
	}
	if f.Kind == browser.HeaderDisallowedByPreflightResponse && slices.Contains(f.Refused, v.net.corsErr.FailedParameter) {
		f.Value = v.net.corsErr.FailedParameter // Chromium names one of them, in an order of its own
	}
	want := f.Message(r)
	if got, ok := p.tab.rec.consoleLine("Access to fetch at '" + r.URL + "'"); !ok || got != want {
		p.t.Errorf("the browser model's console message\n\t%s\nChromium's\n\t%s", want, got)
	}
}

// describe renders the model's verdict for failure messages.
func describe(f *browser.Failure) string {
	if f == nil {
		return "readable"
	}
	return "blocked, " + string(f.Kind) + " (" + f.Value + ")"
}

// consoleLine returns the latest console error from JavaScript that
// starts with prefix. Chromium writes it before it reports the failed
// request, which the verdict has waited for.
func (r *recorder) consoleLine(prefix string) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	const source = "error [javascript]: "
	for i := len(r.messages) - 1; i >= 0; i-- {
		if text, ok := strings.CutPrefix(r.messages[i], source); ok && strings.HasPrefix(text, prefix) {
			return text, true
		}
	}
	return "", false
}
