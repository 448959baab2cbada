package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/corskit/corskit/examples/demo/demo"
	"github.com/gin-gonic/gin"
)

// defaultChromium is where Debian's chromium package puts the real browser
// binary; /usr/bin/chromium is a wrapper script that adds flags of its own.
const defaultChromium = "/usr/lib/chromium/chromium"

// chromiumEnv names the variable that points the test at another Chromium
// binary, as in the e2e suite.
const chromiumEnv = "CORSKIT_CHROMIUM"

// requireBrowserEnv names the variable that turns a missing browser into a
// failure, as CI=true does; .ci/run sets it.
const requireBrowserEnv = "CORSKIT_REQUIRE_BROWSER"

// screenshotEnv names the variable that, when set to a file name, makes
// TestDemoInChromium run the Gin demo on the default ports (8000, 3000,
// 3001) and save a screenshot of the allowed page there, after every button
// was pressed. docs/demo.png is made so:
//
//	CORSKIT_DEMO_SCREENSHOT=$PWD/docs/demo.png go test -run 'TestDemoInChromium/gin' ./examples/demo
const screenshotEnv = "CORSKIT_DEMO_SCREENSHOT"

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	os.Exit(m.Run())
}

// TestDemoInChromium runs the demo on every framework, loads both pages in
// headless Chromium, presses every button and checks what each card shows:
// the browser's verdict and corskit's decisions, and checks why the browser
// blocked what it blocked.
func TestDemoInChromium(t *testing.T) {
	ctx := startChromium(t)
	for _, fw := range demo.Frameworks() {
		t.Run(fw, func(t *testing.T) {
			shot := os.Getenv(screenshotEnv)
			if fw != "gin" {
				shot = ""
			}
			d := startDemo(t, fw, shot != "")
			tab, cancel := chromedp.NewContext(ctx)
			defer cancel()
			errs := listenCORSErrors(t, tab)
			missing := listenNotFound(t, tab)
			checkPage(t, tab, errs, d.AllowedURL(), allowedCards())
			if shot != "" {
				saveScreenshot(t, tab, shot)
			}
			clearCookies(t, tab)
			checkPage(t, tab, errs, d.DisallowedURL(), disallowedCards(d.DisallowedURL()))
			checkSessionCookie(t, tab)
			if got := missing.all(); len(got) > 0 {
				t.Errorf("the pages requested what does not exist (404), which the console shows: %q", got)
			}
		})
	}
}

// startChromium starts one headless Chromium for the test, or skips the test
// (fails it under CI) when the browser is not installed.
func startChromium(t *testing.T) context.Context {
	t.Helper()
	chromiumPath := os.Getenv(chromiumEnv)
	if chromiumPath == "" {
		chromiumPath = defaultChromium
	}
	if info, err := os.Stat(chromiumPath); err != nil || info.IsDir() || info.Mode()&0o111 == 0 {
		msg := "Chromium not found at " + chromiumPath + " (set " + chromiumEnv + " to use another binary): " +
			"the demo was NOT checked in a browser. Install it with: apt-get install -y chromium"
		if required(requireBrowserEnv) || required("CI") {
			t.Fatal(msg)
		}
		// go test ./... shows nothing of a passing package, not even its
		// standard error: make test says it before the tests run (see the
		// Makefile's browser target). Here the message is for go test -v
		// and for go test run in this directory, which shows standard error.
		fmt.Fprintln(os.Stderr, "WARNING: "+t.Name()+" SKIPPED: "+msg)
		t.Skip("SKIPPED: " + msg)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1200, 900),
		chromedp.Flag("headless", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("starting %s: %v", chromiumPath, err)
	}
	return browser
}

