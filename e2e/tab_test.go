package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// actionTimeout bounds every browser action of a test.
const actionTimeout = 15 * time.Second

// eventWait is how long to wait for the DevTools events of a fetch after
// its promise has settled.
const eventWait = 3 * time.Second

// A tab is a browser tab whose DevTools events are recorded. The cases of
// one implementation share one tab, one after the other, each through a
// page.
type tab struct {
	ctx context.Context
	rec *recorder
}

// newTab opens a tab in the browser of browserCtx and closes it when t ends.
func newTab(t *testing.T, browserCtx context.Context) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browserCtx)
	t.Cleanup(cancel)
	rec := newRecorder()
	if err := chromedp.Listen(ctx, rec.handle); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	return &tab{ctx: ctx, rec: rec}
}

// A page is the tab as one test uses it. When the test fails, the console
// messages the browser wrote meanwhile (its "blocked by CORS policy" text,
// say) are printed in the test output. Without a tab, the browser model
// stands in for Chromium (model_run_test.go).
type page struct {
	t       *testing.T
	tab     *tab
	origin  string   // of the page open in the tab, for the browser model
	console []string // the browser model's console messages, without a tab
}

// page navigates the tab to the test page of origin for the test t.
func (tb *tab) page(t *testing.T, origin string) *page {
	t.Helper()
	mark := tb.rec.mark()
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("browser console during this test:\n\t%s", strings.Join(tb.rec.console(mark), "\n\t"))
		}
	})
	p := &page{t: t, tab: tb}
	p.open(origin)
	return p
}

// open navigates to the test page of origin.
func (p *page) open(origin string) {
	p.t.Helper()
	p.origin = origin
	if p.tab != nil {
		p.navigate(origin + "/")
	}
}

// navigate loads url as the tab's top-level document, as a user following a
// link would (it sends the cookies of url's site and stores the ones it sets).
func (p *page) navigate(url string) {
	p.t.Helper()
	if p.tab == nil {
		p.t.Logf("browser model: not navigating to %s: %s", url, needsBrowser)
		return
	}
	ctx, cancel := context.WithTimeout(p.tab.ctx, actionTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		p.t.Fatalf("navigating to %s: %v", url, err)
	}
}

// fetch runs fetch(url, opts) in the page and returns the browser's verdict.
func (p *page) fetch(url string, opts fetchOptions) verdict {
	p.t.Helper()
	if p.tab == nil {
		return p.modelFetch(url, opts, p.origin)
	}
	return p.agree(url, opts, p.origin, p.run(url, opts, probeCall(url, opts)))
}

// fetchSandboxed runs fetch(url, opts) in an iframe sandboxed with
// "allow-scripts" only, whose requests carry Origin: null, and returns the
// browser's verdict.
func (p *page) fetchSandboxed(url string, opts fetchOptions) verdict {
	p.t.Helper()
	if p.tab == nil {
		return p.modelFetch(url, opts, "null")
	}
	return p.agree(url, opts, "null", p.run(url, opts, sandboxedCall(url, opts)))
}

// run evaluates the script expr, which settles with a probe result for a
// fetch of url, and joins what DevTools reported about that fetch.
func (p *page) run(url string, opts fetchOptions, expr string) verdict {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.tab.ctx, actionTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[verdict](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		p.t.Fatalf("fetch %s %s: evaluating the probe: %v", opts.method(), url, err)
	}
	v.URL, v.Method = url, opts.method()
	v.net, v.reported = p.tab.rec.last(ctx, opts.method(), url, eventWait)
	return v
}

// jsonString returns v as a JavaScript literal.
func jsonString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // only fixed, encodable types reach here
	}
	return string(b)
}
