package cors

import (
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

func TestStringSetBytes(t *testing.T) {
	var s stringSet
	s.add("x-a-rather-long-header-name-of-forty-bytes")
	b := []byte("x-a-rather-long-header-name-of-forty-bytes")
	if !s.hasBytes(b) || s.hasBytes(b[1:]) || hashString(b) != hashString(string(b)) {
		t.Error("hasBytes disagrees with has")
	}
	if n := testing.AllocsPerRun(100, func() { s.hasBytes(b) }); n != 0 {
		t.Errorf("hasBytes allocates %v times", n)
	}
}
