package cors

// Bit sets of the bytes below 128 that may appear in an HTTP token
// (RFC 9110, section 5.6.2): ALPHA, DIGIT and !#$%&'*+-.^_`|~.
const (
	tokenLo uint64 = 1<<'!' | 1<<'#' | 1<<'$' | 1<<'%' | 1<<'&' | 1<<'\'' | 1<<'*' |
		1<<'+' | 1<<'-' | 1<<'.' | 0x3ff<<'0'
	tokenHi uint64 = 0x3ffffff<<('A'-64) | 1<<('^'-64) | 1<<('_'-64) | 1<<('`'-64) |
		0x3ffffff<<('a'-64) | 1<<('|'-64) | 1<<('~'-64)
)

func isTokenByte(c byte) bool {
	if c < 64 {
		return tokenLo&(1<<c) != 0
	}
	return c < 128 && tokenHi&(1<<(c-64)) != 0
}

// isToken reports whether s is a non-empty HTTP token.
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isTokenByte(s[i]) {
			return false
		}
	}
	return true
}

// lowerASCII returns s with A-Z mapped to a-z.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
