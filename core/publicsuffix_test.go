package cors

import (
	"strings"
	"testing"

	"golang.org/x/net/publicsuffix"
)

// TestPublicSuffixAtOrBelow: the names above which a subdomain pattern can
// match names anyone can register.
func TestPublicSuffixAtOrBelow(t *testing.T) {
	for host, want := range map[string]bool{
		"com": true, "co.uk": true, "uk": true, "github.io": true, "zzz-unknown": true,
		"amazonaws.com":             true, // s3.amazonaws.com and others below it
		"compute.amazonaws.com":     true, // *.compute.amazonaws.com
		"s3.amazonaws.com":          true,
		"kawasaki.jp":               true, // *.kawasaki.jp
		"foo.kawasaki.jp":           true,
		"city.kawasaki.jp":          false, // !city.kawasaki.jp: registrable
		"example.com":               false,
		"app.example.com":           false,
		"example.co.uk":             false,
		"localhost":                 false,
		"app.localhost":             false,
		"mybucket.s3.amazonaws.com": false,
	} {
		if got := publicSuffixAtOrBelow(host); got != want {
			t.Errorf("publicSuffixAtOrBelow(%q) = %v, want %v", host, got, want)
		}
	}
}

// TestPublicSuffixListAgreesWithXNet: every rule of the generated list is a
// rule for golang.org/x/net/publicsuffix too, which it was generated from,
// and every name publicSuffixes yields, and each of its parents, is at or
// above a public suffix.
func TestPublicSuffixListAgreesWithXNet(t *testing.T) {
	n := 0
	for name := range publicSuffixes {
		n++
		ps, _ := publicsuffix.PublicSuffix("corskitprobe." + name)
		if ps != name && !strings.HasSuffix(ps, "."+name) {
			t.Errorf("x/net: public suffix of corskitprobe.%s is %s", name, ps)
		}
		for h := name; h != ""; {
			if !publicSuffixAtOrBelow(h) {
				t.Errorf("publicSuffixAtOrBelow(%q) = false, below it is %s", h, name)
			}
			_, h, _ = strings.Cut(h, ".")
		}
	}
	if n < 9000 {
		t.Errorf("the list has %d rules, want the whole Public Suffix List", n)
	}
}
