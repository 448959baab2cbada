package e2e

import (
	"context"
	"os"
	"strings"
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

// requireChromium returns the path of the Chromium binary to drive. When
// there is none it skips the test, loudly, or fails it in CI (CI=true),
// where the browser must have been installed.
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
	if inCI() {
		t.Fatal("CI: " + msg)
	}
	banner := strings.Repeat("!", 78)
	msg = "\n" + banner + "\nSKIPPING every browser test: " + msg + "\n" + banner + "\n"
	shout(msg)
	t.Skip(msg)
	return ""
}

// shout writes msg to the terminal, if there is one. go test shows the
// output of a passing package only with -v, and a skip must not go
// unnoticed by a developer running the whole suite.
func shout(msg string) {
	tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err != nil {
		return // no terminal: t.Skip's message is all there is
	}
	defer tty.Close()
	tty.WriteString(msg)
}

// inCI reports whether the tests run in continuous integration.
func inCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
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
