package cors

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
)

// A Policy is a compiled, validated [Config]. It is safe for concurrent use
// by many goroutines, and [Policy.Update] may replace its configuration
// while requests are being decided: each decision sees either the old
// configuration or the new one, never a mixture.
type Policy struct {
	cur atomic.Pointer[compiled]
}

// compiled is an immutable snapshot of a validated Config.
type compiled struct {
	cfg         Config
	origins     originSet
	methods     methodSet
	headers     headerSet
	credentials bool
	// static: any origin, no credentials. Every response carries
	// Access-Control-Allow-Origin: * and none varies on Origin.
	static          bool
	exposeHeaders   string
	maxAge          string
	privateNetwork  bool
	preflightStatus int
	passthrough     bool
	vary            string // for preflights
	logger          *slog.Logger
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
// returns the same error as [New]. Update is safe to call concurrently with
// everything else.
func (p *Policy) Update(cfg Config) error {
	c, err := compile(cfg)
	if err != nil {
		return err
	}
	p.cur.Store(c)
	return nil
}

// Config returns a copy of the configuration currently in force. It is safe
// for concurrent use.
func (p *Policy) Config() Config {
	return cloneConfig(p.cur.Load().cfg)
}

// Logs reports whether the configuration in force has a Logger: only then
// does [Policy.Apply] use its context. An adapter for which fetching the
// request's context costs something passes [context.Background] when Logs
// reports false (a rejection decided just after an [Policy.Update] that adds
// a Logger is then logged without the request's context). It is safe for
// concurrent use.
func (p *Policy) Logs() bool {
	return p.cur.Load().logger != nil
}

func cloneStrings(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}

func compile(cfg Config) (*compiled, error) {
	cfg = cloneConfig(cfg)
	var ps problems
	c := &compiled{
		cfg:            cfg,
		credentials:    cfg.AllowCredentials,
		privateNetwork: cfg.AllowPrivateNetwork,
		passthrough:    cfg.PreflightPassthrough,
		logger:         cfg.Logger,
	}
	c.compileOrigins(&cfg, &ps)
	c.methods = compileMethods(cfg.AllowMethods, &ps)
	c.headers = compileHeaders(cfg.AllowHeaders, &ps)
	c.exposeHeaders = compileExposeHeaders(&cfg, &ps)
	// Without credentials "*" answers any method or header; with them
	// browsers read it literally, so preflights reflect what they ask for.
	c.methods.list = wildcardList(c.methods.any, cfg.AllowCredentials, c.methods.list)
	c.headers.list = wildcardList(c.headers.any, cfg.AllowCredentials, c.headers.list)
	switch {
	case cfg.MaxAge > 86400:
		ps.add("MaxAge", strconv.Itoa(cfg.MaxAge), "is more than a day, which browsers cap anyway", "use at most 86400 (Chromium caps at 7200)")
	case cfg.MaxAge < 0:
		c.maxAge = "0"
	case cfg.MaxAge == 0:
		c.maxAge = "600"
	default:
		c.maxAge = strconv.Itoa(cfg.MaxAge)
	}
	switch s := cfg.PreflightStatus; {
	case s == 0:
		c.preflightStatus = 204
	case s < 200 || s > 299:
		ps.add("PreflightStatus", strconv.Itoa(s), "is not a success status, so browsers fail the preflight", "use 204 (the default) or 200")
	default:
		c.preflightStatus = s
	}
	c.vary = varyPreflight
	if !c.static {
		c.vary = varyOrigin + ", " + varyPreflight
	}
	if c.privateNetwork {
		c.vary += varyPrivateNetwork
	}
	if len(ps) > 0 {
		return nil, errors.Join(ps...)
	}
	return c, nil
}

// wildcardList returns the precomputed value of a preflight's allow-list
// field: list, "*" for any value, or "" when the preflight must reflect the
// request (any value, with credentials).
func wildcardList(any, credentials bool, list string) string {
	switch {
	case !any:
		return list
	case credentials:
		return ""
	default:
		return "*"
	}
}

// cloneConfig copies the lists of cfg so that a caller changing them later
// does not change the policy.
func cloneConfig(cfg Config) Config {
	cfg.AllowOrigins = cloneStrings(cfg.AllowOrigins)
	cfg.AllowMethods = cloneStrings(cfg.AllowMethods)
	cfg.AllowHeaders = cloneStrings(cfg.AllowHeaders)
	cfg.ExposeHeaders = cloneStrings(cfg.ExposeHeaders)
	return cfg
}

func (c *compiled) compileOrigins(cfg *Config, ps *problems) {
	s := &c.origins
	s.fn = cfg.AllowOriginFunc
	s.null = cfg.DangerouslyAllowNullOrigin
	if cfg.AllowOriginRegex != "" {
		re, err := regexp.Compile(`^(?:` + cfg.AllowOriginRegex + `)$`)
		if err != nil {
			ps.add("AllowOriginRegex", cfg.AllowOriginRegex, "does not compile: "+strings.TrimPrefix(err.Error(), "error parsing regexp: "), "write an RE2 expression (package regexp)")
		}
		s.regex = re
		if re != nil && cfg.AllowCredentials && (re.MatchString("https://corskit.invalid") || re.MatchString("http://corskit.invalid")) {
			ps.add("AllowOriginRegex", cfg.AllowOriginRegex, "matches any site's origin (it matched \"https://corskit.invalid\") together with AllowCredentials", `match only your own hosts, such as https://[a-z0-9-]+\.example\.com`)
		}
	}
	for i, o := range cfg.AllowOrigins {
		field := indexed("AllowOrigins", i)
		switch o {
		case "*":
			s.any = true
			if cfg.AllowCredentials {
				ps.add(field, o, "allows every origin together with AllowCredentials, which lets any site read your users' data", "list the trusted origins, or turn AllowCredentials off")
			}
			continue
		case "null":
			if !cfg.DangerouslyAllowNullOrigin {
				ps.add(field, o, "is sent by sandboxed iframes, local files and redirects from any site", "remove it, or set DangerouslyAllowNullOrigin")
				continue
			}
			s.exact.add(o)
			continue
		}
		spec, problem, fix := parseOriginSpec(o)
		if problem != "" {
			ps.add(field, o, problem, fix)
			continue
		}
		if cfg.AllowCredentials && !cfg.DangerouslyAllowInsecureOrigins &&
			(spec.scheme == "http" || spec.scheme == "ws") && !isLoopbackHost(spec.host) {
			ps.add(field, o, "is plain HTTP together with AllowCredentials, so a network attacker can read your users' data", "use https, or set DangerouslyAllowInsecureOrigins")
			continue
		}
		switch {
		case spec.subdomain:
			if cfg.AllowCredentials && !cfg.DangerouslyAllowPublicSuffixPatterns && isPublicSuffix(spec.host) {
				ps.add(field, o, "allows every site under a public suffix together with AllowCredentials", "list the trusted subdomains, or set DangerouslyAllowPublicSuffixPatterns")
				continue
			}
			if s.subdomains == nil {
				s.subdomains = make(map[string][]subdomainRule)
			}
			s.subdomains[spec.host] = append(s.subdomains[spec.host], subdomainRule{scheme: spec.scheme, port: spec.port, anyPort: spec.port == "*"})
		case spec.port == "*":
			addKey(&s.anyPort, spec.scheme+"://"+spec.host)
		default:
			s.exact.add(o)
		}
	}
	switch {
	case s.any && (len(cfg.AllowOrigins) > 1 || s.regex != nil || s.fn != nil):
		ps.add("AllowOrigins", strings.Join(cfg.AllowOrigins, " "), `has "*" together with other ways of allowing origins, which then mean nothing`, `keep "*" alone, or remove it`)
	case len(cfg.AllowOrigins) == 0 && cfg.AllowOriginRegex == "" && cfg.AllowOriginFunc == nil:
		ps.add("AllowOrigins", "", "is empty and so are AllowOriginRegex and AllowOriginFunc, so no origin could ever be allowed", `list the origins of your front ends, such as "https://app.example.com"`)
	}
	c.static = s.any && !cfg.AllowCredentials
	s.inexact = s.anyPort != nil || s.subdomains != nil || s.regex != nil || s.fn != nil
}

func addKey(m *map[string]struct{}, k string) {
	if *m == nil {
		*m = make(map[string]struct{})
	}
	(*m)[k] = struct{}{}
}

func compileExposeHeaders(cfg *Config, ps *problems) string {
	var list []string
	seen := make(map[string]bool)
	for i, h := range cfg.ExposeHeaders {
		field := indexed("ExposeHeaders", i)
		switch {
		case h == "*" && cfg.AllowCredentials:
			ps.add(field, h, "means the header named \"*\" when credentials are allowed", "list the headers to expose")
			continue
		case h == "*":
		case !isToken(h):
			ps.add(field, h, "is not a header name (a token)", "remove it, or write the name without spaces, commas or colons")
			continue
		case strings.EqualFold(h, "Set-Cookie") || strings.EqualFold(h, "Set-Cookie2"):
			ps.add(field, h, "can never be exposed: browsers hide it from every page", "remove it")
			continue
		}
		if k := lowerASCII(h); !seen[k] {
			seen[k] = true
			list = append(list, h)
		}
	}
	return strings.Join(list, ", ")
}

// Request is what [Policy.Decide] reads of an HTTP request. The header fields
// hold every field line of that name, as [net/http.Header] does; a nil slice
// means the header is absent.
type Request struct {
	// Method is the request method, such as "GET" or "OPTIONS".
	Method string
	// Origin holds the Origin field lines.
	Origin []string
	// RequestMethod holds the Access-Control-Request-Method field lines.
	RequestMethod []string
	// RequestHeaders holds the Access-Control-Request-Headers field lines.
	RequestHeaders []string
	// RequestPrivateNetwork holds the Access-Control-Request-Private-Network
	// field lines.
	RequestPrivateNetwork []string
}

// MayBePreflight reports whether r could be a preflight: an OPTIONS request
// with Origin. Only then does [Policy.Decide] read RequestMethod,
// RequestHeaders and RequestPrivateNetwork, so an adapter for which reading
// a header costs something may leave them nil otherwise.
func (r *Request) MayBePreflight() bool {
	return r.Method == "OPTIONS" && len(r.Origin) > 0
}

// Decide returns the policy's decision for req. It is a pure function of
// req and the configuration in force: it does no I/O and allocates nothing.
// It is safe for concurrent use.
func (p *Policy) Decide(req Request) Decision {
	c := p.cur.Load()
	var d Decision
	if origin, actual := c.decide(&req, c.checkOrigin(&req), &d); actual {
		c.setActualHeaders(&d, origin)
	}
	d.requestHeaders = req.RequestHeaders
	return d
}

// isPreflight reports whether req is a preflight: an OPTIONS request with
// Origin and Access-Control-Request-Method.
func (req *Request) isPreflight() bool {
	return len(req.RequestMethod) > 0 && req.MayBePreflight()
}

// checkOrigin returns ReasonNoOrigin, ReasonAllowed, ReasonOriginInvalid or
// ReasonOriginNotAllowed for req's Origin lines. Every entry point checks
// the origin first, and hands the result to onlyVary and decide. It is
// inlined, so that a request without Origin makes no call.
func (c *compiled) checkOrigin(req *Request) Reason {
	if len(req.Origin) == 0 {
		return ReasonNoOrigin
	}
	return c.checkOriginLines(req.Origin)
}

// checkOriginLines is checkOrigin for a request with Origin lines.
func (c *compiled) checkOriginLines(lines []string) Reason {
	switch origin := lines[0]; {
	case len(lines) > 1 || origin == "" || len(origin) > maxOriginLen:
		return ReasonOriginInvalid
	case c.origins.any || c.origins.exact.has(origin) ||
		c.origins.inexact && c.origins.allowsInexact(origin):
		return ReasonAllowed
	}
	return ReasonOriginNotAllowed
}

// onlyVary reports whether c's whole answer to req, whose origin got
// reason, is Vary: Origin, with nothing to log: the policy is not static,
// so that its answers depend on the origin, and req either has no Origin
// (it is not CORS) or is an actual request from an origin the policy
// refuses while no Logger waits for that rejection. decide and
// setActualHeaders give such a request that one field;
// TestEntryPointsAgree holds the shortcut to them. Apply, ServeCORS and
// the handler take it before they zero a Decision and call decide. That
// saves a request without Origin (a same-origin GET, any request not sent
// by a browser) 60 to 110 instructions on every framework (callgrind): 2 ns
// on net/http, 5 on Fiber, 6 to 9 on chi, Gin and Echo (16 to 24
// interleaved rounds). It saves an actual request from a refused origin
// 60 to 90 instructions on every framework: on net/http and chi, more than
// half of what it cost beyond the least any middleware must do (read
// Origin, add Vary). Checking the origin apart from decide costs allowed
// requests and preflights 3 to 44 instructions.
func (c *compiled) onlyVary(req *Request, reason Reason) bool {
	return !c.static && (reason == ReasonNoOrigin ||
		reason != ReasonAllowed && c.logger == nil && !req.isPreflight())
}

// decide fills d, a zero Decision, in place: a Decision is a few hundred
// bytes, not worth copying on the hot path. Given the origin's reason from
// checkOrigin, it decides an actual request or a preflight, all in one
// function: a call for each step would cost more than some of the steps
// (deciding a preflight in a function of its own costs 20 instructions
// more on a preflight; callgrind).
//
// When it reports actual, d is an allowed actual request, or a request
// without Origin (origin ""), whose fields the caller must still set with
// setActualHeaders. Inlined there, the stores go to the caller's own
// Decision, on its stack, with no write barrier; stored here, through d,
// each needs one. While the garbage collector marks (a response's header
// values are allocated, so it runs), those three barriers cost an allowed
// GET 3 to 6 ns of its 180 ns overhead over the framework alone (net/http
// and Gin, 40 interleaved rounds), for the same instruction count.
func (c *compiled) decide(req *Request, reason Reason, d *Decision) (string, bool) {
	if reason == ReasonNoOrigin {
		d.Kind, d.Allowed, d.Reason = NotCORS, true, ReasonNoOrigin
		return "", true
	}
	origin := req.Origin[0]
	if !req.isPreflight() {
		d.Kind = Actual
		if reason != ReasonAllowed && !c.static {
			d.Reason, d.Value, d.Vary = reason, origin, varyOrigin
			return "", false
		}
		d.Allowed = true
		return origin, true
	}
	d.Kind, d.Vary = Preflight, c.vary
	if reason != ReasonAllowed {
		c.reject(d, reason, origin)
		return "", false
	}
	method := req.RequestMethod[0]
	switch {
	case len(req.RequestMethod) > 1 || len(method) > maxMethodLen:
		// Bounded before it is hashed: a hostile method costs nothing.
		c.reject(d, ReasonMethodInvalid, method)
		return "", false
	case c.methods.listedStandard(method), c.methods.listed(method):
		// A listed method is a token: no need to look at its bytes. The
		// methods of RFC 9110 are told inline, without calling listed.
	case !isToken(method):
		c.reject(d, ReasonMethodInvalid, method)
		return "", false
	case !c.methods.any:
		c.refuse(d, ReasonMethodNotAllowed, method, origin, "")
		return "", false
	}
	hc := c.headers.check(req.RequestHeaders)
	switch hc.reason {
	case ReasonAllowed:
	case ReasonHeaderNotAllowed:
		c.refuse(d, hc.reason, hc.bad, origin, method)
		return "", false
	default:
		c.reject(d, hc.reason, hc.bad)
		return "", false
	}
	if c.privateNetwork && len(req.RequestPrivateNetwork) > 0 {
		if len(req.RequestPrivateNetwork) > 1 || req.RequestPrivateNetwork[0] != "true" {
			c.reject(d, ReasonPrivateNetworkInvalid, req.RequestPrivateNetwork[0])
			return "", false
		}
		d.privateNetwork = true
	}
	d.Allowed = true
	d.allowOrigin = c.allowOriginValue(origin)
	d.credentials = c.credentials
	d.allowMethods = c.methods.list
	if c.methods.any && c.credentials && !isSafelistedMethod(method) {
		d.allowMethods = method
	}
	if hc.present {
		c.setAllowHeaders(d, hc.authorization)
	}
	d.maxAge = c.maxAge
	if !c.passthrough {
		d.Status = c.preflightStatus
	}
	return "", false
}

// setAllowHeaders sets Access-Control-Allow-Headers for an allowed
// preflight that asked for headers: the policy's list (which is "*" for a
// wildcard without credentials), or the requested lines (see emit).
func (c *compiled) setAllowHeaders(d *Decision, authorization bool) {
	switch {
	case c.headers.any && c.credentials:
		d.reflectHeaders = true
	case c.headers.any && authorization:
		// The wildcard does not cover Authorization: name it.
		d.allowHeaders = "*, authorization"
	default:
		d.allowHeaders = c.headers.list
	}
}

func (c *compiled) allowOriginValue(origin string) string {
	if c.static {
		return "*"
	}
	return origin
}

// setActualHeaders fills d for an allowed actual request, or for a request
// without Origin (origin ""), which only the static policy answers. The
// callers of decide call it when decide reports actual; it is small enough
// to be inlined there (see decide).
func (c *compiled) setActualHeaders(d *Decision, origin string) {
	if !c.static {
		d.Vary = varyOrigin
		if origin == "" {
			return
		}
	}
	d.allowOrigin = c.allowOriginValue(origin)
	d.credentials = c.credentials
	d.exposeHeaders = c.exposeHeaders
}

// reject answers a preflight from an origin the policy does not allow, or a
// malformed one: 403 and no Access-Control-* field at all.
func (c *compiled) reject(d *Decision, r Reason, value string) {
	d.Reason, d.Value = r, value
	d.Status, d.Body = http.StatusForbidden, rejectionBody(r)
}

// refuse answers a well-formed preflight from an allowed origin that asks
// for a method or a header the policy does not allow. The response passes
// the browser's CORS check (Allow-Origin, Allow-Credentials, a 2xx status)
// but does not grant what was asked, so that the browser reports the real
// problem ("Method PATCH is not allowed by Access-Control-Allow-Methods")
// rather than a missing Allow-Origin. It reveals nothing the policy would
// not tell an actual request from that origin: no Allow-Methods or
// Allow-Headers list (only the requested method, already found allowed,
// when a header is refused), no Max-Age.
func (c *compiled) refuse(d *Decision, r Reason, value, origin, allowedMethod string) {
	d.Reason, d.Value = r, value
	d.Status, d.Body = http.StatusOK, rejectionBody(r)
	d.allowOrigin = c.allowOriginValue(origin)
	d.credentials = c.credentials
	if !isSafelistedMethod(allowedMethod) {
		d.allowMethods = allowedMethod
	}
}

// Apply decides req, writes the decision's header fields to h with
// [Decision.SetHeaders], logs a rejection to the configured Logger (with
// ctx), and returns the response to send now: the one call an adapter
// makes. When status is zero, the adapter calls the next handler;
// otherwise it answers with status and body (see [Decision.Status]) without
// calling it. It takes a pointer so that an adapter keeps its Request on its
// own stack; it keeps no reference to it. Use [Policy.Decide] to see the
// whole Decision. It is safe for concurrent use.
func (p *Policy) Apply(ctx context.Context, req *Request, h HeaderWriter) (status int, body string) {
	c := p.cur.Load()
	reason := c.checkOrigin(req)
	if c.onlyVary(req, reason) {
		addVaryOrigin(h)
		return 0, ""
	}
	var d Decision
	if origin, actual := c.decide(req, reason, &d); actual {
		c.setActualHeaders(&d, origin)
	}
	d.setHeaders(h, req.RequestHeaders)
	if c.logs(&d) {
		logRejection(ctx, c.logger, &d, req.Method)
	}
	return d.Status, d.Body
}

// logs reports whether d is to be logged: a rejection, with a Logger.
func (c *compiled) logs(d *Decision) bool {
	return !d.Allowed && c.logger != nil
}

// logRejection logs a rejected request. It copies the request's strings: an
// adapter may pass strings that share buffers the server reuses (fasthttp),
// and a handler may keep the record after the request is done.
func logRejection(ctx context.Context, l *slog.Logger, d *Decision, method string) {
	l.LogAttrs(ctx, slog.LevelDebug, "cors: request rejected",
		slog.String("kind", d.Kind.String()),
		slog.String("reason", d.Reason.String()),
		slog.String("value", strings.Clone(d.Value)),
		slog.String("method", strings.Clone(method)))
}
