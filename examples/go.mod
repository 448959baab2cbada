module github.com/corskit/corskit/examples

go 1.25.0

require (
	github.com/chromedp/chromedp v0.23.0
	github.com/corskit/corskit/adapters/chi v0.0.0-00010101000000-000000000000
	github.com/corskit/corskit/adapters/echo v0.0.0-00010101000000-000000000000
	github.com/corskit/corskit/adapters/fiber v0.0.0-00010101000000-000000000000
	github.com/corskit/corskit/adapters/gin v0.0.0-00010101000000-000000000000
	github.com/corskit/corskit/core v0.0.0-00010101000000-000000000000
	github.com/gin-gonic/gin v1.12.0
	github.com/go-chi/chi/v5 v5.5.0
	github.com/gofiber/fiber/v2 v2.52.15
	github.com/labstack/echo/v4 v4.16.0
)

replace (
	github.com/corskit/corskit/adapters/chi => ../adapters/chi
	github.com/corskit/corskit/adapters/echo => ../adapters/echo
	github.com/corskit/corskit/adapters/fiber => ../adapters/fiber
	github.com/corskit/corskit/adapters/gin => ../adapters/gin
	github.com/corskit/corskit/core => ../core
)
