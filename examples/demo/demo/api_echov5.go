package demo

import (
	"io"
	"net/http"

	corsecho "github.com/corskit/corskit/adapters/echov5"
	cors "github.com/corskit/corskit/core"
	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"
)

// echoV5API returns the demo API on Echo v5, with corsecho installed by
// e.Use.
func echoV5API(a *api, policy *cors.Policy) http.Handler {
	e := echo.New()
	e.Use(middleware.Recover())
	e.Use(corsecho.FromPolicy(policy))
	e.GET("/api/hello", func(c *echo.Context) error { return sendEchoV5(c, a.hello()) })
	e.POST("/api/items", func(c *echo.Context) error {
		body, _ := io.ReadAll(io.LimitReader(c.Request().Body, maxBody))
		return sendEchoV5(c, a.createItem(body))
	})
	e.PUT("/api/items/:id", func(c *echo.Context) error {
		return sendEchoV5(c, a.updateItem(c.Param("id"), c.Request().Header.Get(tokenHeader)))
	})
	e.POST("/api/login", func(c *echo.Context) error { return sendEchoV5(c, a.login()) })
	e.GET("/api/me", func(c *echo.Context) error { return sendEchoV5(c, a.me(cookieValue(c.Request()))) })
	return e
}

func sendEchoV5(c *echo.Context, r reply) error {
	if r.cookie != nil {
		c.SetCookie(r.cookie)
	}
	c.Response().Header().Set("X-Request-Id", r.requestID)
	return c.JSON(r.status, r.body)
}
