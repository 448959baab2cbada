package e2e

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// defaultChromium is where Debian's chromium package installs the real
// browser. /usr/bin/chromium is a wrapper script that adds flags of its own,
// so the tests start the binary directly.
const defaultChromium = "/usr/lib/chromium/chromium"

// chromiumEnv names the environment variable that points the tests at
// another Chromium binary.
const chromiumEnv = "CORSKIT_CHROMIUM"

// installHint is the command that installs the browser the tests need.
const installHint = "apt-get update && apt-get install -y chromium"

// requireBrowserEnv names the variable that turns a missing browser into a
// failure, as CI=true does; .ci/run sets it.
const requireBrowserEnv = "CORSKIT_REQUIRE_BROWSER"

// requireChromium returns the path of the Chromium binary to drive. When
// there is none it fails the test in CI (CI=true) or with
// CORSKIT_REQUIRE_BROWSER=1, where the browser must have been installed;
// otherwise it says so, loudly, and returns "": the suite then runs on the
// browser model of corscheck and skips what needs a real browser.
func requireChromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv(chromiumEnv)
	if path == "" {
		path = defaultChromium
	}
	if info, err := os.Stat(path); err == nil && !info.IsDir() && info.Mode()&0o111 != 0 {
		return path
	}
	msg := "the browser end-to-end suite needs Chromium at " + path +
		" (set " + chromiumEnv + " to use another binary); install it with: " + installHint
	if truthy("CI") || truthy(requireBrowserEnv) {
		t.Fatal(msg)
	}
	banner := strings.Repeat("!", 78)
	shout("\n" + banner + "\nNO BROWSER: " + msg + "\n" + modelNotice + "\n" + banner + "\n")
	t.Log(modelNotice)
	return ""
}

// shout makes msg seen, once per run of the test binary. It goes to
// standard error, which go test shows when run in this directory or with
// -v. go test ./... shows nothing of a passing package, not even its
// standard error, so msg also goes to the terminal when there is one (and
// standard error is not it already); make test says it too, before the
// tests run (the Makefile's browser target), in output that goes wherever
// make's does.
func shout(msg string) {
	shoutOnce.Do(func() {
		os.Stderr.WriteString(msg)
		if info, err := os.Stderr.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
			return
		}
		if os.Getenv(noTTYEnv) != "" {
			return // a run of TestModelFallback's: its output is the test's
		}
		tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
		if err != nil {
			return // no terminal
		}
		defer tty.Close()
		tty.WriteString(msg)
	})
}

// shoutOnce keeps shout to one banner per run.
var shoutOnce sync.Once

// truthy reports whether the environment variable name is set to a true
// value: anything but "", "0" and "false".
func truthy(name string) bool {
	v := strings.ToLower(os.Getenv(name))
	return v != "" && v != "false" && v != "0"
}

// startBrowser starts a headless Chromium with a fresh profile and returns a
// chromedp context holding it. The browser stops when the test ends.
func startBrowser(t *testing.T, path string) context.Context {
	t.Helper()
	profile := t.TempDir() // removed after the browser has stopped
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		// chromedp's own list plus IsolateSandboxedIframes, which would put
		// a sandboxed iframe in a process of its own, out of sight of the
		// page's DevTools session (its fetch would report no events).
		chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,IsolateSandboxedIframes"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
	})
	if err := chromedp.Do(browserCtx); err != nil {
		t.Fatalf("starting Chromium %s: %v", path, err)
	}
	return browserCtx
}
