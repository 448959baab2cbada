package corstest

import (
	"net/http"
	"strings"

	cors "github.com/corskit/corskit/core"
)

// Origins used by the table.
const (
	AllowedOrigin    = "https://app.example.com"
	OtherAllowed     = "https://admin.example.com"
	DisallowedOrigin = "https://evil.example.net"
)

// Expected header values for [CredentialedConfig].
const (
	credentialedMethods = "PUT, DELETE, PATCH, OPTIONS"
	credentialedHeaders = "accept, accept-language, content-language, content-type, x-request-id, authorization"
)

// CredentialedConfig is the suite's main policy: two exact origins,
// credentials, extra methods and headers, one exposed header.
func CredentialedConfig() cors.Config {
	return cors.Config{
		AllowOrigins:     []string{AllowedOrigin, OtherAllowed},
		AllowMethods:     []string{"PUT", "delete", "PATCH", "OPTIONS"},
		AllowHeaders:     []string{"X-Request-Id", "Authorization"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
	}
}

// PublicConfig allows any origin without credentials.
func PublicConfig() cors.Config {
	return cors.Config{
		AllowOrigins:  []string{"*"},
		AllowMethods:  []string{"PUT"},
		AllowHeaders:  []string{"*"},
		ExposeHeaders: []string{"X-Request-Id"},
	}
}

var (
	varyActual    = []string{"Origin"}
	varyPreflight = []string{"Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"}
)

// hdr builds a request header from name, value pairs; a name may repeat.
func hdr(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i+1 < len(kv); i += 2 {
		h.Add(kv[i], kv[i+1])
	}
	return h
}

func preflight(origin, method, headers string) http.Header {
	h := hdr("Origin", origin, "Access-Control-Request-Method", method)
	if headers != "" {
		h.Add("Access-Control-Request-Headers", headers)
	}
	return h
}

// allowedActual is the CORS header set of an allowed actual request under
// CredentialedConfig.
func allowedActual(origin string) map[string]string {
	return map[string]string{
		"Access-Control-Allow-Origin":      origin,
		"Access-Control-Allow-Credentials": "true",
		"Access-Control-Expose-Headers":    "X-Request-Id",
	}
}

// credentialedRefusal is what a refused preflight from AllowedOrigin gets
// under CredentialedConfig: the method it asked for, when that was allowed.
func credentialedRefusal(method string) map[string]string {
	m := map[string]string{"Access-Control-Allow-Origin": AllowedOrigin, "Access-Control-Allow-Credentials": "true"}
	if method != "" {
		m["Access-Control-Allow-Methods"] = method
	}
	return m
}

func allowedPreflight(origin string, withHeaders bool) map[string]string {
	m := map[string]string{
		"Access-Control-Allow-Origin":      origin,
		"Access-Control-Allow-Credentials": "true",
		"Access-Control-Allow-Methods":     credentialedMethods,
		"Access-Control-Max-Age":           "600",
	}
	if withHeaders {
		m["Access-Control-Allow-Headers"] = credentialedHeaders
	}
	return m
}

// rejected is a rejected preflight under any config with Origin in Vary.
func rejected(name string, bug int, cfg cors.Config, h http.Header, what string) Case {
	return Case{
		Name: name, Bug: bug, Config: cfg, Method: "OPTIONS", Header: h,
		WantStatus: http.StatusForbidden, WantVary: varyPreflight,
		WantBody:   "CORS preflight rejected: " + what + "\n",
		WantHeader: map[string]string{"Content-Type": "text/plain; charset=utf-8"},
	}
}

// refused is a well-formed preflight from an allowed origin that asks for a
// method or header the policy does not allow: a 200 the browser reads as a
// refusal naming the method or header, carrying only cors.
func refused(name string, bug int, cfg cors.Config, h http.Header, what string, cors map[string]string) Case {
	return Case{
		Name: name, Bug: bug, Config: cfg, Method: "OPTIONS", Header: h,
		WantStatus: http.StatusOK, WantVary: varyPreflight, WantCORS: cors,
		WantBody:   "CORS preflight rejected: " + what + "\n",
		WantHeader: map[string]string{"Content-Type": "text/plain; charset=utf-8"},
	}
}

// ok is an allowed actual GET under CredentialedConfig.
func ok(name string, bug int, cfg cors.Config, origin string) Case {
	return Case{
		Name: name, Bug: bug, Config: cfg, Header: hdr("Origin", origin),
		WantStatus: 200, WantCORS: allowedActualFor(cfg, origin), WantVary: varyActual,
		WantAppRan: true, WantBody: AppBody,
	}
}

// notAllowed is an actual GET from an origin the policy does not allow: the
// handler runs untouched, and the response varies on Origin.
func notAllowed(name string, bug int, cfg cors.Config, h http.Header) Case {
	return Case{
		Name: name, Bug: bug, Config: cfg, Header: h,
		WantStatus: 200, WantVary: []string{"Origin", "Accept-Encoding"}, WantAppRan: true,
		WantBody: AppBody, WantHeader: map[string]string{"X-App": "ran"},
	}
}

func allowedActualFor(cfg cors.Config, origin string) map[string]string {
	m := map[string]string{"Access-Control-Allow-Origin": origin}
	if cfg.AllowCredentials {
		m["Access-Control-Allow-Credentials"] = "true"
	}
	if len(cfg.ExposeHeaders) > 0 {
		m["Access-Control-Expose-Headers"] = strings.Join(cfg.ExposeHeaders, ", ")
	}
	return m
}

func with(cfg cors.Config, f func(*cors.Config)) cors.Config {
	f(&cfg)
	return cfg
}

func origins(o ...string) cors.Config {
	return cors.Config{AllowOrigins: o}
}

// Cases returns the suite's table. Each call returns fresh values.
func Cases() []Case {
	cred := CredentialedConfig()
	pub := PublicConfig()
	lowerPatch := cors.Config{AllowOrigins: []string{AllowedOrigin}, AllowMethods: []string{"patch"}}
	anyByFunc := cors.Config{AllowOriginFunc: func(string) bool { return true }, AllowCredentials: true}
	cs := []Case{
		// Requests without Origin are not CORS.
		{Name: "no Origin: handler runs, Vary: Origin", Bug: 19, Config: cred,
			WantStatus: 200, WantVary: []string{"Origin", "Accept-Encoding"}, WantAppRan: true,
			WantBody: AppBody, WantHeader: map[string]string{"X-App": "ran"}},
		{Name: "OPTIONS without Origin reaches the handler", Bug: 21, Config: cred, Method: "OPTIONS",
			Header:     hdr("Access-Control-Request-Method", "PUT"),
			WantStatus: 200, WantVary: varyActual, WantAppRan: true, WantBody: AppBody},

		// Allowed actual requests.
		ok("allowed GET", 0, cred, AllowedOrigin),
		ok("allowed GET, second origin", 0, cred, OtherAllowed),
		{Name: "allowed POST", Config: cred, Method: "POST", Header: hdr("Origin", AllowedOrigin),
			WantStatus: 200, WantCORS: allowedActual(AllowedOrigin), WantVary: varyActual, WantAppRan: true, WantBody: AppBody},
		{Name: "allowed actual request with a custom method", Config: cred, Method: "PURGE", Header: hdr("Origin", AllowedOrigin),
			WantStatus: 200, WantCORS: allowedActual(AllowedOrigin), WantVary: varyActual, WantAppRan: true, WantBody: AppBody},
		{Name: "allowed HEAD", Config: cred, Method: "HEAD", Header: hdr("Origin", AllowedOrigin),
			WantStatus: 200, WantCORS: allowedActual(AllowedOrigin), WantVary: varyActual, WantAppRan: true},
		{Name: "OPTIONS with Origin but no Access-Control-Request-Method is an actual request", Bug: 21,
			Config: cred, Method: "OPTIONS", Header: hdr("Origin", AllowedOrigin),
			WantStatus: 200, WantCORS: allowedActual(AllowedOrigin), WantVary: varyActual, WantAppRan: true, WantBody: AppBody},
		{Name: "without credentials there is no Allow-Credentials", Config: with(cred, func(c *cors.Config) { c.AllowCredentials = false }),
			Header: hdr("Origin", AllowedOrigin), WantStatus: 200, WantVary: varyActual, WantAppRan: true,
			WantCORS: map[string]string{"Access-Control-Allow-Origin": AllowedOrigin, "Access-Control-Expose-Headers": "X-Request-Id"}},
		{Name: "handler's headers and Vary survive", Bug: 20, Config: cred, Header: hdr("Origin", AllowedOrigin),
			WantStatus: 200, WantCORS: allowedActual(AllowedOrigin), WantVary: []string{"Origin", "Accept-Encoding"},
			WantHeader: map[string]string{"X-App": "ran"}, WantAppRan: true, WantBody: AppBody},
		{Name: "CORS headers are on a 404 from the handler", Bug: 28, Config: cred, Header: hdr("Origin", AllowedOrigin),
			App:        func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no such thing", http.StatusNotFound) },
			WantStatus: 404, WantCORS: allowedActual(AllowedOrigin), WantVary: varyActual, WantAppRan: true, WantBody: "no such thing\n"},
		{Name: "CORS headers are on a 500 from the handler", Bug: 28, Config: cred, Header: hdr("Origin", AllowedOrigin),
			App:        func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", http.StatusInternalServerError) },
			WantStatus: 500, WantCORS: allowedActual(AllowedOrigin), WantVary: varyActual, WantAppRan: true, WantBody: "boom\n"},
		{Name: "handler may replace a CORS header", Config: cred, Header: hdr("Origin", AllowedOrigin),
			App: func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Access-Control-Expose-Headers", "X-Other")
				w.WriteHeader(http.StatusAccepted)
			},
			WantStatus: 202, WantVary: varyActual, WantAppRan: true,
			WantCORS: map[string]string{"Access-Control-Allow-Origin": AllowedOrigin, "Access-Control-Allow-Credentials": "true", "Access-Control-Expose-Headers": "X-Other"}},
		{Name: "a handler mutating header values in place does not leak into the next response", Bug: 24, Config: cred,
			Header: hdr("Origin", AllowedOrigin), Repeat: 3,
			App: func(w http.ResponseWriter, r *http.Request) {
				h := w.Header()
				for _, vs := range h {
					// Appending must not write into another field's value.
					_ = append(vs, "appended")
				}
				saved := map[string]string{}
				for k, vs := range h {
					saved[k] = vs[0]
					vs[0] = "mutated" // would corrupt a slice shared between responses
				}
				for k, v := range saved {
					h.Set(k, v)
				}
			},
			WantStatus: 200, WantCORS: allowedActual(AllowedOrigin), WantVary: varyActual, WantAppRan: true},

		// Disallowed actual requests: the handler runs, nothing is exposed.
		notAllowed("disallowed origin: handler runs, no CORS headers, no 403", 22, cred, hdr("Origin", DisallowedOrigin)),
		notAllowed("origin compared byte for byte: upper case", 11, cred, hdr("Origin", "https://APP.example.com")),
		notAllowed("origin with a trailing slash", 0, cred, hdr("Origin", AllowedOrigin+"/")),
		notAllowed("origin with the default port", 0, cred, hdr("Origin", AllowedOrigin+":443")),
		notAllowed("origin with another scheme", 0, cred, hdr("Origin", "http://app.example.com")),
		notAllowed("two Origin lines, one allowed: not allowed", 12, cred, hdr("Origin", AllowedOrigin, "Origin", DisallowedOrigin)),
		notAllowed("Origin: null is not allowed by default", 10, cred, hdr("Origin", "null")),
		notAllowed("empty Origin", 0, cred, hdr("Origin", "")),
		notAllowed("no same-origin shortcut from the Host header", 26, cred, hdr("Origin", "http://"+Host)),
		notAllowed("no suffix confusion between exact origins", 8,
			origins("https://foo.com", "https://bar.com"), hdr("Origin", "https://barfoo.com")),
		notAllowed("no prefix match of an exact origin", 5, origins("https://example.com"), hdr("Origin", "https://example.community")),
		notAllowed("no suffix match of an exact origin", 7, origins("https://example.com"), hdr("Origin", "https://evilexample.com")),

		// Allowed preflights.
		{Name: "allowed preflight", Config: cred, Method: "OPTIONS",
			Header:     preflight(AllowedOrigin, "PUT", "content-type,x-request-id"),
			WantStatus: 204, WantCORS: allowedPreflight(AllowedOrigin, true), WantVary: varyPreflight},
		{Name: "allowed preflight without request headers", Config: cred, Method: "OPTIONS",
			Header:     preflight(AllowedOrigin, "DELETE", ""),
			WantStatus: 204, WantCORS: allowedPreflight(AllowedOrigin, false), WantVary: varyPreflight},
		{Name: "preflight for a safelisted method with a custom header", Config: cred, Method: "OPTIONS",
			Header:     preflight(AllowedOrigin, "GET", "x-request-id"),
			WantStatus: 204, WantCORS: allowedPreflight(AllowedOrigin, true), WantVary: varyPreflight},
		{Name: "preflight for OPTIONS itself", Config: cred, Method: "OPTIONS",
			Header:     preflight(AllowedOrigin, "OPTIONS", ""),
			WantStatus: 204, WantCORS: allowedPreflight(AllowedOrigin, false), WantVary: varyPreflight},
		{Name: "request headers in any case, order, spacing, with empty items", Bug: 15, Config: cred, Method: "OPTIONS",
			Header:     preflight(AllowedOrigin, "PUT", " X-Request-ID ,, Content-Type,\tauthorization ,"),
			WantStatus: 204, WantCORS: allowedPreflight(AllowedOrigin, true), WantVary: varyPreflight},
		{Name: "request headers over several lines", Bug: 15, Config: cred, Method: "OPTIONS",
			Header: hdr("Origin", AllowedOrigin, "Access-Control-Request-Method", "PUT",
				"Access-Control-Request-Headers", "content-type", "Access-Control-Request-Headers", "x-request-id"),
			WantStatus: 204, WantCORS: allowedPreflight(AllowedOrigin, true), WantVary: varyPreflight},
		{Name: "preflight status 200 when configured", Config: with(cred, func(c *cors.Config) { c.PreflightStatus = 200 }),
			Method: "OPTIONS", Header: preflight(AllowedOrigin, "PUT", ""),
			WantStatus: 200, WantCORS: allowedPreflight(AllowedOrigin, false), WantVary: varyPreflight},
		{Name: "preflight passthrough reaches the handler with headers set", Config: with(cred, func(c *cors.Config) { c.PreflightPassthrough = true }),
			Method: "OPTIONS", Header: preflight(AllowedOrigin, "PUT", ""),
			WantStatus: 200, WantCORS: allowedPreflight(AllowedOrigin, false), WantVary: varyPreflight, WantAppRan: true, WantBody: AppBody},
		{Name: "negative MaxAge sends 0", Config: with(cred, func(c *cors.Config) { c.MaxAge = -1 }),
			Method: "OPTIONS", Header: preflight(AllowedOrigin, "PUT", ""), WantStatus: 204, WantVary: varyPreflight,
			WantCORS: with2(allowedPreflight(AllowedOrigin, false), "Access-Control-Max-Age", "0")},
		{Name: "MaxAge 7200", Config: with(cred, func(c *cors.Config) { c.MaxAge = 7200 }),
			Method: "OPTIONS", Header: preflight(AllowedOrigin, "PUT", ""), WantStatus: 204, WantVary: varyPreflight,
			WantCORS: with2(allowedPreflight(AllowedOrigin, false), "Access-Control-Max-Age", "7200")},

		// Rejected preflights: 403, no Access-Control-* at all, a short body.
		rejected("preflight from a disallowed origin", 23, cred, preflight(DisallowedOrigin, "PUT", "x-request-id"), "origin"),
		rejected("preflight with two Origin lines", 12, cred,
			hdr("Origin", AllowedOrigin, "Origin", DisallowedOrigin, "Access-Control-Request-Method", "PUT"), "origin"),
		refused("preflight for a method not allowed", 16, cred, preflight(AllowedOrigin, "PURGE", ""), "method", credentialedRefusal("")),
		refused("methods are case-sensitive: patch is not PATCH", 0, cred, preflight(AllowedOrigin, "patch", ""), "method", credentialedRefusal("")),
		rejected("a method list in Access-Control-Request-Method", 0, cred, preflight(AllowedOrigin, "PUT, DELETE", ""), "method"),
		rejected("two Access-Control-Request-Method lines", 0, cred,
			hdr("Origin", AllowedOrigin, "Access-Control-Request-Method", "PUT", "Access-Control-Request-Method", "DELETE"), "method"),
		refused("preflight for a header not allowed", 16, cred, preflight(AllowedOrigin, "PUT", "content-type,x-nope"), "request header", credentialedRefusal("PUT")),
		refused("headers are not reflected when none are configured", 14, origins(AllowedOrigin),
			preflight(AllowedOrigin, "POST", "x-anything"), "request header", map[string]string{"Access-Control-Allow-Origin": AllowedOrigin}),
		rejected("a request header that is not a token", 0, cred, preflight(AllowedOrigin, "PUT", "x-request-id, x nope"), "request header"),
		rejected("Access-Control-Request-Headers of 8 KiB of commas", 13, cred,
			preflight(AllowedOrigin, "PUT", strings.Repeat(",", 8<<10)), "request header"),
		rejected("Access-Control-Request-Headers of 100 lines", 13, cred,
			manyLines(preflight(AllowedOrigin, "PUT", ""), "Access-Control-Request-Headers", "x-request-id", 100), "request header"),
		rejected("preflight from Origin: null", 10, cred, preflight("null", "PUT", ""), "origin"),

		// Methods the Fetch standard does not normalize are kept as listed.
		{Name: "a listed lower-case method is allowed as written", Config: lowerPatch,
			Method: "OPTIONS", Header: preflight(AllowedOrigin, "patch", ""), WantStatus: 204, WantVary: varyPreflight,
			WantCORS: map[string]string{"Access-Control-Allow-Origin": AllowedOrigin, "Access-Control-Allow-Methods": "patch", "Access-Control-Max-Age": "600"}},
		refused("a listed lower-case method does not allow its upper case", 0, lowerPatch, preflight(AllowedOrigin, "PATCH", ""), "method",
			map[string]string{"Access-Control-Allow-Origin": AllowedOrigin}),

		// An origin admitted by AllowOriginFunc gets the rules listed origins get.
		notAllowed("a function cannot allow plain HTTP with credentials", 0, anyByFunc, hdr("Origin", "http://app.example.com")),
		ok("a function may allow plain HTTP to loopback with credentials", 0, anyByFunc, "http://localhost:3000"),
		ok("a function may allow https with credentials", 0, anyByFunc, "https://partner.example.org"),

		// Wildcards without credentials.
		{Name: "any origin: static Allow-Origin: * without Origin, no Vary: Origin", Config: pub,
			WantStatus: 200, WantCORS: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "X-Request-Id"},
			WantNoVary: []string{"Origin"}, WantAppRan: true, WantBody: AppBody},
		{Name: "any origin: actual request gets *", Bug: 2, Config: pub, Header: hdr("Origin", DisallowedOrigin),
			WantStatus: 200, WantCORS: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "X-Request-Id"},
			WantNoVary: []string{"Origin"}, WantAppRan: true, WantBody: AppBody},
		{Name: "any origin and any header: Authorization is named", Bug: 17, Config: pub, Method: "OPTIONS",
			Header:     preflight("https://anyone.example", "PUT", "authorization,x-custom"),
			WantStatus: 204, WantVary: []string{"Access-Control-Request-Method", "Access-Control-Request-Headers"}, WantNoVary: []string{"Origin"},
			WantCORS: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "PUT",
				"Access-Control-Allow-Headers": "*, authorization", "Access-Control-Max-Age": "600"}},
		{Name: "any origin and any header without Authorization", Config: pub, Method: "OPTIONS",
			Header:     preflight("https://anyone.example", "PUT", "x-custom"),
			WantStatus: 204, WantVary: []string{"Access-Control-Request-Method"},
			WantCORS: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "PUT",
				"Access-Control-Allow-Headers": "*", "Access-Control-Max-Age": "600"}},
		{Name: "any method without credentials: Allow-Methods *", Config: with(pub, func(c *cors.Config) { c.AllowMethods = []string{"*"} }),
			Method: "OPTIONS", Header: preflight("https://anyone.example", "PURGE", ""), WantStatus: 204,
			WantVary: []string{"Access-Control-Request-Method"},
			WantCORS: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "*", "Access-Control-Max-Age": "600"}},
		{Name: "expose any header without credentials", Config: with(pub, func(c *cors.Config) { c.ExposeHeaders = []string{"*"} }),
			Header: hdr("Origin", AllowedOrigin), WantStatus: 200, WantAppRan: true,
			WantCORS: map[string]string{"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "*"}},

		// Wildcards with credentials are reflected, never "*".
		{Name: "any header with credentials reflects the requested headers", Bug: 17,
			Config: with(cred, func(c *cors.Config) { c.AllowHeaders = []string{"*"} }), Method: "OPTIONS",
			Header: preflight(AllowedOrigin, "PUT", "authorization,x-custom"), WantStatus: 204, WantVary: varyPreflight,
			WantCORS: with2(allowedPreflight(AllowedOrigin, false), "Access-Control-Allow-Headers", "authorization,x-custom")},
		{Name: "any method with credentials reflects the requested method",
			Config: with(cred, func(c *cors.Config) { c.AllowMethods = []string{"*"} }), Method: "OPTIONS",
			Header: preflight(AllowedOrigin, "PURGE", ""), WantStatus: 204, WantVary: varyPreflight,
			WantCORS: with2(allowedPreflight(AllowedOrigin, false), "Access-Control-Allow-Methods", "PURGE")},

		// Private Network Access.
		{Name: "private network access answered when enabled", Config: with(cred, func(c *cors.Config) { c.AllowPrivateNetwork = true }),
			Method: "OPTIONS", Header: withH(preflight(AllowedOrigin, "PUT", ""), "Access-Control-Request-Private-Network", "true"),
			WantStatus: 204, WantVary: append(varyPreflight, "Access-Control-Request-Private-Network"),
			WantCORS: with2(allowedPreflight(AllowedOrigin, false), "Access-Control-Allow-Private-Network", "true")},
		{Name: "private network access not asked: not answered", Config: with(cred, func(c *cors.Config) { c.AllowPrivateNetwork = true }),
			Method: "OPTIONS", Header: preflight(AllowedOrigin, "PUT", ""),
			WantStatus: 204, WantVary: varyPreflight, WantCORS: allowedPreflight(AllowedOrigin, false)},
		{Name: "private network access ignored when disabled", Config: cred,
			Method: "OPTIONS", Header: withH(preflight(AllowedOrigin, "PUT", ""), "Access-Control-Request-Private-Network", "true"),
			WantStatus: 204, WantVary: varyPreflight, WantNoVary: []string{"Access-Control-Request-Private-Network"},
			WantCORS: allowedPreflight(AllowedOrigin, false)},

		// Null, functions.
		ok("Origin: null when dangerously allowed", 10,
			cors.Config{AllowOrigins: []string{"null"}, DangerouslyAllowNullOrigin: true}, "null"),
		ok("AllowOriginFunc", 0, cors.Config{AllowOriginFunc: func(o string) bool { return o == "https://func.example" }}, "https://func.example"),
		notAllowed("AllowOriginFunc is not asked about null", 10,
			cors.Config{AllowOriginFunc: func(string) bool { return true }}, hdr("Origin", "null")),
		notAllowed("AllowOriginRegex does not see null", 10, cors.Config{AllowOriginRegex: ".*"}, hdr("Origin", "null")),
	}
	cs = append(cs, patternCases()...)
	return append(cs, crossOriginCases()...)
}

