package corsgin_test

import (
	"sync"
	"testing"

	corsgin "github.com/corskit/corskit/adapters/gin"
	cors "github.com/corskit/corskit/core"
	"github.com/gin-gonic/gin"
)

// Two configurations the concurrency test swaps between: each allows one
// of the two origins, with its own credentials and exposed header, so that
// every response shows which configuration decided it.
func configA() cors.Config {
	return cors.Config{AllowOrigins: []string{origin}, AllowCredentials: true, ExposeHeaders: []string{"X-A"}}
}

func configB() cors.Config {
	return cors.Config{AllowOrigins: []string{otherOrigin}, ExposeHeaders: []string{"X-B"}}
}

// decidedBy returns "A" or "B" for a response to an actual GET or a
// preflight from origin o that one configuration alone explains, or ""
// for a response that mixes them or matches neither.
func decidedBy(o string, preflight bool, r response) string {
	acao, acac, aceh := r.Header.Get("Access-Control-Allow-Origin"), r.Header.Get("Access-Control-Allow-Credentials"), r.Header.Get("Access-Control-Expose-Headers")
	allowedA := acao == origin && acac == "true" && (preflight || aceh == "X-A")
	allowedB := acao == otherOrigin && acac == "" && (preflight || aceh == "X-B")
	refused := acao == "" && acac == "" && aceh == ""
	if preflight {
		allowedA = allowedA && r.Code == 204
		allowedB = allowedB && r.Code == 204
		refused = refused && r.Code == 403
	}
	switch {
	case o == origin && allowedA, o == otherOrigin && refused:
		return "A"
	case o == otherOrigin && allowedB, o == origin && refused:
		return "B"
	}
	return ""
}

// TestConcurrentUpdate sends actual requests and preflights from both
// origins from several goroutines while the policy is swapped between the
// two configurations; run it with -race. Every response must come from one
// configuration as a whole, and the last swap must be seen.
func TestConcurrentUpdate(t *testing.T) {
	p := cors.MustNew(configA())
	r := gin.New()
	r.Use(corsgin.FromPolicy(p))
	r.GET("/items", ok)
	check := func(o string, isPreflight bool) string {
		var resp response
		if isPreflight {
			resp = serve(r, "OPTIONS", "/items", preflight(o, "GET")...)
		} else {
			resp = serve(r, "GET", "/items", "Origin", o)
		}
		by := decidedBy(o, isPreflight, resp)
		if by == "" {
			t.Errorf("origin %s, preflight %v: %d %v matches neither configuration", o, isPreflight, resp.Code, resp.Header)
		}
		return by
	}
	if check(origin, false) != "A" {
		t.Fatal("the first configuration is not in force")
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				check([]string{origin, otherOrigin}[(g+i)%2], i%3 == 0)
			}
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	swap(t, p, done)
	if err := p.Update(configB()); err != nil {
		t.Fatal(err)
	}
	if check(origin, false) != "B" || check(otherOrigin, true) != "B" {
		t.Error("the last configuration is not in force")
	}
	// An invalid configuration is refused and changes nothing.
	if p.Update(cors.Config{}) == nil || check(otherOrigin, false) != "B" {
		t.Error("an invalid update was accepted or changed the policy")
	}
}

// swap alternates p between the two configurations until done is closed.
func swap(t *testing.T, p *cors.Policy, done <-chan struct{}) {
	for i := 0; ; i++ {
		select {
		case <-done:
			return
		default:
		}
		cfg := configB()
		if i%2 == 1 {
			cfg = configA()
		}
		if err := p.Update(cfg); err != nil {
			t.Fatal(err)
		}
	}
}
