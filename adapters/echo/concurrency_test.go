package corsecho_test

import (
	"net/http"
	"strings"
	"sync"
	"testing"

	corsecho "github.com/corskit/corskit/adapters/echo"
	cors "github.com/corskit/corskit/core"
)

// Two configurations the policy alternates between: each allows one origin
// and one extra method, so a response mixing them is detectable.
func swapConfigs() [2]cors.Config {
	return [2]cors.Config{
		{AllowOrigins: []string{"https://a.example"}, AllowMethods: []string{"PUT"}, AllowCredentials: true},
		{AllowOrigins: []string{"https://b.example"}, AllowMethods: []string{"DELETE"}},
	}
}

// TestConcurrentUpdate sends requests from many goroutines, run with -race,
// while the policy is replaced: every response must be wholly the answer
// of one configuration or of the other.
func TestConcurrentUpdate(t *testing.T) {
	cfgs := swapConfigs()
	p := cors.MustNew(cfgs[0])
	e := newEcho()
	e.Use(corsecho.FromPolicy(p))
	e.GET("/items", ok)

	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := p.Update(cfgs[i%2]); err != nil {
				t.Error(err)
				return
			}
		}
	})
	var clients sync.WaitGroup
	for g := range 4 {
		clients.Go(func() {
			for i := range 200 {
				checkSwapped(t, e, (g+i)%2 == 0, i%3 == 0)
			}
		})
	}
	clients.Wait()
	close(stop)
	wg.Wait()
}

// checkSwapped sends one request from origin a or b, a preflight or a GET,
// and checks that the answer is consistent with one of swapConfigs.
func checkSwapped(t *testing.T, h http.Handler, fromA, isPreflight bool) {
	origin, method, cred := "https://b.example", "DELETE", ""
	if fromA {
		origin, method, cred = "https://a.example", "PUT", "true"
	}
	if !isPreflight {
		w := serve(h, "GET", "/items", "Origin", origin)
		acao := w.Header().Get("Access-Control-Allow-Origin")
		if w.Code != 200 || (acao != "" && (acao != origin || w.Header().Get("Access-Control-Allow-Credentials") != cred)) {
			t.Errorf("GET from %s: %d %v", origin, w.Code, w.Header())
		}
		return
	}
	w := serve(h, "OPTIONS", "/items", "Origin", origin, "Access-Control-Request-Method", method)
	h2 := w.Header()
	switch w.Code {
	case 204:
		if h2.Get("Access-Control-Allow-Origin") != origin || !strings.Contains(h2.Get("Access-Control-Allow-Methods"), method) ||
			h2.Get("Access-Control-Allow-Credentials") != cred {
			t.Errorf("preflight from %s: mixed answer %v", origin, h2)
		}
	case 403:
		if h2.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("rejected preflight from %s with CORS headers: %v", origin, h2)
		}
	default:
		t.Errorf("preflight from %s: status %d", origin, w.Code)
	}
}
