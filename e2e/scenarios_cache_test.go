package e2e

import "testing"

// maxAge: within Access-Control-Max-Age a second identical preflighted
// request sends no preflight; with the preflight cache disabled (MaxAge < 0
// sends 0) every request is preflighted again.
func maxAge(t *testing.T, e *env) {
	for _, c := range []struct {
		name   string
		maxAge int
		want   []string
	}{
		{"default-600s-cached", 0, []string{"preflight PUT", "PUT", "PUT"}},
		{"disabled-preflights-again", -1, []string{"preflight PUT", "PUT", "preflight PUT", "PUT"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := e.pages.policy()
			cfg.MaxAge = c.maxAge
			a := e.startAPI(t, cfg)
			id := caseID(t)
			pg := e.page(t, e.pages.allowed)
			for range 2 {
				pg.fetch(a.url("/api/echo", id), jsonPut("again")).wantReadable(t, 200)
			}
			if e.inBrowser(t, "the preflight cache (the requests the server received)") {
				a.wantServer(t, id, c.want...)
			}
		})
	}
}

// varyOrigin: a cacheable response first fetched without Origin (a no-cors
// fetch, which sends none) carries Vary: Origin, so the browser's HTTP cache
// does not answer a later CORS fetch of the same URL with it (that copy has
// no Access-Control-Allow-Origin and would fail). A third fetch, answered
// from the cache, shows that the response was cached at all.
func varyOrigin(t *testing.T, e *env) {
	a := e.startAPI(t, e.pages.policy())
	id := caseID(t)
	u := a.url("/api/cacheable", id)
	pg := e.page(t, e.pages.allowed)
	inBrowser := e.inBrowser(t, "the no-cors fetch and the HTTP cache")
	if inBrowser {
		if v := pg.fetch(u, fetchOptions{Mode: "no-cors"}); !v.OK || v.Type != "opaque" {
			t.Fatalf("want an opaque response to the no-cors fetch; got %v", v)
		}
	}
	for range 2 {
		v := pg.fetch(u, fetchOptions{})
		v.wantReadable(t, 200)
		if v.Body != "cacheable\n" {
			t.Errorf("want the cacheable body; read %q", v.Body)
		}
	}
	if !inBrowser {
		return
	}
	reqs := a.wantServer(t, id, "GET", "GET")
	if len(reqs) == 2 && (reqs[0].Origin != nil || len(reqs[1].Origin) != 1) {
		t.Errorf("want the first GET without Origin, the second with; %s", history(reqs))
	}
}
