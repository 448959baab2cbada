package corsecho_test

import (
	"errors"
	"strings"
	"testing"

	corsecho "github.com/corskit/corskit/adapters/echov5"
	cors "github.com/corskit/corskit/core"
)

// TestConstructorsPanic: New refuses a bad configuration at once, with the
// core's error naming every problem; FromPolicy refuses a nil policy when
// the middleware is built, not on the first request.
func TestConstructorsPanic(t *testing.T) {
	cfg := corsecho.Config{AllowOrigins: []string{"https://example.com/"}, MaxAge: 1 << 20}
	_, want := cors.New(cfg)
	err, _ := panicValue(func() { corsecho.New(cfg) }).(error)
	var ce *cors.ConfigError
	if !errors.As(err, &ce) || want == nil || err.Error() != want.Error() ||
		!strings.Contains(err.Error(), "AllowOrigins[0]") || !strings.Contains(err.Error(), "MaxAge") {
		t.Errorf("New panicked with %v, want %v, naming AllowOrigins[0] and MaxAge", err, want)
	}
	if panicValue(func() { corsecho.FromPolicy(nil) }) == nil {
		t.Error("FromPolicy(nil) did not panic")
	}
}

func panicValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}
