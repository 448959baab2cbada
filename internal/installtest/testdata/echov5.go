// An Echo v5 server configured as in adapters/echov5/README.md.
//
//installtest:snippet adapters/echov5/README.md 1
package main

import (
	"log"

	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"

	corsecho "github.com/corskit/corskit/adapters/echov5"
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
	log.Fatal(e.Start(":8080"))
}
