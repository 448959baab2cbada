package cors

// A stringSet is a set of short non-empty strings, filled when a policy is
// compiled and only read afterwards: the methods and the header names that
// preflights are looked up in. It is an open-addressing table kept at most
// half full, hashed over every byte of the key with no random seed, so that
// a look-up is one short hash and, on average, fewer than two comparisons:
// for a name of a word or two, about half the instructions of a look-up in
// a map. (Origins, longer and more numerous, stay in maps, whose hashing
// and probing are faster for them.) The keys are the policy's own, so a
// request cannot lengthen a probe sequence: the longest it can meet is
// fixed when the policy is compiled.
type stringSet struct {
	slots []string // a power of two long, or empty; "" marks a free slot
	n     int
}

// add adds k, which must not be empty.
func (s *stringSet) add(k string) {
	if 2*(s.n+1) > len(s.slots) {
		old := s.slots
		s.slots, s.n = make([]string, max(8, 2*len(old))), 0
		for _, v := range old {
			if v != "" {
				s.insert(v)
			}
		}
	}
	s.insert(k)
}

func (s *stringSet) insert(k string) {
	mask := uint64(len(s.slots) - 1)
	for i := hashString(k) & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case k:
			return
		case "":
			s.slots[i] = k
			s.n++
			return
		}
	}
}

// has reports whether k is in the set.
func (s *stringSet) has(k string) bool { return has(s, k) }

// hasBytes is has for a key in a buffer: it does not copy it.
func (s *stringSet) hasBytes(k []byte) bool { return has(s, k) }

func has[K ~string | ~[]byte](s *stringSet, k K) bool {
	if s.n == 0 {
		return false
	}
	mask := uint64(len(s.slots) - 1)
	for i := hashString(k) & mask; ; i = (i + 1) & mask {
		switch v := s.slots[i]; {
		case v == string(k):
			return v != ""
		case v == "":
			return false
		}
	}
}

// hashString mixes every byte of s into the low bits of the result: eight
// bytes at a time, each word multiplied in and its high bits folded down.
// It is not meant to resist anyone choosing keys: only the policy chooses
// them.
func hashString[K ~string | ~[]byte](s K) uint64 {
	const m = 0x9e3779b97f4a7c15
	h := uint64(len(s)) * m
	if len(s) < 8 {
		var w uint64
		for i := 0; i < len(s); i++ {
			w |= uint64(s[i]) << (8 * i)
		}
		return mix(h, w)
	}
	last := s[len(s)-8:] // may overlap the word before it
	for ; len(s) > 8; s = s[8:] {
		h = mix(h, le64(s))
	}
	return mix(h, le64(last))
}

func mix(h, w uint64) uint64 {
	h = (h ^ w) * 0x9e3779b97f4a7c15
	return h ^ h>>29
}

// le64 reads the first eight bytes of s as a little-endian word.
func le64[K ~string | ~[]byte](s K) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
