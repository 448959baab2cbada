package main

import (
	"testing"

	"github.com/corskit/corskit/examples/internal/examplestest"
	"github.com/gin-gonic/gin"
)

// TestCORS checks that the example answers the allowed frontend and only it.
func TestCORS(t *testing.T) {
	gin.SetMode(gin.TestMode)
	examplestest.Run(t, examplestest.Handler(newServer(config())), "/api/hello")
}
