package cors

import (
	"strings"
	"testing"
)

// TestByteClass checks the byteClass table against RFC 9110's tchar.
func TestByteClass(t *testing.T) {
	const tchar = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	if len(byteClass) != 256 {
		t.Fatalf("len(byteClass) = %d", len(byteClass))
	}
	for c := 0; c < 256; c++ {
		want := byte(0)
		switch {
		case 'A' <= c && c <= 'Z':
			want = 1 | classUpper
		case c < 128 && strings.IndexByte(tchar, byte(c)) >= 0:
			want = 1
		}
		if byteClass[c] != want {
			t.Errorf("byteClass[%#x] = %d, want %d", c, byteClass[c], want)
		}
	}
}
