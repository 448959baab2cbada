package corstest

import (
	"net/http"
	"sync"
	"testing"

	cors "github.com/corskit/corskit/core"
)

// Two configurations RunUpdate swaps between. Each allows one origin, with
// its own exposed header and credentials setting, so that every response
// shows which configuration decided it.
func updateConfigs() [2]cors.Config {
	return [2]cors.Config{
		{AllowOrigins: []string{AllowedOrigin}, AllowCredentials: true, ExposeHeaders: []string{"X-A"}, AllowMethods: []string{"PUT"}},
		{AllowOrigins: []string{OtherAllowed}, ExposeHeaders: []string{"X-B"}, AllowMethods: []string{"PUT"}},
	}
}

// decidedBy returns 0 or 1, the configuration that alone explains r, a
// response to an actual GET or a preflight from origin; or -1 for a response
// that mixes them or matches neither.
func decidedBy(origin string, preflight bool, r Response) int {
	acao := r.Header.Get("Access-Control-Allow-Origin")
	acac := r.Header.Get("Access-Control-Allow-Credentials")
	aceh := r.Header.Get("Access-Control-Expose-Headers")
	allowedStatus, refusedStatus := http.StatusOK, http.StatusOK
	if preflight {
		allowedStatus, refusedStatus = http.StatusNoContent, http.StatusForbidden
	}
	allowed0 := acao == AllowedOrigin && acac == "true" && (preflight || aceh == "X-A") && r.Status == allowedStatus
	allowed1 := acao == OtherAllowed && acac == "" && (preflight || aceh == "X-B") && r.Status == allowedStatus
	refused := acao == "" && acac == "" && aceh == "" && r.Status == refusedStatus
	switch {
	case origin == AllowedOrigin && allowed0, origin == OtherAllowed && refused:
		return 0
	case origin == OtherAllowed && allowed1, origin == AllowedOrigin && refused:
		return 1
	}
	return -1
}

// RunUpdate checks run-time reconfiguration through newServer: several
// goroutines send actual requests and preflights from two origins while
// another swaps the policy between two configurations (run it with -race).
// Every response must come from one configuration as a whole; after the
// swaps the last configuration must be in force; an invalid update must be
// refused and change nothing.
func RunUpdate(t *testing.T, newServer NewServer) {
	cfgs := updateConfigs()
	p, err := cors.New(cfgs[0])
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, p, http.HandlerFunc(DefaultApp))
	check := func(origin string, preflight bool) int {
		var r Response
		var err error
		if preflight {
			r, err = Send(srv, "OPTIONS", "/resource", "Origin", origin, "Access-Control-Request-Method", "PUT")
		} else {
			r, err = Send(srv, "GET", "/resource", "Origin", origin)
		}
		if err != nil {
			t.Error(err)
			return -1
		}
		by := decidedBy(origin, preflight, r)
		if by < 0 {
			t.Errorf("origin %s, preflight %v: %d %v matches neither configuration", origin, preflight, r.Status, r.Header)
		}
		return by
	}
	if check(AllowedOrigin, false) != 0 {
		t.Fatal("the first configuration is not in force")
	}

	var readers sync.WaitGroup
	for g := 0; g < 4; g++ {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for i := 0; i < 100 && !t.Failed(); i++ {
				check([]string{AllowedOrigin, OtherAllowed}[(g+i)%2], i%3 == 0)
			}
		}()
	}
	done := make(chan struct{})
	go func() { readers.Wait(); close(done) }()
	for i := 1; ; i++ {
		select {
		case <-done:
			if err := p.Update(cfgs[1]); err != nil {
				t.Fatal(err)
			}
			if check(AllowedOrigin, false) != 1 || check(OtherAllowed, true) != 1 {
				t.Error("the last configuration is not in force")
			}
			if p.Update(cors.Config{}) == nil || check(OtherAllowed, false) != 1 {
				t.Error("an invalid update was accepted or changed the policy")
			}
			return
		default:
		}
		if err := p.Update(cfgs[i%2]); err != nil {
			t.Fatal(err)
		}
	}
}
