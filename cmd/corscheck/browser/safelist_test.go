package browser

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestIsSafelistedHeader(t *testing.T) {
	for _, c := range []struct {
		name, value string
		want        bool
	}{
		{"Accept", "application/json", true},
		{"accept", strings.Repeat("a", 128), true},
		{"Accept", strings.Repeat("a", 129), false},
		{"Accept", `a"b`, false},
		{"Accept", "a\x01b", false},
		{"Accept", "a\tb", true},
		{"Accept-Language", "en-US,en;q=0.9", true},
		{"Accept-Language", "en_US", false},
		{"Content-Language", "de", true},
		{"Content-Type", "text/plain", true},
		{"Content-Type", "Text/Plain ; charset=utf-8", true},
		{"Content-Type", "multipart/form-data; boundary=x", true},
		{"Content-Type", "application/x-www-form-urlencoded", true},
		{"Content-Type", "application/json", false},
		{"Content-Type", "text/plain, application/json", false},
		{"Content-Type", "text/plain; a=\"b\"", false},
		{"Range", "bytes=0-10", true},
		{"Range", "bytes=10-", true},
		{"Range", "bytes=10-9", false},
		{"Range", "bytes=0-10,20-30", false},
		{"Range", "bytes=-10", false},
		{"X-Custom", "1", false},
		{"Authorization", "Bearer x", false},
	} {
		if got := IsSafelistedHeader(c.name, c.value); got != c.want {
			t.Errorf("IsSafelistedHeader(%q, %q) = %v, want %v", c.name, c.value, got, c.want)
		}
	}
}

func TestUnsafeHeaderNames(t *testing.T) {
	for _, c := range []struct {
		name   string
		header http.Header
		want   []string
	}{
		{"none", nil, nil},
		{"safelisted only", http.Header{"Accept": {"*/*"}, "Content-Type": {"text/plain"}}, nil},
		{"sorted lower-case", http.Header{"X-Zeta": {"1"}, "Content-Type": {"application/json"}, "X-Alpha": {"1"}},
			[]string{"content-type", "x-alpha", "x-zeta"}},
		{"duplicates in case", http.Header{"X-A": {"1"}, "x-a": {"2"}}, []string{"x-a"}},
		{"values joined", http.Header{"Accept": {strings.Repeat("a", 64), strings.Repeat("b", 64)}}, []string{"accept"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := UnsafeHeaderNames(c.header)
			if !slices.Equal(got, c.want) {
				t.Errorf("UnsafeHeaderNames = %q, want %q", got, c.want)
			}
		})
	}
}

func TestNeedsPreflight(t *testing.T) {
	for _, c := range []struct {
		method string
		header http.Header
		want   bool
	}{
		{"", nil, false},
		{"get", nil, false},
		{"POST", http.Header{"Content-Type": {"text/plain"}}, false},
		{"POST", http.Header{"Content-Type": {"application/json"}}, true},
		{"PUT", nil, true},
		{"patch", nil, true},
		{"OPTIONS", nil, true},
		{"GET", http.Header{"Authorization": {"Bearer x"}}, true},
	} {
		r := Request{Method: c.method, Header: c.header}
		if got := r.NeedsPreflight(); got != c.want {
			t.Errorf("%q %v: NeedsPreflight = %v, want %v", c.method, c.header, got, c.want)
		}
	}
}

func TestNormalizeMethod(t *testing.T) {
	for in, want := range map[string]string{
		"": "GET", "get": "GET", "Put": "PUT", "delete": "DELETE", "options": "OPTIONS",
		"head": "HEAD", "post": "POST", "patch": "patch", "PATCH": "PATCH", "Purge": "Purge",
	} {
		if got := NormalizeMethod(in); got != want {
			t.Errorf("NormalizeMethod(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestForbidden(t *testing.T) {
	for name, want := range map[string]bool{
		"Cookie": true, "origin": true, "Host": true, "Proxy-Authorization": true,
		"Sec-Fetch-Mode": true, "Authorization": false, "X-Custom": false, "Content-Type": false,
	} {
		if got := IsForbiddenHeader(name); got != want {
			t.Errorf("IsForbiddenHeader(%q) = %v, want %v", name, got, want)
		}
	}
	for m, want := range map[string]bool{"CONNECT": true, "trace": true, "TRACK": true, "PUT": false} {
		if got := IsForbiddenMethod(m); got != want {
			t.Errorf("IsForbiddenMethod(%q) = %v, want %v", m, got, want)
		}
	}
}

func TestPreflightHeader(t *testing.T) {
	r := Request{Method: "put", Origin: "https://app.example.com", Credentials: true, Cookie: "sid=1",
		Header: http.Header{"X-Zeta": {"1"}, "Content-Type": {"application/json"}, "Accept": {"*/*"}}}
	h := r.PreflightHeader()
	want := http.Header{
		"Origin":                         {"https://app.example.com"},
		"Access-Control-Request-Method":  {"PUT"},
		"Access-Control-Request-Headers": {"content-type,x-zeta"},
		"Accept":                         {"*/*"},
		"Sec-Fetch-Mode":                 {"cors"},
	}
	if !equalHeader(h, want) {
		t.Errorf("PreflightHeader = %v, want %v", h, want)
	}
	if a := r.ActualHeader(); a.Get("Cookie") != "sid=1" || a.Get("Origin") != r.Origin || a.Get("X-Zeta") != "1" {
		t.Errorf("ActualHeader = %v", a)
	}
	r.Credentials = false
	if a := r.ActualHeader(); a.Get("Cookie") != "" {
		t.Errorf("without credentials, ActualHeader carries a cookie: %v", a)
	}
}

// equalHeader reports whether a and b hold the same fields.
func equalHeader(a, b http.Header) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}
