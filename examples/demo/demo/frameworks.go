package demo

import (
	"net/http"
	"slices"

	cors "github.com/corskit/corskit/core"
)

// Frameworks returns the names [Options.Framework] accepts; the first is
// the default.
func Frameworks() []string {
	return []string{"gin", "echo", "echov5", "fiber", "fiberv3", "chi", "nethttp"}
}

func isFramework(name string) bool {
	return slices.Contains(Frameworks(), name)
}

// newAPIServer returns the demo API on the named framework, protected by
// policy through that framework's corskit adapter, with every decision of
// the policy published to log.
func newAPIServer(framework string, policy *cors.Policy, log *broker) server {
	a := &api{framework: framework}
	var h http.Handler
	switch framework {
	case "fiber":
		return newFiberServer(a, policy, log)
	case "fiberv3":
		return newFiberV3Server(a, policy, log)
	case "echo":
		h = echoAPI(a, policy)
	case "echov5":
		h = echoV5API(a, policy)
	case "chi":
		h = chiAPI(a, policy)
	case "nethttp":
		h = netHTTPAPI(a, policy)
	default:
		h = ginAPI(a, policy)
	}
	return newHTTPServer(record(policy, log, h))
}
