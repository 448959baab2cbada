package cors_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	cors "github.com/corskit/corskit/core"
)

// TestStandardCrossOriginProtection: Policy.CrossOriginProtection gives
// net/http's protection the policy's exact origins, and says why it
// cannot when an origin is allowed in another form.
func TestStandardCrossOriginProtection(t *testing.T) {
	p := cors.MustNew(cors.Config{AllowOrigins: []string{app, "https://admin.example.com"}, AllowCredentials: true})
	cop, err := p.CrossOriginProtection()
	if err != nil {
		t.Fatal(err)
	}
	for origin, allowed := range map[string]bool{app: true, "https://admin.example.com": true, "https://evil.example": false} {
		r := httptest.NewRequest("POST", "https://api.example.com/orders", nil)
		r.Header.Set("Origin", origin)
		r.Header.Set("Sec-Fetch-Site", "cross-site")
		if got := cop.Check(r) == nil; got != allowed {
			t.Errorf("Check from %s: allowed = %v, want %v", origin, got, allowed)
		}
	}
	for _, c := range []struct {
		cfg  cors.Config
		want string
	}{
		{cors.Config{AllowOrigins: []string{app, "https://*.example.com"}}, `AllowOrigins entry "https://*.example.com" is not an exact origin`},
		{cors.Config{AllowOrigins: []string{"http://localhost:*"}}, `AllowOrigins entry "http://localhost:*" is not an exact origin`},
		{cors.Config{AllowOrigins: []string{"*"}}, `AllowOrigins entry "*" is not an exact origin`},
		{cors.Config{AllowOriginRegex: `https://[a-z]+\.example\.com`}, `AllowOriginRegex`},
		{cors.Config{AllowOriginFunc: func(string) bool { return true }}, `AllowOriginFunc`},
	} {
		_, err := cors.MustNew(c.cfg).CrossOriginProtection()
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "Config.CrossOriginProtection") {
			t.Errorf("%+v: %v, want an error naming %s and the way out", c.cfg, err, c.want)
		}
	}
}

// Example_crossOriginProtection turns on the protection against cross-site
// request forgery that trusts the origins CORS allows: a form posted from
// another site is refused, one from the front end passes.
func Example_crossOriginProtection() {
	policy := cors.MustNew(cors.Config{
		AllowOrigins:          []string{"https://app.example.com"},
		AllowCredentials:      true,
		CrossOriginProtection: true,
	})
	handler := policy.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "order placed")
	}))
	for _, origin := range []string{"https://evil.example", "https://app.example.com"} {
		r := httptest.NewRequest("POST", "https://api.example.com/orders", nil)
		r.Header.Set("Origin", origin)
		r.Header.Set("Sec-Fetch-Site", "cross-site")
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, r)
		fmt.Printf("%s: %d %s", origin, w.Code, w.Body)
	}
	// Output:
	// https://evil.example: 403 Cross-origin request refused
	// https://app.example.com: 200 order placed
}
