// An Echo v4 server configured as in adapters/echo/README.md.
//
//installtest:snippet adapters/echo/README.md 1
package main

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	corsecho "github.com/corskit/corskit/adapters/echo"
)

func main() {
	e := echo.New()
	e.Use(middleware.Recover())
	e.Use(corsecho.New(corsecho.Config{
		AllowOrigins:     []string{"https://app.example.com", "https://*.example.com"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization", "X-Request-Id"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
	}))
	e.Logger.Fatal(e.Start(":8080"))
}
