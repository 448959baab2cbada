package bench

import (
	"net/http"

	corsecho "github.com/corskit/corskit/adapters/echo"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func echoApp(mw func() echo.MiddlewareFunc) http.Handler {
	e := echo.New()
	if mw != nil {
		e.Use(mw())
	}
	e.GET(Path, func(c echo.Context) error { return c.String(http.StatusOK, "ok") })
	e.OPTIONS(Path, func(c echo.Context) error { return c.NoContent(http.StatusNoContent) })
	return e
}

func echoEntries() []entry[echo.MiddlewareFunc] {
	return []entry[echo.MiddlewareFunc]{
		{"baseline", Baseline, nil},
		{"floor", Floor, echoFloor},
		{"vary-floor", VaryFloor, echoVaryFloor},
		{"echo-cors", Native, echoCORS},
		{"corskit", Corskit, func() echo.MiddlewareFunc { return corsecho.New(NewPolicy().Corskit()) }},
	}
}

func echoFloor() echo.MiddlewareFunc {
	f := newFloor()
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			fields, preflight := f.fields(c.Request().Method)
			setHTTP(c.Response().Header(), fields)
			if preflight {
				return c.NoContent(http.StatusNoContent)
			}
			return next(c)
		}
	}
}

func echoVaryFloor() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			readOrigin(c.Request().Header)
			setHTTP(c.Response().Header(), varyOnly)
			return next(c)
		}
	}
}

func echoCORS() echo.MiddlewareFunc {
	p := NewPolicy()
	return middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:     p.Origins,
		AllowMethods:     p.Methods,
		AllowHeaders:     p.Headers,
		ExposeHeaders:    p.Expose,
		AllowCredentials: p.Credentials,
		MaxAge:           p.MaxAge,
	})
}
