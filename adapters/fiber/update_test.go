package corsfiber_test

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/gofiber/fiber/v2"

	corsfiber "github.com/corskit/corskit/adapters/fiber"
	cors "github.com/corskit/corskit/core"
	"github.com/corskit/corskit/core/corstest"
)

// TestConcurrentUpdate serves requests from several goroutines while the
// policy is replaced again and again (run it with -race). Each response is
// the answer of one configuration or the other, never a mixture: under A
// only allowed is allowed and X-A is exposed; under B other is allowed too
// and X-B is exposed.
func TestConcurrentUpdate(t *testing.T) {
	const other = corstest.OtherAllowed
	cfgA := cors.Config{AllowOrigins: []string{allowed}, ExposeHeaders: []string{"X-A"}}
	cfgB := cors.Config{AllowOrigins: []string{allowed, other}, ExposeHeaders: []string{"X-B"}}
	p := cors.MustNew(cfgA)
	app := fiber.New()
	app.Use(corsfiber.FromPolicy(p))
	app.Get("/items", okHandler)
	h := app.Handler()

	stop, stopped := make(chan struct{}), make(chan struct{})
	var updates atomic.Int64
	go func() {
		defer close(stopped)
		for cfgs := [2]cors.Config{cfgB, cfgA}; ; updates.Add(1) {
			select {
			case <-stop:
				return
			default:
			}
			if err := p.Update(cfgs[updates.Load()%2]); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			origin := []string{allowed, other}[w%2]
			ctx := newRequestCtx("GET", "/items", "Origin", origin)
			for range 300 {
				serve(h, ctx)
				acao := string(ctx.Response.Header.Peek("Access-Control-Allow-Origin"))
				aceh := string(ctx.Response.Header.Peek("Access-Control-Expose-Headers"))
				if !consistent(origin, acao, aceh) {
					t.Errorf("origin %s: Allow-Origin %q with Expose-Headers %q", origin, acao, aceh)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	<-stopped
	t.Logf("%d updates during the requests", updates.Load())
}

// consistent reports whether a response is one TestConcurrentUpdate's
// configurations give.
func consistent(origin, acao, aceh string) bool {
	switch {
	case acao == "":
		return origin == corstest.OtherAllowed && aceh == "" // A
	case acao != origin:
		return false
	case origin == corstest.OtherAllowed:
		return aceh == "X-B"
	default:
		return aceh == "X-A" || aceh == "X-B"
	}
}
