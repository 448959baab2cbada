package corschi_test

import (
	"errors"
	"strings"
	"testing"

	corschi "github.com/corskit/corskit/adapters/chi"
	cors "github.com/corskit/corskit/core"
)

// TestConstructorsPanic: New refuses a bad configuration at once, with the
// core's error naming every problem; FromPolicy refuses a nil policy (say,
// from an ignored cors.New error) when the middleware is built.
func TestConstructorsPanic(t *testing.T) {
	cfg := corschi.Config{AllowOrigins: []string{"https://example.com/"}, MaxAge: 1 << 20}
	_, want := cors.New(cfg)
	err, _ := panicValue(func() { corschi.New(cfg) }).(error)
	var ce *cors.ConfigError
	if !errors.As(err, &ce) || want == nil || err.Error() != want.Error() ||
		!strings.Contains(err.Error(), "AllowOrigins[0]") || !strings.Contains(err.Error(), "MaxAge") {
		t.Errorf("New panicked with %v, want %v, naming AllowOrigins[0] and MaxAge", err, want)
	}
	if panicValue(func() { corschi.FromPolicy(nil) }) == nil {
		t.Error("FromPolicy(nil) did not panic")
	}
}

func panicValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}
