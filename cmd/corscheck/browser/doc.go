// Package browser is a model of what a browser does for a cross-origin
// request, written from the Fetch standard and checked against Chromium:
// whether the request needs a CORS preflight and what that preflight
// carries, the CORS check of each response, the preflight's method and
// header checks, the lifetime of the preflight cache entry, and, for each
// failure, the message Chromium prints to the console.
//
// The checks are pure functions of a [Request] and a [Response]. [Fetch]
// runs them over the network the way a browser would: the preflight when
// one is needed, then the actual request.
//
// Failure kinds carry the names of the DevTools protocol's corsErrorStatus
// ("MissingAllowOriginHeader", "PreflightInvalidStatus", ...), and
// [Failure.Message] the text Chromium 156 writes to the console, so that a
// verdict of this package can be compared with a real browser's.
//
// Where Chromium is more lenient than the standard, the model follows
// Chromium and says so in a warning: Access-Control-Allow-Headers: *
// covers Authorization in Chromium 156 (with a deprecation warning), not in
// the standard.
package browser
