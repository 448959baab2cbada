package main

import (
	"testing"

	"github.com/corskit/corskit/examples/internal/examplestest"
)

// TestCORS checks that the example answers the allowed frontend and only it.
func TestCORS(t *testing.T) {
	examplestest.Run(t, examplestest.Handler(newServer(config())), "/api/hello")
}
