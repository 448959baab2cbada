package cors

import (
	"strings"
	"testing"
)

// TestBrowserLines: a policy with few allowed names keeps every line a
// browser may send for them (sorted, lower case, joined by commas), and
// checking a line by that one look-up gives what parsing it gives.
func TestBrowserLines(t *testing.T) {
	var ps problems
	s := compileHeaders([]string{"X-Request-Id", "Authorization"}, &ps)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	lines := browserLines([]string{"b", "c", "a"})
	if got := strings.Join(lines, " "); got != "a b a,b c a,c b,c a,b,c" {
		t.Errorf("browserLines(b, c, a) = %s", got)
	}
	if s.browserLines.n != 1<<6-1 {
		t.Errorf("%d browser lines for 6 names, want 63", s.browserLines.n)
	}
	parse := s
	parse.longestLine = 0 // never looked up
	requests := append(browserLines(strings.Split(alwaysAllowedHeaders+",authorization,x-request-id", ",")),
		"x-request-id,authorization", "accept,x-nope", "authorization, x-request-id", "Authorization", "")
	for _, l := range requests {
		if got, want := s.check([]string{l}), parse.check([]string{l}); got != want {
			t.Errorf("check(%q) = %+v, parsed %+v", l, got, want)
		}
	}
	for name, cfg := range map[string][]string{
		"wildcard":   {"*"},
		"many names": {"a", "b", "c", "d", "e"},
	} {
		if s := compileHeaders(cfg, &ps); s.browserLines.n != 0 || s.longestLine != 0 {
			t.Errorf("%s: %d browser lines kept", name, s.browserLines.n)
		}
	}
}
