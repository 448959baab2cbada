// Package cors is corskit's CORS engine: a framework-agnostic, allocation-free
// implementation of the server side of the CORS protocol of the Fetch
// standard, secure by default.
//
// Import it as
//
//	import cors "github.com/corskit/corskit/core"
//
// # Overview
//
// A [Config] says which origins, methods and headers are allowed. [New]
// validates it once, reporting every problem at once, and compiles it into a
// [Policy]. [Policy.Decide] is then a pure function from what a request says
// (method, Origin, Access-Control-Request-* headers) to a [Decision]: what
// kind of request it is, whether it is allowed and why, which response
// headers to set, what to add to Vary, and, for a preflight, the status and
// body to answer with. Middlewares only translate: [Policy.Handler] for
// net/http (and chi, gorilla/mux, http.ServeMux), and the adapters in
// corskit's adapters/ directory for Gin, Echo v4 and v5, Fiber v2 and v3,
// fasthttp and chi. JSON and YAML configuration files decode into a Config
// ([Config.UnmarshalJSON]); an unknown key is an error that names the
// closest known one.
//
// # Configuration
//
// The fields are those of Starlette's CORSMiddleware, as FastAPI users know
// them, with the same JSON and YAML keys (allow_origins, allow_methods, ...):
//
//	policy, err := cors.New(cors.Config{
//		AllowOrigins:     []string{"https://app.example.com", "https://*.example.com"},
//		AllowMethods:     []string{"PUT", "DELETE"},
//		AllowHeaders:     []string{"Authorization"},
//		AllowCredentials: true,
//		ExposeHeaders:    []string{"X-Request-Id"},
//	})
//
// Origins are written exactly as browsers send them: lower-case scheme and
// host, punycode, no default port, no path, no trailing slash. Anything else
// is an error whose message gives the corrected value; nothing is silently
// rewritten. Besides exact origins, AllowOrigins accepts "*", subdomain
// patterns ("https://*.example.com": one or more labels, never the apex) and
// port wildcards ("http://localhost:*"). AllowOriginRegex must match the
// whole origin, and AllowOriginFunc decides the rest.
//
// # Secure defaults
//
// [New] refuses, with a [*ConfigError] naming the field, the value and the
// fix:
//   - "*" as an origin together with AllowCredentials (reflecting every origin
//     with credentials lets any site read your users' data);
//   - "*" in ExposeHeaders with credentials, exposing Set-Cookie, the
//     CONNECT, TRACE and TRACK methods, and names that are not HTTP tokens;
//   - any "*" other than the documented origin forms, such as
//     "https://*example.com" or "https://example.com/*";
//   - a regular expression that does not compile, a MaxAge above a day, a
//     preflight status outside 200-299, and a configuration that allows no
//     origin at all.
//
// Three combinations are refused unless a field whose name starts with
// Dangerously opts in: the "null" origin (any page can send it); plain-http
// origins other than loopback together with credentials; and, together
// with credentials, subdomain patterns that can match names anyone can
// register: a public suffix of the Public Suffix List sits at or below the
// pattern's host ("https://*.github.io", "https://*.amazonaws.com", under
// which s3.amazonaws.com is one). AllowOriginRegex gets the same two
// credential rules, found by probing it at New, and an origin that the
// regular expression or AllowOriginFunc admits is refused at request time
// if it is plain HTTP to a host other than loopback.
//
// # Requests
//
// A request without Origin is not CORS: the handler runs, and the response
// gets Vary: Origin so that no cache serves it to a CORS request. A
// preflight is an OPTIONS request with Origin and
// Access-Control-Request-Method; any other request with Origin, including
// OPTIONS without Access-Control-Request-Method, is an actual request.
//
// An allowed actual request gets Access-Control-Allow-Origin (the request's
// origin, byte for byte), Access-Control-Allow-Credentials when credentials
// are allowed, Access-Control-Expose-Headers when configured, and Vary:
// Origin. These are set before the handler runs, so they are on error
// responses too. A disallowed actual request reaches the handler untouched,
// without Access-Control-* headers: CORS is not access control, and the
// browser hides the response from the page.
//
// An allowed preflight is answered 204 (or Config.PreflightStatus) with
// Access-Control-Allow-Origin, -Credentials, -Methods, -Headers and -Max-Age,
// and the handler is not called unless Config.PreflightPassthrough is set.
// A preflight from an origin the policy does not allow, or a malformed one,
// is answered 403 with a short text/plain body saying what was rejected and
// no Access-Control-* header at all. A well-formed preflight from an allowed
// origin that asks for a method or header the policy does not allow is
// answered 200 with the same kind of body and only Access-Control-Allow-Origin
// (and -Credentials, and the requested method when a header is refused): the
// browser's CORS check passes, the method or header is not granted, and the
// browser's console names it ("Method PATCH is not allowed by
// Access-Control-Allow-Methods in preflight response") instead of
// complaining about a missing Access-Control-Allow-Origin. Neither reveals
// the lists of allowed methods or headers. All preflight responses vary on
// Origin, Access-Control-Request-Method and Access-Control-Request-Headers.
//
// A policy that allows any origin without credentials answers everyone the
// same: Access-Control-Allow-Origin: * on every response, with no Vary:
// Origin, as the Fetch standard advises for a static value.
//
// Methods are compared case-sensitively, as browsers do; header names
// case-insensitively. Access-Control-Request-Headers is parsed tolerantly
// (any case, order and spacing, empty items, several lines) but within fixed
// bounds: a request that exceeds them is rejected in constant time.
//
// # Middleware
//
// [Policy.Handler] is net/http middleware. It sets the headers on the
// handler's own header map (it does not wrap the ResponseWriter, so
// http.Flusher and http.Hijacker stay visible), adds to Vary rather than
// replacing it, and stores every value in a slice of its own, so that a
// handler changing a header in place cannot affect another response. Install
// it around the whole router, not a route or a group: a browser's preflight
// to a route that has no OPTIONS handler must still be answered.
//
// A panic in AllowOriginFunc propagates like a panic in a handler: install
// the framework's recover middleware before (outside) the CORS middleware.
//
// # Writing an adapter
//
// An adapter translates; it holds no CORS logic. For a framework built on
// net/http, it calls [Policy.ServeCORS] and runs the next handler unless
// that reports true. For a server with its own types (fasthttp), it builds
// a [Request] (the method, the Origin lines, and for an OPTIONS request the
// Access-Control-Request-* lines; the path for log records), calls
// [Policy.Apply] with a [HeaderWriter] over its response header, and then
// answers with the status and body Apply returns, or runs the next handler
// when the status is zero. The strings of a Request may share buffers the
// server reuses: the core copies what it keeps or hands to user code. The
// conformance suite, package corstest, is the contract every adapter runs
// through its real framework.
//
// # CORS is not CSRF protection
//
// CORS decides what a page may read; it stops no request from running. A
// form posted from any site, or a no-cors fetch, still reaches the handler
// with the user's cookies: cross-site request forgery. Set
// Config.CrossOriginProtection to refuse, with 403 and before the handler
// runs, every cross-origin request with an unsafe method whose origin the
// policy does not allow: one list of trusted origins for both, patterns,
// regular expression and function included. It follows net/http's
// CrossOriginProtection (Sec-Fetch-Site, or Origin against the request's
// host for browsers without it); an application already using that can
// get one trusting the same origins from [Policy.CrossOriginProtection],
// when they are all exact.
//
// # Changing the policy at run time
//
// [Policy.Update] replaces the configuration atomically, for instance when
// allowed origins are loaded from a database. Middleware built from the
// policy picks up the change with the next request; a configuration with
// problems is refused and the old one stays in force.
//
// # Logging
//
// With Config.Logger set, every rejected request is logged at debug level
// with its reason, the value that failed (cut to a few hundred bytes) and
// the request's path. Without a logger, or with one that does not log
// debug records, nothing is spent on it.
//
// # Concurrency
//
// A Policy is safe for concurrent use by any number of goroutines, including
// calls to Update while requests are decided. A Decision is a plain value.
// The zero Policy is usable and allows no origin.
package cors
