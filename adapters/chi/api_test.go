package corschi_test

import (
	"errors"
	"strings"
	"testing"

	corschi "github.com/corskit/corskit/adapters/chi"
	cors "github.com/corskit/corskit/core"
)

// TestNewPanicsWithTheFullConfigError: New refuses a bad configuration at
// once, with the core's error naming every problem.
func TestNewPanicsWithTheFullConfigError(t *testing.T) {
	defer func() {
		err, _ := recover().(error)
		var ce *cors.ConfigError
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), "AllowOrigins[0]") || !strings.Contains(err.Error(), "MaxAge") {
			t.Errorf("New panicked with %v, want the config error naming AllowOrigins[0] and MaxAge", err)
		}
	}()
	corschi.New(corschi.Config{AllowOrigins: []string{"https://example.com/"}, MaxAge: 1 << 20})
}

// TestFromPolicyRefusesNil: a nil policy (say, from an ignored cors.New
// error) is refused when the middleware is built, not at the first request.
func TestFromPolicyRefusesNil(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("FromPolicy(nil) did not panic")
		}
	}()
	corschi.FromPolicy(nil)
}
