package cors

import (
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"golang.org/x/net/http/httpguts"
)

// compiled is an immutable snapshot of a validated Config: what decide
// reads.
type compiled struct {
	cfg     Config // as given, for Policy.Config
	origins originSet
	methods methodSet
	headers headerSet
	// static: any origin, without credentials. Every response carries
	// Access-Control-Allow-Origin: * and none varies on Origin.
	static          bool
	credentials     bool
	exposeHeaders   string
	maxAge          string
	privateNetwork  bool
	preflightStatus int
	passthrough     bool
	// crossOriginProtection: Config.CrossOriginProtection.
	crossOriginProtection bool
	varyPreflight         string // the Vary of every preflight's response
	logger                *slog.Logger
}

// compile validates cfg and compiles it, reporting every problem at once.
func compile(cfg Config) (*compiled, error) {
	var ps problems
	c := &compiled{
		cfg:                   cfg,
		origins:               compileOrigins(&cfg, &ps),
		methods:               compileMethods(cfg.AllowMethods, &ps),
		headers:               compileHeaders(cfg.AllowHeaders, &ps),
		credentials:           cfg.AllowCredentials,
		exposeHeaders:         compileExposeHeaders(&cfg, &ps),
		privateNetwork:        cfg.AllowPrivateNetwork,
		passthrough:           cfg.PreflightPassthrough,
		crossOriginProtection: cfg.CrossOriginProtection,
		logger:                cfg.Logger,
	}
	// The origins are kept once, in c.origins, which Policy.Config reads.
	c.cfg = cfg
	c.cfg.AllowOrigins = nil
	c.cfg = cloneConfig(c.cfg)
	c.static = c.origins.any && !cfg.AllowCredentials
	if c.crossOriginProtection && c.origins.any {
		ps.add("CrossOriginProtection", "true", `trusts every origin together with AllowOrigins "*", so it would refuse nothing`, "list the trusted origins in AllowOrigins")
	}
	// Without credentials "*" answers any method or header; with them
	// browsers read it literally, so preflights reflect what they ask for.
	c.methods.list = wildcardList(c.methods.any, c.credentials, c.methods.list)
	c.headers.list = wildcardList(c.headers.any, c.credentials, c.headers.list)
	switch {
	case cfg.MaxAge > 86400:
		ps.addNumber("MaxAge", cfg.MaxAge, "is more than a day, which browsers cap anyway", "use at most 86400 (Chromium caps at 7200)")
	case cfg.MaxAge < 0:
		c.maxAge = "0"
	case cfg.MaxAge == 0:
		c.maxAge = "600"
	default:
		c.maxAge = strconv.Itoa(cfg.MaxAge)
	}
	switch s := cfg.PreflightStatus; {
	case s == 0:
		c.preflightStatus = http.StatusNoContent
	case s < 200 || s > 299:
		ps.addNumber("PreflightStatus", s, "is not a success status, so browsers fail the preflight", "use 204 (the default) or 200")
	default:
		c.preflightStatus = s
	}
	c.varyPreflight = varyPreflight
	if !c.static {
		c.varyPreflight = varyOrigin + ", " + varyPreflight
	}
	if c.privateNetwork {
		c.varyPreflight += ", " + headerRequestPrivateNetwork
	}
	if len(ps) > 0 {
		return nil, errors.Join(ps...)
	}
	return c, nil
}

// wildcardList returns a preflight's allow-list value: list, "*" for any
// value, or "" when the preflight reflects the request (any value, with
// credentials).
func wildcardList(any, credentials bool, list string) string {
	switch {
	case !any:
		return list
	case credentials:
		return ""
	}
	return "*"
}

// cloneConfig copies the lists of cfg, so that a caller changing them later
// changes neither the policy nor what Policy.Config returned. (New keeps
// AllowOrigins in the policy's origin set, not in a copy.)
func cloneConfig(cfg Config) Config {
	clone := func(s []string) []string {
		if s == nil {
			return nil
		}
		return append([]string(nil), s...)
	}
	cfg.AllowOrigins = clone(cfg.AllowOrigins)
	cfg.AllowMethods = clone(cfg.AllowMethods)
	cfg.AllowHeaders = clone(cfg.AllowHeaders)
	cfg.ExposeHeaders = clone(cfg.ExposeHeaders)
	return cfg
}

// compileExposeHeaders validates Config.ExposeHeaders and returns the
// Access-Control-Expose-Headers value.
func compileExposeHeaders(cfg *Config, ps *problems) string {
	var list []string
	for i, h := range cfg.ExposeHeaders {
		switch {
		case h == "*" && cfg.AllowCredentials:
			ps.add(indexed("ExposeHeaders", i), h, `means the header named "*" when credentials are allowed`, "list the headers to expose")
			continue
		case h == "*":
		case !httpguts.ValidHeaderFieldName(h):
			ps.add(indexed("ExposeHeaders", i), h, "is not a header name (a token)", "remove it, or write the name without spaces, commas or colons")
			continue
		case strings.EqualFold(h, "Set-Cookie") || strings.EqualFold(h, "Set-Cookie2"):
			ps.add(indexed("ExposeHeaders", i), h, "can never be exposed: browsers hide it from every page", "remove it")
			continue
		}
		if !containsFold(list, h) {
			list = append(list, h)
		}
	}
	return strings.Join(list, ", ")
}

// containsFold reports whether list holds s, in any case.
func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}
