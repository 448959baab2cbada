package cors

import "testing"

// TestCount holds Decision.count to what Decision.fields yields, over
// decisions of every kind.
func TestCount(t *testing.T) {
	p := MustNew(Config{
		AllowOrigins: []string{"https://a.example"}, AllowMethods: []string{"*"}, AllowHeaders: []string{"*"},
		AllowCredentials: true, ExposeHeaders: []string{"X"}, AllowPrivateNetwork: true,
	})
	for _, req := range []Request{
		{Method: "GET"},
		{Method: "GET", Origin: []string{"https://a.example"}},
		{Method: "GET", Origin: []string{"https://b.example"}},
		{Method: "OPTIONS", Origin: []string{"https://a.example"}, RequestMethod: []string{"PUT"},
			RequestHeaders: []string{"x-a", "", "x-b"}, RequestPrivateNetwork: []string{"true"}},
		{Method: "OPTIONS", Origin: []string{"https://b.example"}, RequestMethod: []string{"PUT"}},
		{Method: "OPTIONS", Origin: []string{"https://a.example"}, RequestMethod: []string{"PUT, GET"}},
	} {
		d := p.Decide(req)
		n := 0
		for range d.Fields() {
			n++
		}
		if d.Vary != "" {
			n++
		}
		if n != d.count() || n == 0 {
			t.Errorf("%v: count() = %d, fields and Vary = %d", d, d.count(), n)
		}
	}
}
