package e2e

import "testing"

// A scenario is one behaviour proven in the browser, as a group of cases.
type scenario struct {
	name string
	run  func(t *testing.T, e *env)
}

// scenarios returns every scenario, in the order of issue 4.
func scenarios() []scenario {
	return []scenario{
		{"01-simple-get", simpleGet},
		{"02-preflight", preflight},
		{"03-credentials", credentials},
		{"04-expose-headers", exposeHeaders},
		{"05-error-status", errorStatus},
		{"06-max-age", maxAge},
		{"07-null-origin", nullOrigin},
		{"08-subdomain-pattern", subdomainPattern},
		{"09-vary-origin", varyOrigin},
		{"10-options-request", optionsRequest},
		{"11-cross-origin-protection", crossOriginProtection},
	}
}
