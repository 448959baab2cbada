package corsfiber_test

import (
	"fmt"
	"strings"
	"testing"

	corsfiber "github.com/corskit/corskit/adapters/fiber"
	cors "github.com/corskit/corskit/core"
)

// TestNewPanicsWithEveryProblem: New refuses a bad configuration with the
// core's error, naming every problem.
func TestNewPanicsWithEveryProblem(t *testing.T) {
	cfg := cors.Config{
		AllowOrigins:     []string{"*"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"Set-Cookie"},
	}
	_, want := cors.New(cfg)
	got := panicValue(func() { corsfiber.New(cfg) })
	err, ok := got.(error)
	if !ok || want == nil || err.Error() != want.Error() {
		t.Fatalf("New panicked with %v, want %v", got, want)
	}
	for _, field := range []string{"AllowOrigins[0]", "ExposeHeaders[0]"} {
		if !strings.Contains(err.Error(), field) {
			t.Errorf("error %q does not name %s", err, field)
		}
	}
}

func TestFromPolicyNil(t *testing.T) {
	got := panicValue(func() { corsfiber.FromPolicy(nil) })
	if !strings.Contains(fmt.Sprint(got), "nil") {
		t.Fatalf("FromPolicy(nil) panicked with %v", got)
	}
}

func panicValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}
