package e2e

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// refusedBody is what Config.CrossOriginProtection answers, with 403, to a
// request it refuses.
const refusedBody = "Cross-origin request refused\n"

// A foreignPage is a page of an origin the policy does not allow, with the
// Sec-Fetch-Site that Chromium sends from it to the API.
type foreignPage struct {
	name   string
	origin string
	site   string // Sec-Fetch-Site of its requests to the API
}

// foreign returns the foreign pages: the disallowed origin under two names.
// The API is http://localhost:PORT. A site is a scheme and a registrable
// domain, ports aside, so http://localhost:B is same-site with the API
// although cross-origin: Chromium sends Sec-Fetch-Site: same-site, and the
// SameSite=Lax cookie goes with its form POST and its no-cors fetch. The
// protection must refuse it all the same (a sibling on the same host is
// not a trusted origin). http://127.0.0.1:B is another site: Chromium
// sends Sec-Fetch-Site: cross-site, and no cookie. The allowed page,
// http://localhost:A, sends same-site, like localhost:B.
func (p pages) foreign() []foreignPage {
	return []foreignPage{
		{"same-site", p.disallowed, "same-site"},
		{"cross-site", strings.Replace(p.disallowed, "//localhost:", "//127.0.0.1:", 1), "cross-site"},
	}
}

// forgedPost is the no-cors fetch a foreign page can send, with the user's
// cookies, without any CORS permission: the browser sends it and only
// hides the response.
var forgedPost = fetchOptions{Method: "POST", Mode: "no-cors", Credentials: "include", Body: "x"}

// crossOriginProtection (issue 25): with Config.CrossOriginProtection, a
// form POST or a no-cors fetch POST from a page the policy does not allow
// never reaches the application handler and gets 403; the allowed page's
// credentialed fetch POST still works. With the protection off (the
// control) the same form POST does run the handler: CORS alone never stops
// a request.
func crossOriginProtection(t *testing.T, e *env) {
	cfg := e.pages.policy()
	cfg.AllowCredentials = true
	off := e.startAPI(t, cfg)
	cfg.CrossOriginProtection = true
	on := e.startAPI(t, cfg)
	signIn(t, e, on, "csrf") // cookies ignore ports: one sign-in serves both APIs
	for _, f := range e.pages.foreign() {
		t.Run("form-post-refused-"+f.name, func(t *testing.T) {
			id := caseID(t)
			doc := e.page(t, f.origin).submitForm(on.url("/api/echo", id))
			if doc.status != http.StatusForbidden || doc.body != refusedBody {
				t.Errorf("want the tab to show 403 %q; got %d %q", refusedBody, doc.status, doc.body)
			}
			wantForged(t, on.wantServer(t, id, "POST"), f)
			on.wantHandlerRuns(t, id, 0)
		})
		t.Run("no-cors-post-refused-"+f.name, func(t *testing.T) {
			id := caseID(t)
			v := e.page(t, f.origin).fetch(on.url("/api/echo", id), forgedPost)
			if !v.OK || v.Type != "opaque" || v.net.status != http.StatusForbidden {
				t.Errorf("want an opaque response, 403 in DevTools; got %v, DevTools status %d", v, v.net.status)
			}
			wantForged(t, on.wantServer(t, id, "POST"), f)
			on.wantHandlerRuns(t, id, 0)
		})
		t.Run("off-form-post-runs-handler-"+f.name, func(t *testing.T) {
			id := caseID(t)
			doc := e.page(t, f.origin).submitForm(off.url("/api/echo", id))
			if doc.status != http.StatusOK || !strings.Contains(doc.body, `"body":"note=forged"`) {
				t.Errorf("want the tab to show the handler's echo of the form; got %d %q", doc.status, doc.body)
			}
			wantForged(t, off.wantServer(t, id, "POST"), f)
			off.wantHandlerRuns(t, id, 1)
		})
	}
	t.Run("allowed-origin-credentialed-post", func(t *testing.T) {
		id := caseID(t)
		opts := fetchOptions{Method: "POST", Credentials: "include", Body: "x"}
		v := e.page(t, e.pages.allowed).fetch(on.url("/api/echo", id), opts)
		v.wantReadable(t, 200)
		want := echoed{Method: "POST", Body: "x", Cookie: "sid=csrf"}
		inBrowser := e.inBrowser(t, "the sign-in cookie and Sec-Fetch-Site")
		if !inBrowser {
			want.Cookie = "" // the model holds no cookies
		}
		if got := v.echo(t); got != want {
			t.Errorf("want the handler's echo of the POST with cookie %q; got %+v", want.Cookie, got)
		}
		reqs := on.wantServer(t, id, "POST")
		wantOrigin(t, reqs, e.pages.allowed)
		if inBrowser && len(reqs) == 1 && reqs[0].SecFetchSite != "same-site" {
			t.Errorf("want Sec-Fetch-Site: same-site from the allowed page; %s", history(reqs))
		}
		on.wantHandlerRuns(t, id, 1)
	})
}

// signIn has a set the cookie sid=value (SameSite=Lax, for the whole host
// "localhost") in a top-level navigation, as a user signing in would.
func signIn(t *testing.T, e *env, a *api, value string) {
	t.Helper()
	e.page(t, e.pages.allowed).navigate(a.url("/api/cookie", caseID(t)+"-sign-in") + "&name=sid&value=" + value)
}

// wantForged checks that reqs is the one request of a foreign page f,
// with its Origin and Sec-Fetch-Site, and the user's cookie when f is
// same-site.
func wantForged(t *testing.T, reqs []seen, f foreignPage) {
	t.Helper()
	wantOrigin(t, reqs, f.origin)
	for _, s := range reqs {
		if s.SecFetchSite != f.site || (f.site == "same-site") != (s.Cookie != "") {
			t.Errorf("want Sec-Fetch-Site: %s, with the cookie only if same-site; %s", f.site, history(reqs))
		}
	}
}

// wantHandlerRuns checks that the application handler ran n times for the
// case id.
func (a *api) wantHandlerRuns(t *testing.T, id string, n int) {
	t.Helper()
	if got := a.handled.requests(id); len(got) != n {
		t.Errorf("want the application handler to run %d time(s), it ran %d: %s", n, len(got), history(got))
	}
}

// document is what the tab shows after a navigation: the status of its
// response and its text.
type document struct {
	status int64
	body   string
}

// submitForm submits, from the page, an HTML form by POST to url, with one
// field, note=forged (application/x-www-form-urlencoded, the default
// encoding), and returns the document the submission loaded in the tab.
func (p *page) submitForm(url string) document {
	p.t.Helper()
	if p.tab == nil {
		p.t.Skipf("browser model: a form submission %s", needsBrowser)
	}
	ctx, cancel := context.WithTimeout(p.tab.ctx, actionTimeout)
	defer cancel()
	submit := `(() => {
	const f = document.createElement("form");
	f.method = "POST";
	f.action = ` + jsonString(url) + `;
	const note = document.createElement("input");
	note.name = "note";
	note.value = "forged";
	f.append(note);
	document.body.append(f);
	f.submit();
})()`
	res, err := chromedp.RunResponse(ctx, chromedp.Evaluate[chromedp.Void](submit))
	if err != nil {
		p.t.Fatalf("submitting a form to %s: %v", url, err)
	}
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		p.t.Fatalf("reading the document of the form's response from %s: %v", url, err)
	}
	return document{status: res.Status, body: text}
}
