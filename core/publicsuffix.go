package cors

import (
	"strings"

	"golang.org/x/net/publicsuffix"
)

//go:generate go run gen_publicsuffix.go

// publicSuffixAtOrBelow reports whether a public suffix of the Public
// Suffix List (ICANN or private section) is host itself or lies below it:
// whether the pattern "*.host" can match a name that anyone can register.
// host is lower-case ASCII, as a browser serializes it. x/net answers for
// host itself (an unknown top-level domain counts, a "!" exception does
// not); publicSuffixList, for the names below it. Loopback names never
// count.
func publicSuffixAtOrBelow(host string) bool {
	if isLoopbackHost(host) {
		return false
	}
	ps, _ := publicsuffix.PublicSuffix(host)
	return ps == host || strings.Contains(publicSuffixList, "."+host+"\n")
}

// publicSuffixes yields a name for every rule of the list, for probing: a
// rule as it is ("github.io"), and for a wildcard rule ("*.kawasaki.jp")
// one of the names it makes a public suffix ("x.kawasaki.jp"). Exception
// rules are not in the list. The names are substrings of the list, and of
// one buffer for the wildcard rules' names: one allocation in all.
func publicSuffixes(yield func(string) bool) {
	var names strings.Builder // append-only: a name once yielded never changes
	for rule := range strings.Lines(publicSuffixList) {
		rule = rule[:len(rule)-1]
		if base, ok := strings.CutPrefix(rule, "*."); ok {
			if names.Cap() == 0 {
				names.Grow(8 << 10) // today's 278 wildcard rules' names fill 6 KB
			}
			n := names.Len()
			names.WriteString("x.")
			names.WriteString(base)
			rule = names.String()[n:]
		}
		if !yield(rule) {
			return
		}
	}
}
