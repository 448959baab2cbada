package browser

import "fmt"

// A Kind names why the browser refused a response, with the names of the
// DevTools protocol's corsErrorStatus.
type Kind string

// The kinds of failure of the CORS check of an actual response.
const (
	MissingAllowOriginHeader  Kind = "MissingAllowOriginHeader"
	AllowOriginMismatch       Kind = "AllowOriginMismatch"
	MultipleAllowOriginValues Kind = "MultipleAllowOriginValues"
	InvalidAllowOriginValue   Kind = "InvalidAllowOriginValue"
	WildcardOriginNotAllowed  Kind = "WildcardOriginNotAllowed"
	InvalidAllowCredentials   Kind = "InvalidAllowCredentials"
)

// The kinds of failure of a preflight: the same CORS check, its status,
// its redirect, and its method and header checks.
const (
	PreflightMissingAllowOriginHeader    Kind = "PreflightMissingAllowOriginHeader"
	PreflightAllowOriginMismatch         Kind = "PreflightAllowOriginMismatch"
	PreflightMultipleAllowOriginValues   Kind = "PreflightMultipleAllowOriginValues"
	PreflightInvalidAllowOriginValue     Kind = "PreflightInvalidAllowOriginValue"
	PreflightWildcardOriginNotAllowed    Kind = "PreflightWildcardOriginNotAllowed"
	PreflightInvalidAllowCredentials     Kind = "PreflightInvalidAllowCredentials"
	PreflightInvalidStatus               Kind = "PreflightInvalidStatus"
	PreflightDisallowedRedirect          Kind = "PreflightDisallowedRedirect"
	InvalidAllowMethodsPreflightResponse Kind = "InvalidAllowMethodsPreflightResponse"
	InvalidAllowHeadersPreflightResponse Kind = "InvalidAllowHeadersPreflightResponse"
	MethodDisallowedByPreflightResponse  Kind = "MethodDisallowedByPreflightResponse"
	HeaderDisallowedByPreflightResponse  Kind = "HeaderDisallowedByPreflightResponse"
)

// A Failure is the browser's refusal of a response: the page's fetch
// rejects with "TypeError: Failed to fetch" and the console says why.
type Failure struct {
	// Kind says which check failed.
	Kind Kind `json:"kind"`
	// Value is the value that failed it, as DevTools' failedParameter: the
	// Access-Control-Allow-Origin or -Credentials value received, the
	// method or header name refused; empty when there is none.
	Value string `json:"value,omitempty"`
	// Refused lists, for HeaderDisallowedByPreflightResponse, every request
	// header the preflight refused, in Access-Control-Request-Headers
	// order. Value is the first of them; Chromium names one of them too,
	// but in the order of its own header map, which the model does not
	// reproduce.
	Refused []string `json:"refused,omitempty"`
}

// Preflight reports whether the failure happened at the preflight.
func (f Failure) Preflight() bool {
	switch f.Kind {
	case MissingAllowOriginHeader, AllowOriginMismatch, MultipleAllowOriginValues,
		InvalidAllowOriginValue, WildcardOriginNotAllowed, InvalidAllowCredentials:
		return false
	}
	return true
}

// Message returns what Chromium prints to the console when it blocks r
// for f, such as "Access to fetch at 'https://api.example.com/' from origin
// 'https://app.example.com' has been blocked by CORS policy: No
// 'Access-Control-Allow-Origin' header is present on the requested
// resource."
func (f Failure) Message(r Request) string {
	return fmt.Sprintf("Access to fetch at '%s' from origin '%s' has been blocked by CORS policy: %s",
		r.URL, r.Origin, f.detail())
}

// preflightPrefix starts the detail of a failed access or status check of
// a preflight response.
const preflightPrefix = "Response to preflight request doesn't pass access control check: "

// detail returns the part of Chromium's message that says why.
func (f Failure) detail() string {
	switch f.Kind {
	case PreflightInvalidStatus:
		return preflightPrefix + "It does not have HTTP ok status."
	case PreflightDisallowedRedirect:
		return preflightPrefix + "Redirect is not allowed for a preflight request."
	case InvalidAllowMethodsPreflightResponse:
		return "Cannot parse Access-Control-Allow-Methods response header field in preflight response."
	case InvalidAllowHeadersPreflightResponse:
		return "Cannot parse Access-Control-Allow-Headers response header field in preflight response."
	case MethodDisallowedByPreflightResponse:
		return "Method " + f.Value + " is not allowed by Access-Control-Allow-Methods in preflight response."
	case HeaderDisallowedByPreflightResponse:
		return "Request header field " + f.Value + " is not allowed by Access-Control-Allow-Headers in preflight response."
	}
	if access, ok := f.accessKind(); ok {
		return preflightPrefix + Failure{Kind: access, Value: f.Value}.detail()
	}
	return f.accessDetail()
}

// accessKind returns the kind of the CORS check that a preflight kind such
// as PreflightAllowOriginMismatch is the preflight's version of.
func (f Failure) accessKind() (Kind, bool) {
	switch f.Kind {
	case PreflightMissingAllowOriginHeader, PreflightAllowOriginMismatch,
		PreflightMultipleAllowOriginValues, PreflightInvalidAllowOriginValue,
		PreflightWildcardOriginNotAllowed, PreflightInvalidAllowCredentials:
		return f.Kind[len("Preflight"):], true
	}
	return "", false
}

// accessDetail returns the detail of a failed CORS check.
func (f Failure) accessDetail() string {
	const valid = " Have the server send the header with a valid value."
	switch f.Kind {
	case MissingAllowOriginHeader:
		return "No 'Access-Control-Allow-Origin' header is present on the requested resource."
	case AllowOriginMismatch:
		return "The 'Access-Control-Allow-Origin' header has a value '" + f.Value + "' that is not equal to the supplied origin." + valid
	case MultipleAllowOriginValues:
		return "The 'Access-Control-Allow-Origin' header contains multiple values '" + f.Value + "', but only one is allowed." + valid
	case InvalidAllowOriginValue:
		return "The 'Access-Control-Allow-Origin' header contains the invalid value '" + f.Value + "'." + valid
	case WildcardOriginNotAllowed:
		return "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."
	case InvalidAllowCredentials:
		return "The value of the 'Access-Control-Allow-Credentials' header in the response is '" + f.Value + "' which must be 'true' when the request's credentials mode is 'include'."
	}
	return "Unknown failure " + string(f.Kind) + "."
}
