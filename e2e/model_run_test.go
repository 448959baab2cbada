package e2e

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/corskit/corskit/cmd/corscheck/browser"
)

// Without Chromium (and unless it is required, see requireChromium) the
// suite runs every scenario against every implementation on the browser
// model of corscheck (package browser) instead: each CORS fetch is the
// model's Fetch against the same server, and its verdict, failure kind and
// DevTools-named corsErrorStatus are what the scenarios assert. What only a
// real browser shows (cookies, navigation, form posts, no-cors fetches, its
// caches, the response headers a page may read) is skipped, each with a
// logged reason.

// modelNotice says, in the banner and the test log, what a run without
// Chromium does.
const modelNotice = "Running every scenario on the corscheck browser model instead; " +
	"checks that need a real browser are skipped, each with its reason in the log (go test -v)."

// needsBrowser ends the reason logged for a skipped check.
const needsBrowser = "needs a real browser, and Chromium is not running"

// inBrowser reports whether a real browser runs the scenario, so that its check
// of what, which only a real browser can show, applies. On the browser
// model it logs that the check is skipped and reports false.
func (e *env) inBrowser(t *testing.T, what string) bool {
	t.Helper()
	if e.tab != nil {
		return true
	}
	t.Logf("browser model: skipping the check of %s: it %s", what, needsBrowser)
	return false
}

// modelPage returns a page of origin without a browser: its fetches are the
// browser model's. When the test fails, the console messages Chromium would
// have written for them are printed.
func modelPage(t *testing.T, origin string) *page {
	p := &page{t: t, origin: origin}
	t.Cleanup(func() {
		if t.Failed() && len(p.console) > 0 {
			t.Logf("the browser model's console during this test:\n\t%s", strings.Join(p.console, "\n\t"))
		}
	})
	return p
}

// modelFetch has the browser model do fetch(url, opts) from a page of
// origin, against the server, and returns its verdict in the form of
// Chromium's: whether the page may read the response, with its status and
// body, or the failure kind as DevTools' corsErrorStatus; the response
// fields as received stand for what DevTools reports. Which response
// headers the page may read is not the model's to say: Headers stays
// empty. A no-cors fetch, which the model does not make, skips the test.
func (p *page) modelFetch(url string, opts fetchOptions, origin string) verdict {
	p.t.Helper()
	if opts.Mode == "no-cors" {
		p.t.Skipf("browser model: a no-cors fetch %s (the model makes CORS requests only)", needsBrowser)
	}
	r := modelRequest(url, opts, origin)
	rt := &pageTransport{send: opts.Body}
	ctx, cancel := context.WithTimeout(p.t.Context(), actionTimeout)
	defer cancel()
	res, err := browser.Fetch(ctx, rt, r)
	if err != nil {
		p.t.Fatalf("browser model: fetch %s %s: %v", opts.method(), url, err)
	}
	v := verdict{URL: url, Method: opts.method(), reported: true}
	if n := len(res.Exchanges); n > 0 && res.Exchanges[n-1].Step == "actual" {
		got := res.Exchanges[n-1].Response
		v.net.status, v.net.headers = int64(got.Status), network.Headers{}
		for name, values := range got.Header {
			v.net.headers[name] = strings.Join(values, "\n") // as DevTools joins them
		}
	}
	if f := res.Failure; f != nil {
		v.Error, v.net.errText = "TypeError: Failed to fetch", "net::ERR_FAILED"
		v.net.corsErr = &network.CorsErrorStatus{CorsError: network.CorsError(f.Kind), FailedParameter: f.Value}
		p.console = append(p.console, f.Message(r))
	} else {
		v.OK, v.Type, v.Status, v.Body = true, "cors", int(v.net.status), rt.read.String()
	}
	p.t.Logf("browser model: fetch %s %s from %s: %s", v.Method, url, origin, describe(res.Failure))
	return v
}

// pageTransport carries the browser model's requests the way the page's
// fetch would send them: the actual request with the script's body (the
// model sends none of its own). It keeps the body of the actual response,
// which the page reads when the model lets it.
type pageTransport struct {
	send string       // the body of the actual request
	read bytes.Buffer // the body of the actual response, as the model read it
}

