package bench

import (
	"net/http"
	"testing"

	cors "github.com/corskit/corskit/core"
)

// TestNoSharedSlices requires of the floors and corskit on every
// net/http-based framework that no Access-Control-* or Vary value of one
// response share its array with another response's, and that none has
// spare capacity, so that the floors pay the allocation corskit pays.
func TestNoSharedSlices(t *testing.T) {
	for _, fw := range Frameworks() {
		for _, im := range fw.Impls {
			if im.Role != Floor && im.Role != VaryFloor && im.Role != Corskit {
				continue
			}
			h, ok := im.App().(http.Handler)
			if !ok {
				continue // fasthttp copies header bytes
			}
			for _, k := range Kinds() {
				a, b := newRecorder(), newRecorder()
				h.ServeHTTP(a, k.HTTPRequest())
				h.ServeHTTP(b, k.HTTPRequest())
				for name := range corsOnly(a.header) {
					va := a.header[name] // the very slice the response holds
					if cap(va) != len(va) {
						t.Errorf("%s %s %s: %s has spare capacity", fw.Name, im.Name, k.Name, name)
					}
					for _, vb := range b.header {
						if len(va) > 0 && len(vb) > 0 && &va[0] == &vb[0] {
							t.Errorf("%s %s %s: %s shared between responses", fw.Name, im.Name, k.Name, name)
						}
					}
				}
			}
		}
	}
}

// TestDecideAllocatesNothing checks the core's zero-allocation target on
// every request kind.
func TestDecideAllocatesNothing(t *testing.T) {
	p := cors.MustNew(Config())
	for _, k := range Kinds() {
		req := cors.RequestFromHTTP(k.HTTPRequest())
		if n := testing.AllocsPerRun(100, func() { p.Decide(req) }); n != 0 {
			t.Errorf("%s: Decide allocates %v times", k.Name, n)
		}
	}
}
