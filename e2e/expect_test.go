package e2e

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	cors "github.com/corskit/corskit/core"
)

// policy returns the configuration most scenarios start from: the allowed
// page origin, PUT besides the simple methods, the X-Custom request header,
// and the X-Exposed response header exposed.
func (p pages) policy() cors.Config {
	return cors.Config{
		AllowOrigins:  []string{p.allowed},
		AllowMethods:  []string{"PUT"},
		AllowHeaders:  []string{"X-Custom"},
		ExposeHeaders: []string{exposedHeader},
	}
}

// summary names a request the server received: "preflight PUT" for a
// preflight asking for PUT, the method otherwise.
func (s seen) summary() string {
	if s.preflight() {
		return "preflight " + s.RequestMethod
	}
	return s.Method
}

// wantServer checks the requests the API received for the case id, by
// summary and in order, and returns them.
func (a *api) wantServer(t *testing.T, id string, want ...string) []seen {
	t.Helper()
	got := a.log.requests(id)
	sums := make([]string, len(got))
	for i, s := range got {
		sums[i] = s.summary()
	}
	if !slices.Equal(sums, want) {
		t.Errorf("want the server to receive [%s]; %s", strings.Join(want, ", "), history(got))
	}
	return got
}

// wantOrigin checks that every request in requests carried Origin: origin.
func wantOrigin(t *testing.T, requests []seen, origin string) {
	t.Helper()
	for _, s := range requests {
		if len(s.Origin) != 1 || s.Origin[0] != origin {
			t.Errorf("want every request from Origin %q; %s", origin, history(requests))
			return
		}
	}
}

// echo decodes the body of an /api/echo response the page read.
func (v verdict) echo(t *testing.T) echoed {
	t.Helper()
	var e echoed
	if err := json.Unmarshal([]byte(v.Body), &e); err != nil {
		t.Errorf("the page read no echo body (%v); %v; body %q", err, v, v.Body)
	}
	return e
}

// received returns the value of the response header name as the browser
// received it from the network, before CORS filtering.
func (v verdict) received(name string) (string, bool) {
	for k, val := range v.net.headers {
		if strings.EqualFold(k, name) {
			return fmt.Sprint(val), true
		}
	}
	return "", false
}
