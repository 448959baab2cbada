package cors

// A stringSet is a set of non-empty strings, filled when a policy is
// compiled and only read afterwards: the exact origins, the methods and the
// header names that requests are looked up in. It is an open-addressing
// table kept at most half full. Each slot keeps its key's first sixteen
// bytes packed into two words beside the key, so that a look-up of a key of
// up to sixteen bytes (every method and most header names) loads the key's
// words once, hashes them with two multiplications and compares words: no
// byte loop, no call to compare memory. A longer key (an origin) is hashed
// a word at a time and only its bytes past the sixteenth are compared, also
// a word at a time, with no call to compare memory: one or two words up to
// 32 bytes (most origins, a browser's Access-Control-Request-Headers line).
// Either costs less than a look-up in a map. The keys are the policy's own,
// so a request cannot lengthen a probe sequence: the longest it can meet is
// fixed when the policy is compiled, and TestProbeLengths holds it short
// for keys that differ in few bytes.
type stringSet struct {
	slots []setSlot // a power of two long, or empty
	shift uint8     // 64 - log2(len(slots)): a hash's top bits index slots
	n     int
}

// A setSlot holds one key, or none when key is "".
type setSlot struct {
	w0, w1 uint64 // the key's first sixteen bytes, packed: see find
	key    string
}

// add adds k, which must not be empty.
func (s *stringSet) add(k string) {
	if 2*(s.n+1) > len(s.slots) {
		old := s.slots
		size := max(8, 2*len(old))
		s.slots, s.n, s.shift = make([]setSlot, size), 0, 64
		for ; size > 1; size >>= 1 {
			s.shift--
		}
		for _, v := range old {
			if v.key != "" {
				s.insert(v.key)
			}
		}
	}
	s.insert(k)
}

func (s *stringSet) insert(k string) {
	i, w0, w1, found := s.find(k)
	if !found {
		s.slots[i] = setSlot{w0: w0, w1: w1, key: k}
		s.n++
	}
}

// has reports whether k is in the set.
func (s *stringSet) has(k string) bool {
	_, _, _, found := s.find(k)
	return found
}

// index returns the slot holding k, or -1. A slot does not change once the
// set is filled.
func (s *stringSet) index(k string) int {
	if i, _, _, found := s.find(k); found {
		return i
	}
	return -1
}

// find returns the slot holding k, or else the free slot where k belongs,
// and k's packed words; in a set without slots, -1 and not found.
//
// The words pack k's first sixteen bytes, so that two keys of the same
// length up to sixteen bytes are equal exactly when their words are. They
// are read a word at a time where the key is long enough, overlapping
// rather than looping over bytes; a key shorter than four bytes is spread
// over three bytes of w0 (its first, middle and last), which identifies it
// given its length. It is all written out here, in one function, because a
// call for each step costs as much as the steps.
func (s *stringSet) find(k string) (i int, w0, w1 uint64, found bool) {
	switch n := len(k); {
	case n >= 16:
		w0, w1 = le64(k), le64(k[8:])
	case n >= 8:
		w0, w1 = le64(k), le64(k[n-8:])>>(8*(16-n))
	case n >= 4:
		w0 = le32(k) | le32(k[n-4:])>>(8*(8-n))<<32
	case n > 0:
		w0 = uint64(k[0]) | uint64(k[n/2])<<8 | uint64(k[n-1])<<16
	}
	// Hash: the length and the words, and for a longer key every further
	// eight bytes (the last eight overlapping the word before them),
	// multiplied into the high bits, which index the slots. It is not meant
	// to resist anyone choosing keys: only the policy chooses them.
	const m0, m1 = 0x9e3779b97f4a7c15, 0xc2b2ae3d27d4eb4f
	h := w0*m0 ^ w1 ^ uint64(len(k))
	switch n := len(k); {
	case n <= 16:
	case n <= 24:
		h ^= le64(k[n-8:]) * m1
	case n <= 32: // the loop below, unrolled
		h = (h ^ le64(k[16:24])) * m0
		h ^= le64(k[n-8:]) * m1
	default:
		for j := 16; j < n-8; j += 8 {
			h = (h ^ le64(k[j:])) * m0
		}
		h ^= le64(k[n-8:]) * m1
	}
	if len(s.slots) == 0 {
		return -1, w0, w1, false
	}
	mask := len(s.slots) - 1
probe:
	for i = int(h * m1 >> (s.shift & 63)); ; i = (i + 1) & mask {
		v := &s.slots[i]
		if v.key == "" {
			return i, w0, w1, false
		}
		if v.w0 != w0 || v.w1 != w1 || len(v.key) != len(k) {
			continue
		}
		// The bytes past the sixteenth, a word at a time, the last word
		// overlapping the one before it. v.key's last word is sliced from
		// its own length (equal to n), which the compiler slices without
		// further arithmetic.
		switch n := len(k); {
		case n <= 16:
		case n <= 24:
			if le64(v.key[len(v.key)-8:]) != le64(k[n-8:]) {
				continue
			}
		case n <= 32: // the loop below, unrolled
			if le64(v.key[16:24]) != le64(k[16:24]) || le64(v.key[len(v.key)-8:]) != le64(k[n-8:]) {
				continue
			}
		default:
			for j := 16; j < n-8; j += 8 {
				if le64(v.key[j:j+8]) != le64(k[j:j+8]) {
					continue probe
				}
			}
			if le64(v.key[len(v.key)-8:]) != le64(k[n-8:]) {
				continue
			}
		}
		return i, w0, w1, true
	}
}

// le64 reads the first eight bytes of s as a little-endian word.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// le32 reads the first four bytes of s as a little-endian word.
func le32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}