// ProtectedConfig is CredentialedConfig with cross-origin protection, and
// with a subdomain pattern and a regular expression besides the exact
// origins, so that each form of trust is checked.
func ProtectedConfig() cors.Config {
	cfg := CredentialedConfig()
	cfg.AllowOrigins = append(cfg.AllowOrigins, "https://*.partner.example")
	cfg.AllowOriginRegex = `https://tenant[0-9]+\.example\.org`
	cfg.CrossOriginProtection = true
	return cfg
}

// crossOriginCases are those of Config.CrossOriginProtection: a cross-origin
// request with an unsafe method from an origin the policy does not allow
// never reaches the handler.
func crossOriginCases() []Case {
	protected := ProtectedConfig()
	refused := func(name string, method string, h http.Header) Case {
		return Case{Name: name, Config: protected, Method: method, Header: h,
			WantStatus: http.StatusForbidden, WantVary: varyActual, WantBody: "Cross-origin request refused\n",
			WantHeader: map[string]string{"Content-Type": "text/plain; charset=utf-8"}}
	}
	passes := func(name string, cfg cors.Config, method string, h http.Header, wantCORS map[string]string) Case {
		return Case{Name: name, Config: cfg, Method: method, Header: h, WantStatus: http.StatusOK,
			WantCORS: wantCORS, WantAppRan: true, WantBody: AppBody}
	}
	protectedActual := func(origin string) map[string]string { return allowedActualFor(protected, origin) }
	self := "http://" + Host
	return []Case{
		refused("protection: a cross-site form POST from a foreign origin is refused", "POST", hdr("Origin", DisallowedOrigin, "Sec-Fetch-Site", "cross-site")),
		refused("protection: a cross-site DELETE from an old browser (no Sec-Fetch-Site) is refused", "DELETE", hdr("Origin", DisallowedOrigin)),
		refused("protection: same-site is not same-origin: a sibling's POST is refused", "POST", hdr("Origin", "https://blog.example.com", "Sec-Fetch-Site", "same-site")),
		refused("protection: cross-site without Origin is refused", "POST", hdr("Sec-Fetch-Site", "cross-site")),
		passes("protection: a POST from an allowed exact origin passes", protected, "POST", hdr("Origin", AllowedOrigin, "Sec-Fetch-Site", "cross-site"), protectedActual(AllowedOrigin)),
		passes("protection: a POST from an origin a pattern allows passes", protected, "POST", hdr("Origin", "https://a.partner.example", "Sec-Fetch-Site", "cross-site"), protectedActual("https://a.partner.example")),
		passes("protection: a POST from an origin the regex allows passes", protected, "PUT", hdr("Origin", "https://tenant7.example.org", "Sec-Fetch-Site", "cross-site"), protectedActual("https://tenant7.example.org")),
		passes("protection: a same-origin POST passes", protected, "POST", hdr("Origin", self, "Sec-Fetch-Site", "same-origin"), nil),
		passes("protection: the user's own navigation (Sec-Fetch-Site: none) passes", protected, "POST", hdr("Sec-Fetch-Site", "none"), nil),
		passes("protection: without Sec-Fetch-Site, an Origin naming the request's host passes", protected, "POST", hdr("Origin", self), nil),
		passes("protection: a POST with neither Origin nor Sec-Fetch-Site (not a browser) passes", protected, "POST", nil, nil),
		passes("protection: safe methods are never refused", protected, "GET", hdr("Origin", DisallowedOrigin, "Sec-Fetch-Site", "cross-site"), nil),
		passes("protection: off by default, a cross-site POST reaches the handler", CredentialedConfig(), "POST", hdr("Origin", DisallowedOrigin, "Sec-Fetch-Site", "cross-site"), nil),
	}
}

