package cors

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

func TestStringSet(t *testing.T) {
	var s stringSet
	if s.has("") || s.has("x") {
		t.Fatal("the empty set has a member")
	}
	var keys []string
	for i := range 1000 {
		keys = append(keys, "x-header-"+strconv.Itoa(i))
	}
	keys = append(keys, "GET", "x", "content-type", "12345678", "123456789")
	for _, k := range keys {
		s.add(k)
		s.add(k)
	}
	if s.n != len(keys) || 2*s.n > len(s.slots) {
		t.Errorf("%d keys in %d slots, want %d in at least twice as many", s.n, len(s.slots), len(keys))
	}
	for _, k := range keys {
		if !s.has(k) {
			t.Errorf("%q missing", k)
		}
		for _, other := range []string{strings.ToUpper(k), k + "/", k[:len(k)-1], "x" + k} {
			if other != k && s.has(other) && !contains(keys, other) {
				t.Errorf("%q found", other)
			}
		}
	}
	if s.has("") {
		t.Error(`"" found`)
	}
}

func contains(list []string, k string) bool {
	for _, v := range list {
		if v == k {
			return true
		}
	}
	return false
}

// FuzzStringSet holds the set to a map.
func FuzzStringSet(f *testing.F) {
	f.Add("https://a.example.com,https://b.example.com", "https://b.example.com")
	f.Add("GET,PUT,DELETE", "PATCH")
	f.Add("12345678,123456789,1234567", "12345678")
	f.Add("a,ab,abc,abcd,abcde", "aXc")
	f.Add("0123456789abcdef,0123456789abcdefg,0123456789abcdefh", "0123456789abcdeg")
	f.Add("a\x00,a", "a\x00\x00")
	f.Fuzz(func(t *testing.T, members, probe string) {
		var s stringSet
		m := map[string]bool{}
		for _, k := range strings.Split(members, ",") {
			if k != "" {
				s.add(k)
				m[k] = true
			}
		}
		for _, k := range append(strings.Split(members, ","), probe) {
			if s.has(k) != m[k] {
				t.Fatalf("has(%q) = %v, want %v", k, s.has(k), m[k])
			}
		}
	})
}

// TestPackedWords checks that find packs any two keys of the same length
// up to sixteen bytes into different words: it flips every bit of every
// byte in turn.
func TestPackedWords(t *testing.T) {
	var s stringSet
	s.add("x")
	packKey := func(k string) (w0, w1 uint64) {
		_, w0, w1, _ = s.find(k)
		return w0, w1
	}
	for n := 1; n <= 16; n++ {
		k := []byte(strings.Repeat("k", n))
		w0, w1 := packKey(string(k))
		for i := range n {
			for bit := range 8 {
				k[i] ^= 1 << bit
				if v0, v1 := packKey(string(k)); v0 == w0 && v1 == w1 {
					t.Fatalf("packKey(%q) = packKey(%q)", k, strings.Repeat("k", n))
				}
				k[i] ^= 1 << bit
			}
		}
	}
}

// TestProbeLengths: keys that differ in a few bytes anywhere (numbered
// origins, header names with a common prefix) spread over the table, so
// that no look-up walks a long run of slots.
func TestProbeLengths(t *testing.T) {
	families := map[string]func(i int) string{
		"origins, number in the host": func(i int) string { return fmt.Sprintf("https://customer-%04d.example.com", i) },
		"origins, number in the port": func(i int) string { return fmt.Sprintf("https://app.example.com:%d", 1000+i) },
		// 30 bytes, the number in bytes 18-21 only: in neither the first
		// sixteen nor the last eight.
		"origins, number in the third word": func(i int) string { return fmt.Sprintf("https://app.tenant%04d.example", i) },
		"long header names":                 func(i int) string { return fmt.Sprintf("x-custom-header-%04d", i) },
		"short names":                       func(i int) string { return strconv.Itoa(i) },
	}
	for name, key := range families {
		var s stringSet
		for i := range 1000 {
			s.add(key(i))
		}
		longest := 0
		mask := len(s.slots) - 1
		for i := range 1000 {
			at, _, _, found := s.find(key(i))
			home, _, _, _ := (&stringSet{slots: make([]setSlot, len(s.slots)), shift: s.shift}).find(key(i))
			if !found {
				t.Fatalf("%s: %q missing", name, key(i))
			}
			longest = max(longest, (at-home)&mask)
		}
		if longest > 24 {
			t.Errorf("%s: a look-up walks %d slots past its key's home slot", name, longest)
		}
	}
}

// TestLongKeyTails checks that find compares the bytes of a long key past
// its sixteenth: a slot holding a key that differs from the one looked up
// in any one of those bytes only, with the same words and in the slot the
// look-up reaches, is not a match.
func TestLongKeyTails(t *testing.T) {
	for n := 17; n <= 40; n++ {
		key := strings.Repeat("k", n)
		for i := 16; i < n; i++ {
			var s stringSet
			s.add(key)
			at := s.index(key)
			other := []byte(key)
			other[i] ^= 1
			s.slots[at].key = string(other)
			if s.has(key) {
				t.Errorf("%d bytes: %q found in a slot holding %q", n, key, other)
			}
		}
	}
}
