package cors

import (
	"slices"
	"strings"
	"testing"
)

// TestListedMethods: listed tells the safelisted methods and those of
// AllowMethods (the methods of RFC 9110 in any case, others exactly as
// written) from every other, case-sensitively, whether a method goes
// through the switch or the set.
func TestListedMethods(t *testing.T) {
	requests := []string{"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH",
		"get", "put", "Delete", "patch", "PURGE", "purge", "Purge", "PROPFIND", "CONNECT", "X", ""}
	rfc9110 := []string{"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"}
	for _, allow := range [][]string{
		nil,
		{"PUT"},
		{"put", "Delete", "PUT"},
		{"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"},
		{"PURGE", "propfind", "patch"},
		{"*", "PURGE"},
	} {
		var ps problems
		s := compileMethods(allow, &ps)
		if len(ps) > 0 {
			t.Fatal(ps)
		}
		want := []string{"GET", "HEAD", "POST"}
		var list []string
		for _, m := range allow {
			if up := strings.ToUpper(m); slices.Contains(rfc9110, up) {
				m = up
			}
			if m != "*" && !slices.Contains(list, m) {
				list = append(list, m)
			}
			want = append(want, m)
		}
		for _, m := range requests {
			if got := s.listed(m); got != slices.Contains(want, m) {
				t.Errorf("AllowMethods %q: listed(%q) = %v", allow, m, got)
			}
		}
		if got := strings.Join(list, ", "); s.list != got {
			t.Errorf("AllowMethods %q: list %q, want %q", allow, s.list, got)
		}
	}
}