func patternCases() []Case {
	sub := cors.Config{AllowOrigins: []string{"https://*.example.com"}, AllowCredentials: true}
	port := cors.Config{AllowOrigins: []string{"http://localhost:*"}, AllowCredentials: true}
	re := cors.Config{AllowOriginRegex: `https://.*\.example\.org`}
	return []Case{
		ok("subdomain pattern: one label", 0, sub, "https://a.example.com"),
		ok("subdomain pattern: two labels", 0, sub, "https://a.b.example.com"),
		notAllowed("subdomain pattern: not the apex", 0, sub, hdr("Origin", "https://example.com")),
		notAllowed("subdomain pattern: empty label", 9, sub, hdr("Origin", "https://.example.com")),
		notAllowed("subdomain pattern: not a longer suffix", 6, sub, hdr("Origin", "https://a.example.com.evil.com")),
		notAllowed("subdomain pattern: aligned to labels", 6, sub, hdr("Origin", "https://notexample.com")),
		notAllowed("subdomain pattern: same scheme", 0, sub, hdr("Origin", "http://a.example.com")),
		notAllowed("subdomain pattern: same port", 0, sub, hdr("Origin", "https://a.example.com:8443")),
		ok("port wildcard: a port", 0, port, "http://localhost:3000"),
		ok("port wildcard: no port", 0, port, "http://localhost"),
		notAllowed("port wildcard: not another host", 0, port, hdr("Origin", "http://localhost.evil.com:3000")),
		notAllowed("port wildcard: same scheme", 0, port, hdr("Origin", "https://localhost:3000")),
		notAllowed("port wildcard: a real port", 0, port, hdr("Origin", "http://localhost:99999")),
		ok("regex: full match", 0, re, "https://x.example.org"),
		notAllowed("regex: anchored at the end", 4, re, hdr("Origin", "https://x.example.org.hacker.com")),
		notAllowed("regex: anchored at the start", 4, re, hdr("Origin", "evil://https://x.example.org")),
	}
}

