package cors

import (
	"net/http"
	"slices"
	"testing"
)

// testDecisions returns decisions of every kind, with every field.
func testDecisions() []Decision {
	p := MustNew(Config{
		AllowOrigins: []string{"https://a.example"}, AllowMethods: []string{"*"}, AllowHeaders: []string{"*"},
		AllowCredentials: true, ExposeHeaders: []string{"X"}, AllowPrivateNetwork: true,
	})
	var ds []Decision
	for _, req := range []Request{
		{Method: "GET"},
		{Method: "GET", Origin: []string{"https://a.example"}},
		{Method: "GET", Origin: []string{"https://b.example"}},
		{Method: "OPTIONS", Origin: []string{"https://a.example"}, RequestMethod: []string{"PUT"},
			RequestHeaders: []string{"x-a", "", "x-b"}, RequestPrivateNetwork: []string{"true"}},
		{Method: "OPTIONS", Origin: []string{"https://b.example"}, RequestMethod: []string{"PUT"}},
		{Method: "OPTIONS", Origin: []string{"https://a.example"}, RequestMethod: []string{"PUT, GET"}},
		{Method: "OPTIONS", Origin: []string{"https://a.example"}, RequestMethod: []string{"PUT"},
			RequestHeaders: []string{"x-a,bad name"}},
	} {
		ds = append(ds, p.Decide(req))
	}
	return ds
}

// TestCount holds Decision.count to what Decision.Fields yields.
func TestCount(t *testing.T) {
	for _, d := range testDecisions() {
		n := 0
		for range d.Fields() {
			n++
		}
		if d.Vary != "" {
			n++
		}
		if n != d.count(d.requestHeaders) || n == 0 {
			t.Errorf("%v: count() = %d, fields and Vary = %d", d, d.count(d.requestHeaders), n)
		}
	}
}

// TestHTTPHeadersMatchFields holds setHTTPHeaders to the list emit makes:
// the same fields, values and order of lines, over a Vary already set.
func TestHTTPHeadersMatchFields(t *testing.T) {
	for _, d := range testDecisions() {
		want := http.Header{"Vary": {"Cookie"}}
		first := map[string]bool{}
		for name, value := range d.Fields() {
			if !first[name] {
				want.Del(name)
				first[name] = true
			}
			want.Add(name, value)
		}
		if d.Vary != "" {
			want.Add("Vary", d.Vary)
		}
		got := http.Header{"Vary": {"Cookie"}}
		d.SetHeaders(got)
		if len(got) != len(want) {
			t.Errorf("%v: SetHeaders wrote %v, Fields lists %v", d, got, want)
		}
		for name, values := range want {
			if !slices.Equal(got[name], values) {
				t.Errorf("%v: %s = %q, Fields lists %q", d, name, got[name], values)
			}
		}
	}
}
