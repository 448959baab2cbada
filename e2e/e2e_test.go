package e2e

import (
	"net/url"
	"os"
	"strings"
	"testing"

	cors "github.com/corskit/corskit/core"
	"github.com/gin-gonic/gin"
)

// TestMain quiets Gin, which otherwise prints every route it registers.
func TestMain(m *testing.M) {
	gin.SetMode(gin.ReleaseMode)
	os.Exit(m.Run())
}

// TestBrowser runs every scenario against every implementation, in one
// headless Chromium per implementation or, when there is no Chromium, on
// the browser model of corscheck (see model_run_test.go).
func TestBrowser(t *testing.T) {
	chromium := requireChromium(t)
	p := startPages(t)
	for _, impl := range implementations() {
		t.Run(impl.name, func(t *testing.T) {
			e := &env{impl: impl, pages: p}
			if chromium != "" {
				e.tab = newTab(t, startBrowser(t, chromium))
			}
			for _, sc := range scenarios() {
				t.Run(sc.name, func(t *testing.T) { sc.run(t, e) })
			}
		})
	}
}

// env is what a scenario runs with: the implementation under test, the tab
// of its browser (nil when the browser model stands in for Chromium) and
// the test pages.
type env struct {
	impl  implementation
	tab   *tab
	pages pages
}

// api is one running API server.
type api struct {
	origin  string      // http://localhost:PORT
	log     *requestLog // every request, before the CORS middleware
	handled *requestLog // the requests the application handler ran for
}

// startAPI serves the application behind the implementation's middleware
// for cfg until t ends.
func (e *env) startAPI(t *testing.T, cfg cors.Config) *api {
	t.Helper()
	ln := listen(t)
	log, handled := newRequestLog(), newRequestLog()
	e.impl.serve(t, ln, stack{record: log.record, cfg: cfg, app: recorded(handled.record, appHandler())})
	return &api{origin: "http://localhost:" + port(ln), log: log, handled: handled}
}

// page opens the test page of origin in the browser, for the test t.
func (e *env) page(t *testing.T, origin string) *page {
	t.Helper()
	if e.tab == nil {
		return modelPage(t, origin)
	}
	return e.tab.page(t, origin)
}

// url returns the API URL of path for the case id.
func (a *api) url(path, id string) string {
	return a.origin + path + "?case=" + url.QueryEscape(id)
}

// caseID returns an identifier of the running test, unique in the suite,
// for the case query parameter: every case has its own URLs, so that no
// browser cache links cases unless caching is what the case tests.
func caseID(t *testing.T) string {
	return strings.NewReplacer("/", ".", " ", "_").Replace(t.Name())
}