// RoundTrip implements http.RoundTripper.
func (pt *pageTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Header.Get("Access-Control-Request-Method") != "" {
		return http.DefaultTransport.RoundTrip(req) // the preflight
	}
	if pt.send != "" {
		req = req.Clone(req.Context())
		req.Body, req.ContentLength = io.NopCloser(strings.NewReader(pt.send)), int64(len(pt.send))
	}
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.TeeReader(resp.Body, &pt.read), resp.Body}
	return resp, nil
}

// noTTYEnv names the variable that keeps shout off the terminal, for the
// runs of TestModelFallback.
const noTTYEnv = "CORSKIT_E2E_NO_TTY"

// TestModelFallback proves the run without Chromium: it runs TestBrowser
// again in a new process of this test binary, with CORSKIT_CHROMIUM
// pointing nowhere and neither CI nor CORSKIT_REQUIRE_BROWSER set. The run
// must pass, with every scenario of every implementation passed and its
// CORS fetches made by the browser model, and every skipped case must say
// why. With CORSKIT_REQUIRE_BROWSER=1 the same run must fail.
func TestModelFallback(t *testing.T) {
	out, err := runWithoutChromium(t)
	if err != nil {
		t.Fatalf("TestBrowser without Chromium: %v\n%s", err, out)
	}
	if !strings.Contains(out, modelNotice) {
		t.Errorf("TestBrowser without Chromium did not say it runs on the browser model:\n%s", out)
	}
	result := map[string]string{} // test name: PASS, SKIP or FAIL
	var fetches []string          // the model's fetches, as logged
	for line := range strings.Lines(out) {
		if status, rest, ok := strings.Cut(strings.TrimSpace(line), ": "); ok && strings.HasPrefix(status, "--- ") {
			name, _, _ := strings.Cut(rest, " ")
			result[name] = status[len("--- "):]
		}
		if _, fetch, ok := strings.Cut(line, "browser model: fetch "); ok {
			fetches = append(fetches, fetch)
		}
	}
	total := 0
	for _, impl := range implementations() {
		for _, sc := range scenarios() {
			name := "TestBrowser/" + impl.name + "/" + sc.name
			if result[name] != "PASS" {
				t.Errorf("%s: %q, want PASS", name, result[name])
			}
			id := "?case=" + strings.ReplaceAll(name, "/", ".") // caseID of the scenario
			n := 0
			for _, f := range fetches {
				if strings.Contains(f, id+".") || strings.Contains(f, id+" ") {
					n++
				}
			}
			if n == 0 {
				t.Errorf("%s made no fetch through the browser model", name)
			}
			total += n
		}
	}
	passed, skipped := 0, 0
	for _, r := range result {
		switch r {
		case "PASS":
			passed++
		case "SKIP":
			skipped++
		}
	}
	if reasons := strings.Count(out, needsBrowser); reasons < skipped {
		t.Errorf("%d tests skipped, %d reasons logged", skipped, reasons)
	}
	t.Logf("TestBrowser on the browser model: %d tests passed, %d skipped (they need a real browser), %d fetches by the model", passed, skipped, total)

	t.Run("required", func(t *testing.T) {
		out, err := runWithoutChromium(t, requireBrowserEnv+"=1")
		if err == nil || !strings.Contains(out, "needs Chromium at /nonexistent") || !strings.Contains(out, "--- FAIL: TestBrowser ") {
			t.Errorf("with %s=1 and no Chromium, want TestBrowser to fail for want of it; got %v:\n%s", requireBrowserEnv, err, out)
		}
	})
}

// runWithoutChromium runs TestBrowser, verbosely, in a new process of this
// test binary, with Chromium at a path where there is none and with env
// added to the environment, and returns its output.
func runWithoutChromium(t *testing.T, env ...string) (string, error) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run=^TestBrowser$", "-test.v", "-test.count=1")
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); name != "CI" && name != requireBrowserEnv && name != chromiumEnv {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(append(cmd.Env, chromiumEnv+"=/nonexistent", noTTYEnv+"=1"), env...)
	out, err := cmd.CombinedOutput()
	return string(out), err
}