func with2(m map[string]string, k, v string) map[string]string {
	m[k] = v
	return m
}

func withH(h http.Header, k, v string) http.Header {
	h.Add(k, v)
	return h
}

func manyLines(h http.Header, name, value string, n int) http.Header {
	for i := 0; i < n; i++ {
		h.Add(name, value)
	}
	return h
}

// A ConfigErrorCase is a configuration [cors.New] must refuse.
type ConfigErrorCase struct {
	// Name describes the case.
	Name string
	// Bug is as for [Case].
	Bug int
	// Config is what cors.New must refuse.
	Config cors.Config
	// WantField is named in the error message.
	WantField string
}

// ConfigErrorCases returns the insecure or meaningless configurations that
// corskit refuses at construction.
func ConfigErrorCases() []ConfigErrorCase {
	return []ConfigErrorCase{
		{"wildcard origin with credentials", 1, cors.Config{AllowOrigins: []string{"*"}, AllowCredentials: true}, "AllowOrigins[0]"},
		{"near-wildcard origin", 3, origins("h*"), "AllowOrigins[0]"},
		{"wildcard path", 5, origins("https://example.com/*"), "AllowOrigins[0]"},
		{"glob not aligned to a label", 6, origins("https://*example.com"), "AllowOrigins[0]"},
		{"trailing glob", 6, origins("https://api.*"), "AllowOrigins[0]"},
		{"null without opt-in", 10, origins("null"), "AllowOrigins[0]"},
		{"expose * with credentials", 18, cors.Config{AllowOrigins: []string{AllowedOrigin}, AllowCredentials: true, ExposeHeaders: []string{"*"}}, "ExposeHeaders[0]"},
		{"expose Set-Cookie", 0, cors.Config{AllowOrigins: []string{AllowedOrigin}, ExposeHeaders: []string{"Set-Cookie"}}, "ExposeHeaders[0]"},
		{"invalid regex", 25, cors.Config{AllowOriginRegex: "https://(.*"}, "AllowOriginRegex"},
		{"no origin allowed at all", 0, cors.Config{}, "AllowOrigins"},
		{"public suffix pattern with credentials", 0, cors.Config{AllowOrigins: []string{"https://*.github.io"}, AllowCredentials: true}, "AllowOrigins[0]"},
		{"plain http with credentials", 0, cors.Config{AllowOrigins: []string{"http://app.example.com"}, AllowCredentials: true}, "AllowOrigins[0]"},
		{"TRACE method", 0, cors.Config{AllowOrigins: []string{AllowedOrigin}, AllowMethods: []string{"TRACE"}}, "AllowMethods[0]"},
		{"header name that is not a token", 0, cors.Config{AllowOrigins: []string{AllowedOrigin}, AllowHeaders: []string{"x bad"}}, "AllowHeaders[0]"},
		{"subdomain pattern above a public suffix, with credentials", 0, cors.Config{AllowOrigins: []string{"https://*.amazonaws.com"}, AllowCredentials: true}, "AllowOrigins[0]"},
		{"subdomain pattern over a wildcard public suffix, with credentials", 0, cors.Config{AllowOrigins: []string{"https://*.kawasaki.jp"}, AllowCredentials: true}, "AllowOrigins[0]"},
		{"regex matching plain http, with credentials", 0, cors.Config{AllowOriginRegex: `https?://app\.example\.com`, AllowCredentials: true}, "AllowOriginRegex"},
		{"regex matching names under a public suffix, with credentials", 0, cors.Config{AllowOriginRegex: `https://[a-z0-9-]+\.github\.io`, AllowCredentials: true}, "AllowOriginRegex"},
		{"cross-origin protection that trusts every origin", 0, cors.Config{AllowOrigins: []string{"*"}, CrossOriginProtection: true}, "CrossOriginProtection"},
		{"regex that escapes its anchors", 4, cors.Config{AllowOriginRegex: `https://app\.example\.com)|(?:x`}, "AllowOriginRegex"},
	}
}