// startDemo starts the demo with the API on framework, on free ports or,
// for a screenshot, on the default ones.
func startDemo(t *testing.T, framework string, defaultPorts bool) *demo.Demo {
	t.Helper()
	o := demo.Options{Framework: framework, API: "0", Allowed: "0", Disallowed: "0"}
	if defaultPorts {
		o.API, o.Allowed, o.Disallowed = "8000", "3000", "3001"
	}
	d, err := demo.Start(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := d.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return d
}

// A card is what one case of the page must show once its button is pressed.
type card struct {
	ID string
	// Browser is "readable" or "blocked".
	Browser string
	// Detail is a part of the browser column's text.
	Detail string
	// Decisions are corskit's decisions, as "METHOD /path: summary".
	Decisions []string
	// CORSErrors are the reasons the browser gives, in its console, for the
	// fetches it blocked, as "METHOD /path: corsErrorStatus
	// [failedParameter]" (see [corsErrors]).
	CORSErrors []string
}

// shown is what a card of the page shows.
type shown struct {
	Browser   string   `json:"browser"`
	Detail    string   `json:"detail"`
	Decisions []string `json:"decisions"`
}

// allowedCards is what the page of the allowed origin shows. Only the
// header that the policy does not allow is blocked, and corskit's answer
// lets the browser name it.
func allowedCards() []card {
	return []card{
		{"get", "readable", `"message":"hello from`, []string{
			"GET /api/hello: actual request allowed"}, nil},
		{"post", "readable", `"created":{"name":"coffee"}`, []string{
			"OPTIONS /api/items: preflight allowed",
			"POST /api/items: actual request allowed"}, nil},
		{"put", "readable", `"updated":"42"`, []string{
			"OPTIONS /api/items/42: preflight allowed",
			"PUT /api/items/42: actual request allowed"}, nil},
		{"cred", "readable", `"user":"demo"`, []string{
			"POST /api/login: actual request allowed",
			"GET /api/me: actual request allowed"}, nil},
		{"badheader", "blocked", "TypeError", []string{
			`OPTIONS /api/hello: preflight rejected: request header not allowed: "x-debug"`},
			[]string{"GET /api/hello: HeaderDisallowedByPreflightResponse x-debug"}},
	}
}

// disallowedCards is what the page of the origin the policy refuses shows:
// everything blocked, for want of Access-Control-Allow-Origin.
func disallowedCards(origin string) []card {
	actual := `: actual request rejected: origin not allowed: "` + origin + `"`
	preflight := `: preflight rejected: origin not allowed: "` + origin + `"`
	noOrigin := ": MissingAllowOriginHeader"
	noOriginPreflight := ": PreflightMissingAllowOriginHeader"
	return []card{
		{"get", "blocked", "TypeError", []string{"GET /api/hello" + actual},
			[]string{"GET /api/hello" + noOrigin}},
		{"post", "blocked", "TypeError", []string{"OPTIONS /api/items" + preflight},
			[]string{"POST /api/items" + noOriginPreflight}},
		{"put", "blocked", "TypeError", []string{"OPTIONS /api/items/42" + preflight},
			[]string{"PUT /api/items/42" + noOriginPreflight}},
		{"cred", "blocked", "set the demo_session cookie, and the browser stored it", []string{"POST /api/login" + actual, "GET /api/me" + actual},
			[]string{"POST /api/login" + noOrigin, "GET /api/me" + noOrigin}},
		{"badheader", "blocked", "TypeError", []string{"OPTIONS /api/hello" + preflight},
			[]string{"GET /api/hello" + noOriginPreflight}},
	}
}

// checkPage loads url, presses each card's button in turn, waits for what
// it must show and for the browser's CORS errors, and checks every card
// again at the end, once no more decisions or errors can arrive late.
func checkPage(t *testing.T, tab context.Context, errs *corsErrors, url string, cards []card) {
	t.Helper()
	errs.reset()
	err := chromedp.Do(tab,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`body[data-live="true"] #btn-badheader`)),
	)
	if err != nil {
		t.Fatalf("%s: the page did not come up with its decision stream: %v", url, err)
	}
	for _, c := range cards {
		if err := chromedp.Do(tab, chromedp.Click(chromedp.CSS("#btn-"+c.ID))); err != nil {
			t.Fatalf("%s: click %s: %v", url, c.ID, err)
		}
		checkCard(t, url, c, readCard(t, tab, c))
		checkCORSErrors(t, url, c, errs.wait(c.ID, len(c.CORSErrors)))
	}
	time.Sleep(200 * time.Millisecond)
	for _, c := range cards {
		checkCard(t, url, c, readCard(t, tab, c))
		checkCORSErrors(t, url, c, errs.of(c.ID))
	}
}

// readCard waits until card c shows a browser verdict and at least as many
// decisions as it expects, then returns what it shows.
func readCard(t *testing.T, tab context.Context, c card) shown {
	t.Helper()
	js := fmt.Sprintf(`(() => {
		const s = document.getElementById(%q);
		const decisions = [...s.querySelectorAll(".decisions li")].map(li => li.dataset.summary);
		if (!s.dataset.browser || decisions.length < %d) return null;
		return {browser: s.dataset.browser, detail: s.querySelector(".detail").textContent, decisions};
	})()`, "case-"+c.ID, len(c.Decisions))
	got, err := chromedp.Run(tab, chromedp.Poll[shown](js,
		chromedp.WithPollingInterval(20*time.Millisecond),
		chromedp.WithPollingTimeout(10*time.Second)))
	if err != nil {
		t.Fatalf("card %s never showed a verdict and %d decisions: %v", c.ID, len(c.Decisions), err)
	}
	return got
}

func checkCard(t *testing.T, url string, c card, got shown) {
	t.Helper()
	if got.Browser != c.Browser {
		t.Errorf("%s, card %s: browser %q, want %q (detail %q)", url, c.ID, got.Browser, c.Browser, got.Detail)
	}
	if !strings.Contains(got.Detail, c.Detail) {
		t.Errorf("%s, card %s: detail %q does not contain %q", url, c.ID, got.Detail, c.Detail)
	}
	if !slices.Equal(got.Decisions, c.Decisions) {
		t.Errorf("%s, card %s: corskit decisions\n got %q\nwant %q", url, c.ID, got.Decisions, c.Decisions)
	}
}

func saveScreenshot(t *testing.T, tab context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(tab, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Clean(name), png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot saved to %s", name)
}
