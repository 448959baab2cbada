// Package e2e proves corskit in a real browser: its tests drive a headless
// Chromium (through the DevTools protocol, with github.com/chromedp/chromedp)
// against the core's net/http middleware and against every framework
// adapter, and assert the browser's own verdict on each cross-origin fetch:
// whether the page could read the response and, when it could not, the
// DevTools corsErrorStatus that says why.
//
// The package holds only tests. Run them with
//
//	go test ./...
//
// They need Debian's chromium package (apt-get install -y chromium; the
// real binary is /usr/lib/chromium/chromium, or set CORSKIT_CHROMIUM to
// another one). Without it they say so loudly and run every scenario on the
// browser model of corscheck instead, skipping what needs a real browser,
// except in CI (CI=true) or with CORSKIT_REQUIRE_BROWSER=1, where a missing
// browser is a failure.
package e2e
