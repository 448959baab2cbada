package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/network"
)

// fetchOptions are the fetch() options a case uses; the JSON names are
// fetch's own. Read lists the response headers the page tries to read.
type fetchOptions struct {
	Method      string            `json:"method,omitempty"`
	Headers     map[string]string `json:"headers,omitempty"`
	Body        string            `json:"body,omitempty"`
	Credentials string            `json:"credentials,omitempty"`
	Mode        string            `json:"mode,omitempty"`
	Read        []string          `json:"-"`
}

// method returns the request method fetch will use.
func (o fetchOptions) method() string {
	if o.Method == "" {
		return "GET"
	}
	return o.Method
}

// probeJS is the page-side probe: it fetches, then reports whether the
// promise resolved, the status, the response type, the named headers as the
// page can read them (null when hidden) and the body. A rejection says only
// "TypeError: Failed to fetch"; the reason comes from DevTools.
const probeJS = `async function probe(url, opts, read) {
	const r = {ok: false, status: 0, type: "", headers: {}, body: "", error: ""};
	try {
		const res = await fetch(url, opts);
		r.ok = true;
		r.status = res.status;
		r.type = res.type;
		for (const name of read) r.headers[name] = res.headers.get(name);
		r.body = await res.text();
	} catch (e) {
		r.error = String(e);
	}
	return r;
}`

// probeArgs returns the probe's arguments as JavaScript source.
func probeArgs(url string, opts fetchOptions) string {
	read := opts.Read
	if read == nil {
		read = []string{}
	}
	return jsonString(url) + ", " + jsonString(opts) + ", " + jsonString(read)
}

// probeCall returns a script that runs the probe in the page.
func probeCall(url string, opts fetchOptions) string {
	return "(" + probeJS + ")(" + probeArgs(url, opts) + ")"
}

// sandboxedCall returns a script that runs the probe in a new iframe
// sandboxed with "allow-scripts" only (an opaque origin, so its requests
// carry Origin: null) and settles with the result the iframe posts back.
func sandboxedCall(url string, opts fetchOptions) string {
	doc := "<script>(" + probeJS + ")(" + probeArgs(url, opts) +
		").then(r => parent.postMessage(r, '*'));</script>"
	return `new Promise((resolve, reject) => {
	const f = document.createElement("iframe");
	f.sandbox = "allow-scripts";
	const timer = setTimeout(() => reject(new Error("no answer from the sandboxed iframe")), 10000);
	addEventListener("message", (e) => {
		if (e.source === f.contentWindow) { clearTimeout(timer); resolve(e.data); }
	});
	f.srcdoc = ` + jsonString(doc) + `;
	document.body.appendChild(f);
})`
}

// verdict is the browser's verdict on one fetch: what the page saw and what
// DevTools reported.
type verdict struct {
	OK      bool               `json:"ok"`      // the promise resolved
	Status  int                `json:"status"`  // response status, 0 when opaque
	Type    string             `json:"type"`    // "cors", "opaque", ...
	Headers map[string]*string `json:"headers"` // as the page can read them
	Body    string             `json:"body"`
	Error   string             `json:"error"` // the rejection

	URL, Method string     `json:"-"`
	net         netRequest // what DevTools reported
	reported    bool       // DevTools reported the request's end
}

// String summarizes the verdict for failure messages.
func (v verdict) String() string {
	s := fmt.Sprintf("fetch %s %s: ", v.Method, v.URL)
	if v.OK {
		s += fmt.Sprintf("resolved, status %d, type %q", v.Status, v.Type)
	} else {
		s += "rejected (" + v.Error + ")"
	}
	switch {
	case !v.reported:
		s += "; DevTools reported no end of this request"
	case v.net.corsErr != nil:
		s += fmt.Sprintf("; DevTools corsErrorStatus %s (failedParameter %q), errorText %q",
			v.net.corsErr.CorsError, v.net.corsErr.FailedParameter, v.net.errText)
	case v.net.errText != "":
		s += fmt.Sprintf("; DevTools errorText %q", v.net.errText)
	}
	return s
}

// corsError returns the DevTools corsErrorStatus of the fetch, or "".
func (v verdict) corsError() network.CorsError {
	if v.net.corsErr == nil {
		return ""
	}
	return v.net.corsErr.CorsError
}

// wantReadable checks that the page could read the response, with status.
func (v verdict) wantReadable(t *testing.T, status int) {
	t.Helper()
	if !v.OK || v.Type != "cors" || v.Status != status {
		t.Errorf("want a readable (type \"cors\") response with status %d; got %v", status, v)
	}
}

// wantBlocked checks that fetch rejected the response and that DevTools
// names reason as the CORS error.
func (v verdict) wantBlocked(t *testing.T, reason network.CorsError) {
	t.Helper()
	if v.OK || v.corsError() != reason {
		t.Errorf("want fetch rejected with corsErrorStatus %s; got %v", reason, v)
	}
}

// header returns the value of the response header name as the page read it,
// and whether the page could read it.
func (v verdict) header(name string) (string, bool) {
	p := v.Headers[name]
	if p == nil {
		return "", false
	}
	return *p, true
}
