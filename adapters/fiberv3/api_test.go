package corsfiber_test

import (
	"fmt"
	"strings"
	"testing"

	corsfiber "github.com/corskit/corskit/adapters/fiberv3"
	cors "github.com/corskit/corskit/core"
)

// TestConstructorsPanic: New refuses a bad configuration with the core's
// error, naming every problem; FromPolicy refuses a nil policy when the
// middleware is built, not at the first request.
func TestConstructorsPanic(t *testing.T) {
	cfg := cors.Config{AllowOrigins: []string{"*"}, AllowCredentials: true, ExposeHeaders: []string{"Set-Cookie"}}
	_, want := cors.New(cfg)
	err, ok := panicValue(func() { corsfiber.New(cfg) }).(error)
	if !ok || want == nil || err.Error() != want.Error() ||
		!strings.Contains(err.Error(), "AllowOrigins[0]") || !strings.Contains(err.Error(), "ExposeHeaders[0]") {
		t.Errorf("New panicked with %v, want %v, naming AllowOrigins[0] and ExposeHeaders[0]", err, want)
	}
	if got := panicValue(func() { corsfiber.FromPolicy(nil) }); !strings.Contains(fmt.Sprint(got), "nil") {
		t.Errorf("FromPolicy(nil) panicked with %v", got)
	}
}

func panicValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}
