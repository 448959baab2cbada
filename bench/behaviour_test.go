package bench

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestBehaviour serves every kind once through every implementation, logs
// each answer, and requires corskit's, on every framework, to be the one
// the contract asks for, and the floor's, for the two requests it is built
// for, to be corskit's.
func TestBehaviour(t *testing.T) {
	for _, k := range Kinds() {
		var log strings.Builder
		for _, fw := range Frameworks() {
			for _, im := range fw.Impls {
				res := im.Observe(k)
				fmt.Fprintf(&log, "%-8s %-17s %d %s\n", fw.Name, im.Name, res.Status, strings.Join(res.Lines(), " | "))
				if im.Role == Corskit || im.Role == Floor && (k.Name == "allowed-2" || k.Name == "preflight") {
					if err := Check(k, res); err != nil {
						t.Errorf("%s %s %s: %v", fw.Name, im.Name, k.Name, err)
					}
				}
			}
		}
		t.Logf("%s:\n%s", k.Title, log.String())
	}
}

// TestOriginForms requires both implementations of every origin form to
// answer an allowed GET from origin #2 as the contract asks.
func TestOriginForms(t *testing.T) {
	k := KindNamed("allowed-2")
	for name, h := range originForms() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, k.HTTPRequest())
		if err := Check(k, Response{rec.Code, corsOnly(rec.Header())}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestEveryFrameworkHasEveryRole: one baseline, floor, vary floor and
// corskit, and at least one native middleware, on every framework.
func TestEveryFrameworkHasEveryRole(t *testing.T) {
	for _, fw := range Frameworks() {
		roles := map[Role]int{}
		for _, im := range fw.Impls {
			roles[im.Role]++
		}
		if roles[Baseline] != 1 || roles[Floor] != 1 || roles[VaryFloor] != 1 || roles[Corskit] != 1 || roles[Native] == 0 {
			t.Errorf("%s: roles %v", fw.Name, roles)
		}
	}
}

// TestCheckRejectsWrongAnswers makes sure the behaviour check can fail: the
// answers of middlewares known to differ from the contract do not pass.
func TestCheckRejectsWrongAnswers(t *testing.T) {
	for _, c := range [][3]string{
		{"gin", "gin-contrib-cors", "disallowed"},          // 403 to an actual request
		{"gin", "gin-contrib-cors", "no-cors"},             // no Vary: Origin
		{"nethttp", "rs-cors", "preflight-rejected"},       // 204 to a rejected preflight
		{"nethttp", "go-chi-cors", "preflight-1000-names"}, // echoes 14 KB
		{"fiber", "fiber-cors", "disallowed"},              // ACEH without ACAO
		{"echo", "floor", "allowed-52"},                    // origin #2 for #52
	} {
		im := findImpl(t, c[0], c[1])
		if err := Check(KindNamed(c[2]), im.Observe(KindNamed(c[2]))); err == nil {
			t.Errorf("%s %s %s passes the check", c[0], c[1], c[2])
		}
	}
}

func findImpl(t *testing.T, fw, name string) Impl {
	for _, f := range Frameworks() {
		for _, im := range f.Impls {
			if f.Name == fw && im.Name == name {
				return im
			}
		}
	}
	t.Fatalf("no %s %s", fw, name)
	return Impl{}
}
