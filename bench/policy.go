package bench

import (
	"fmt"

	cors "github.com/corskit/corskit/core"
)

// Host is the Host of every request. It differs from every origin, so that
// no middleware treats a request as same-origin.
const Host = "api.bench.test"

// Path is the one route every framework serves (GET and OPTIONS).
const Path = "/api/items"

// NumOrigins is the number of allowed origins in the policy.
const NumOrigins = 52

// DisallowedOrigin is an origin the policy does not allow.
const DisallowedOrigin = "https://evil.example.net"

// Origin returns the n-th allowed origin, counting from 1.
func Origin(n int) string {
	return fmt.Sprintf("https://app%02d.example.com", n)
}

// A Policy is the one CORS policy every implementation is configured with.
type Policy struct {
	Origins     []string
	Methods     []string
	Headers     []string
	Expose      []string
	Credentials bool
	MaxAge      int // seconds
}

// NewPolicy returns the policy of issue 5: 52 exact origins, methods GET,
// POST, PUT, DELETE, headers Content-Type, Authorization, X-Request-Id,
// credentials on, X-Request-Id exposed, max age 600 seconds.
func NewPolicy() Policy {
	origins := make([]string, NumOrigins)
	for i := range origins {
		origins[i] = Origin(i + 1)
	}
	return Policy{
		Origins:     origins,
		Methods:     []string{"GET", "POST", "PUT", "DELETE"},
		Headers:     []string{"Content-Type", "Authorization", "X-Request-Id"},
		Expose:      []string{"X-Request-Id"},
		Credentials: true,
		MaxAge:      600,
	}
}

// Corskit returns the policy as a corskit configuration.
func (p Policy) Corskit() cors.Config {
	return cors.Config{
		AllowOrigins:     p.Origins,
		AllowMethods:     p.Methods,
		AllowHeaders:     p.Headers,
		AllowCredentials: p.Credentials,
		ExposeHeaders:    p.Expose,
		MaxAge:           p.MaxAge,
	}
}
