package main

import (
	"net/http"
	"testing"

	"github.com/gofiber/fiber/v3"

	"github.com/corskit/corskit/examples/internal/examplestest"
)

// TestCORS checks that the example answers the allowed frontend and only it.
func TestCORS(t *testing.T) {
	app := newServer(config())
	examplestest.Run(t, func(r *http.Request) *http.Response {
		res, err := app.Test(r, fiber.TestConfig{})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}, "/api/hello")
}
