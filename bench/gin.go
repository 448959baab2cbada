package bench

import (
	"net/http"
	"time"

	corsgin "github.com/corskit/corskit/adapters/gin"
	gincontribcors "github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
)

func ginApp(mw func() gin.HandlerFunc) http.Handler {
	// Gin starts in debug mode, which prints every route registered.
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	if mw != nil {
		r.Use(mw())
	}
	r.GET(Path, func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	r.OPTIONS(Path, func(c *gin.Context) { c.Status(http.StatusNoContent) })
	return r
}

func ginEntries() []entry[gin.HandlerFunc] {
	return []entry[gin.HandlerFunc]{
		{"baseline", Baseline, nil},
		{"floor", Floor, ginFloor},
		{"vary-floor", VaryFloor, func() gin.HandlerFunc {
			return func(c *gin.Context) {
				readOrigin(c.Request.Header)
				setHTTP(c.Writer.Header(), varyOnly)
			}
		}},
		{"gin-contrib-cors", Native, ginContribCORS},
		{"corskit", Corskit, func() gin.HandlerFunc { return corsgin.New(NewPolicy().Corskit()) }},
	}
}

func ginFloor() gin.HandlerFunc {
	f := newFloor()
	return func(c *gin.Context) {
		fields, preflight := f.fields(c.Request.Method)
		setHTTP(c.Writer.Header(), fields)
		if preflight {
			c.AbortWithStatus(http.StatusNoContent)
			return
		}
		c.Next()
	}
}

func ginContribCORS() gin.HandlerFunc {
	p := NewPolicy()
	return gincontribcors.New(gincontribcors.Config{
		AllowOrigins:     p.Origins,
		AllowMethods:     p.Methods,
		AllowHeaders:     p.Headers,
		ExposeHeaders:    p.Expose,
		AllowCredentials: p.Credentials,
		MaxAge:           time.Duration(p.MaxAge) * time.Second,
	})
}
