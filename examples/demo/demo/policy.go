package demo

import (
	"fmt"
	"strconv"
	"strings"

	cors "github.com/corskit/corskit/core"
)

// Config returns the demo API's CORS configuration for the frontend at
// origin: what a typical single-page application needs from its API.
func Config(origin string) cors.Config {
	return cors.Config{
		// Only this frontend; every other origin is refused.
		AllowOrigins: []string{origin},
		// GET, HEAD and POST are always allowed; PUT needs a preflight.
		AllowMethods: []string{"PUT", "DELETE"},
		// The custom header the PUT button sends. X-Debug is not listed.
		AllowHeaders: []string{"X-Demo-Token"},
		// Cookies: the login button sets one, the next request sends it.
		AllowCredentials: true,
		// Lets the page read the API's X-Request-Id response header.
		ExposeHeaders: []string{"X-Request-Id"},
		// Sends Access-Control-Max-Age: 0, so that the browser caches no
		// preflight and every click shows its own.
		MaxAge: -1,
	}
}

// goSource returns c as the Go code that would write it, for the page. It
// covers the fields that [Config] sets.
func goSource(c cors.Config) string {
	return fmt.Sprintf(`cors.Config{
	AllowOrigins:     %s,
	AllowMethods:     %s,
	AllowHeaders:     %s,
	AllowCredentials: %t,
	ExposeHeaders:    %s,
	MaxAge:           %d, // sends 0: no preflight is cached
}`, goStrings(c.AllowOrigins), goStrings(c.AllowMethods), goStrings(c.AllowHeaders),
		c.AllowCredentials, goStrings(c.ExposeHeaders), c.MaxAge)
}

func goStrings(list []string) string {
	quoted := make([]string, len(list))
	for i, s := range list {
		quoted[i] = strconv.Quote(s)
	}
	return "[]string{" + strings.Join(quoted, ", ") + "}"
}
