package bench

import (
	"testing"

	cors "github.com/corskit/corskit/core"
)

// TestNoSharedSlices requires of every floor and corskit implementation of
// the net/http-based frameworks that no Access-Control-* or Vary value of
// one response share memory with another's, and that none has spare
// capacity (both keep all values in one array, so an append would
// overwrite the next value): the floor pays the same allocation as
// corskit.
func TestNoSharedSlices(t *testing.T) {
	for _, fw := range Frameworks() {
		for _, im := range fw.Impls {
			if im.HTTP == nil || (im.Role != Floor && im.Role != VaryFloor && im.Role != Corskit) {
				continue
			}
			for _, k := range Kinds() {
				if names := im.SharedSlices(k); names != nil {
					t.Errorf("%s %s %s: %v shared between responses", fw.Name, im.Name, k.Name, names)
				}
				h, _ := im.twoResponses(k)
				for name, v := range corsFields(h) {
					if cap(v) != len(v) {
						t.Errorf("%s %s %s: %s has spare capacity", fw.Name, im.Name, k.Name, name)
					}
				}
			}
		}
	}
}

// TestDecideAllocatesNothing is the core's zero-allocation target, checked
// on every request kind of the benchmarks.
func TestDecideAllocatesNothing(t *testing.T) {
	p := cors.MustNew(NewPolicy().Corskit())
	for _, k := range Kinds() {
		req := cors.RequestFromHTTP(k.HTTPRequest())
		if n := testing.AllocsPerRun(100, func() { p.Decide(req) }); n != 0 {
			t.Errorf("%s: Decide allocates %v times", k.Name, n)
		}
	}
}

// TestCheckRejectsWrongAnswers makes sure the behaviour check can fail: the
// answers of middlewares known to differ from the contract do not pass.
func TestCheckRejectsWrongAnswers(t *testing.T) {
	kinds := Kinds()
	cases := []struct {
		fw, impl, kind string
	}{
		{"gin", "gin-contrib-cors", "disallowed"},          // 403 to an actual request
		{"gin", "gin-contrib-cors", "no-cors"},             // no Vary: Origin
		{"nethttp", "rs-cors", "preflight-rejected"},       // 204 to a rejected preflight
		{"nethttp", "go-chi-cors", "preflight-1000-names"}, // echoes 14 KB
		{"fiber", "fiber-cors", "disallowed"},              // ACEH without ACAO
		{"echo", "floor", "allowed-52"},                    // origin #2 for #52
	}
	for _, c := range cases {
		im, ok := findImpl(c.fw, c.impl)
		if !ok {
			t.Fatalf("no %s %s", c.fw, c.impl)
		}
		k := kindNamed(kinds, c.kind)
		if err := Check(k, im.Observe(k)); err == nil {
			t.Errorf("%s %s %s passes the check", c.fw, c.impl, c.kind)
		}
	}
}

func findImpl(fw, name string) (Impl, bool) {
	for _, f := range Frameworks() {
		for _, im := range f.Impls {
			if f.Name == fw && im.Name == name {
				return im, true
			}
		}
	}
	return Impl{}, false
}
