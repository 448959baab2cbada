package cors

import (
	"context"
	"io"
	"net/http"
	"sync/atomic"
)

// A Policy is a compiled, validated [Config]. It is safe for concurrent use
// by many goroutines, and [Policy.Update] may replace its configuration
// while requests are being decided: each decision sees either the old
// configuration or the new one, never a mixture.
//
// The zero Policy allows no origin: actual requests reach the handler with
// Vary: Origin and nothing else, and preflights are rejected. Build a
// Policy with [New], or give a zero one a configuration with Update.
type Policy struct {
	cur atomic.Pointer[compiled]
}

// New validates cfg and compiles it into a Policy. If cfg has problems, New
// returns nil and an error joining one [*ConfigError] per problem.
func New(cfg Config) (*Policy, error) {
	c, err := compile(cfg)
	if err != nil {
		return nil, err
	}
	p := new(Policy)
	p.cur.Store(c)
	return p, nil
}

// MustNew is like [New] but panics, with the same message, if cfg has
// problems. It is meant for configurations written in the program.
func MustNew(cfg Config) *Policy {
	p, err := New(cfg)
	if err != nil {
		panic(err)
	}
	return p
}

// Update validates cfg and, if it has no problems, makes it the policy's
// configuration for every request decided from then on, atomically. If cfg
// has problems, the policy keeps its current configuration and Update
// returns the same error as [New]. It is safe for concurrent use.
func (p *Policy) Update(cfg Config) error {
	c, err := compile(cfg)
	if err != nil {
		return err
	}
	p.cur.Store(c)
	return nil
}

// Config returns a copy of the configuration in force, with the entries of
// AllowOrigins sorted. It is safe for concurrent use.
func (p *Policy) Config() Config {
	c := p.load()
	cfg := cloneConfig(c.cfg)
	cfg.AllowOrigins = c.origins.allowOrigins()
	return cfg
}

// load returns the configuration in force; a zero Policy gets one that
// allows no origin.
func (p *Policy) load() *compiled {
	if c := p.cur.Load(); c != nil {
		return c
	}
	p.cur.CompareAndSwap(nil, &compiled{maxAge: "600", preflightStatus: http.StatusNoContent, varyPreflight: varyOrigin + ", " + varyPreflight})
	return p.cur.Load()
}

// Decide returns the policy's decision for req: what the request is,
// whether it is allowed and why, and what the response must carry. It is a
// pure function of req and the configuration in force: it does no I/O and
// allocates nothing. It is safe for concurrent use.
func (p *Policy) Decide(req Request) Decision {
	var d Decision
	p.load().decide(&d, &req)
	d.requestHeaders = req.RequestHeaders
	return d
}

// Apply decides req, writes the decision's header fields to h, logs a
// rejection to the configured Logger (with ctx), and returns the response
// to send now. When status is zero, the caller runs the next handler;
// otherwise it answers with status and body without running it. Apply
// keeps no reference to req's slices. It is safe for concurrent use.
func (p *Policy) Apply(ctx context.Context, req Request, h HeaderWriter) (status int, body string) {
	return p.load().apply(ctx, &req, h)
}

// apply is Apply under the configuration c, with the request by reference.
func (c *compiled) apply(ctx context.Context, req *Request, h HeaderWriter) (status int, body string) {
	var d Decision
	c.decide(&d, req)
	d.write(h, req.RequestHeaders)
	if !d.Allowed && c.logger != nil {
		logRejection(ctx, c.logger, &d, req)
	}
	return d.Status, d.Body
}

// ServeCORS applies the policy to one net/http request: it sets the CORS
// response headers on w and, for a preflight the policy answers, writes the
// whole response and reports true. When it reports false, the caller runs
// the next handler, which may still change the headers. It is the one call
// a middleware for a net/http-based framework makes. It is safe for
// concurrent use.
func (p *Policy) ServeCORS(w http.ResponseWriter, r *http.Request) (answered bool) {
	c := p.load()
	req := requestFromHTTP(r, c.privateNetwork)
	status, body := c.apply(r.Context(), &req, w.Header())
	if status == 0 {
		return false
	}
	w.WriteHeader(status)
	io.WriteString(w, body)
	return true
}

// Handler returns net/http middleware that applies the policy to every
// request before next runs: [Policy.ServeCORS], then next unless the
// request was answered. It sets headers on next's own header map and does
// not wrap the ResponseWriter, so http.Flusher and http.Hijacker stay
// visible. Install it around the whole router: a preflight to a route
// without an OPTIONS handler must still be answered.
func (p *Policy) Handler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !p.ServeCORS(w, r) {
			next.ServeHTTP(w, r)
		}
	})
}
