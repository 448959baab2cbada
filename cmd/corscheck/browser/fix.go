package browser

import "strings"

// Fix returns, in one sentence, what the server must change so that the
// browser lets the page read the response to r.
func (f Failure) Fix(r Request) string {
	if access, ok := f.accessKind(); ok {
		fix := Failure{Kind: access, Value: f.Value}.Fix(r)
		return "On the preflight (OPTIONS) response: " + strings.ToLower(fix[:1]) + fix[1:]
	}
	switch f.Kind {
	case PreflightInvalidStatus:
		return "Answer the preflight (OPTIONS with Access-Control-Request-Method) with 204 or 200, before any authentication or routing middleware turns it into an error."
	case PreflightDisallowedRedirect:
		return "Serve the preflight at the requested URL itself: a browser never follows a redirect of a preflight (check the trailing slash, the scheme and the host of the URL)."
	case InvalidAllowMethodsPreflightResponse:
		return "Send Access-Control-Allow-Methods as a comma-separated list of method tokens, such as 'PUT, DELETE'."
	case InvalidAllowHeadersPreflightResponse:
		return "Send Access-Control-Allow-Headers as a comma-separated list of header names, such as 'Content-Type, Authorization'."
	case MethodDisallowedByPreflightResponse:
		return "Add " + f.Value + " to Access-Control-Allow-Methods in the preflight response (methods match case-sensitively, and with credentials '*' is a literal name)."
	case HeaderDisallowedByPreflightResponse:
		return "Add " + strings.Join(f.Refused, ", ") + " to Access-Control-Allow-Headers in the preflight response (with credentials '*' is a literal name)."
	}
	return f.accessFix(r)
}

// accessFix returns the fix of a failed CORS check.
func (f Failure) accessFix(r Request) string {
	want := "Access-Control-Allow-Origin: " + r.Origin
	switch f.Kind {
	case MissingAllowOriginHeader:
		return "Have the server answer requests from " + r.Origin + " with " + want + " (and Vary: Origin), or allow that origin in its CORS policy."
	case AllowOriginMismatch:
		return "Send " + want + " exactly, byte for byte (scheme, host, port, no trailing slash), instead of '" + f.Value + "'."
	case MultipleAllowOriginValues:
		return "Send one Access-Control-Allow-Origin value, the request's own origin (" + r.Origin + "), instead of a list or several fields."
	case InvalidAllowOriginValue:
		return "Send " + want + ", a serialized origin, instead of '" + f.Value + "'."
	case WildcardOriginNotAllowed:
		return "With credentials, send " + want + " and Vary: Origin instead of '*', for the origins you trust."
	case InvalidAllowCredentials:
		return "Send Access-Control-Allow-Credentials: true (lower case) to credentialed requests from " + r.Origin + ", or fetch without credentials: 'include'."
	}
	return "See the Fetch standard's CORS protocol."
}
