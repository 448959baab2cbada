package main

import "github.com/corskit/corskit/cmd/corscheck/browser"

// rank orders the severities "critical", "high", "medium", "low" and
// "info": lower is worse.
func rank(severity string) int {
	switch severity {
	case "critical":
		return 0
	case "high":
		return 1
	case "medium":
		return 2
	case "low":
		return 3
	}
	return 4
}

// serious reports whether a finding of severity makes the audit fail.
func serious(severity string) bool { return rank(severity) <= rank("high") }

// A finding is one weakness the audit showed.
type finding struct {
	// ID is stable, for scripts: see findingText.
	ID string `json:"id"`
	// Severity is "critical", "high", "medium", "low" or "info".
	Severity string `json:"severity"`
	// Title says what was seen, Fix what to change.
	Title string `json:"title"`
	Fix   string `json:"fix"`
	// Request and Response are the exchange that showed it.
	Request  sentRequest      `json:"request"`
	Response browser.Response `json:"response"`
}

// findingText returns the severity, title and fix of the finding id for
// the probe origin, with or without credentials allowed.
func findingText(id, origin string, credentials bool) (severity, title, fix string) {
	worse := func(with, without string) string {
		if credentials {
			return with
		}
		return without
	}
	withCredentials := worse(" with credentials", "")
	switch id {
	case "origin-reflected":
		return worse("critical", "low"), "Any origin is allowed" + withCredentials + ": " + origin + " was reflected in Access-Control-Allow-Origin" + worse(", so any site can read your users' data", ""),
			"Compare Origin with a list of trusted origins and answer only those; never copy Origin into Access-Control-Allow-Origin unchecked."
	case "null-origin":
		return worse("high", "low"), "Origin null is allowed" + withCredentials + ": any page can send it from a sandboxed iframe",
			"Remove null from the allowed origins; serve the pages that need the API from a real origin."
	case "origin-suffix", "origin-prefix", "origin-unescaped-dot":
		return worse("high", "low"), "A look-alike origin an attacker can register is allowed" + withCredentials + ": " + origin,
			"Match origins exactly, or with anchored patterns aligned on labels (https://*.example.com); escape the dots of a regular expression and anchor it with ^ and $."
	case "origin-insecure-scheme":
		return "medium", "The http:// variant " + origin + " of the trusted origin is allowed with credentials: a network attacker can inject it",
			"Allow only the https:// origin."
	case "origin-any-subdomain":
		return worse("low", "info"), "Any subdomain is allowed" + withCredentials + ": " + origin + "; one subdomain taken over or with an XSS reads the API",
			"List the subdomains that need the API, unless every subdomain is trusted."
	case "wildcard-credentials":
		return "medium", "Access-Control-Allow-Origin: * is sent with Access-Control-Allow-Credentials: true: browsers refuse it, and the configuration meant to let every site read credentialed data",
			"List the trusted origins and reflect only those, or drop Access-Control-Allow-Credentials."
	case "wildcard-origin":
		return "info", "Every origin may read responses without credentials (Access-Control-Allow-Origin: *)",
			"Fine for public data; list the trusted origins otherwise."
	case "preflight-reflects-method":
		return "medium", "The preflight allows any method with credentials: it allowed the made-up " + probeMethod,
			"Answer Access-Control-Allow-Methods with the methods you serve, not a copy of Access-Control-Request-Method."
	case "preflight-reflects-headers":
		return "medium", "The preflight allows any request header with credentials: it allowed the made-up " + probeHeader,
			"Answer Access-Control-Allow-Headers with the headers you accept, not a copy of Access-Control-Request-Headers."
	case "rejected-preflight-fields":
		return "low", "A preflight the browser rejects still carries Access-Control-* fields, which show the policy to anyone",
			"Answer a rejected preflight with 403 and no Access-Control-* field."
	case "vary-origin-missing":
		return "medium", "Access-Control-Allow-Origin depends on Origin but a response has no Vary: Origin: a shared cache can serve one origin's response to another",
			"Add Vary: Origin to every response of a resource whose CORS fields depend on Origin, including responses to requests without Origin."
	case "trusted-refused":
		return "info", "The trusted origin " + origin + " is not allowed: the look-alike probes show nothing",
			"Pass the origin your frontend really uses with -origin."
	}
	return "info", id, ""
}
