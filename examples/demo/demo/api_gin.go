package demo

import (
	"io"
	"net/http"

	corsgin "github.com/corskit/corskit/adapters/gin"
	cors "github.com/corskit/corskit/core"
	"github.com/gin-gonic/gin"
)

// ginAPI returns the demo API on Gin, with corsgin installed by r.Use.
func ginAPI(a *api, policy *cors.Policy) http.Handler {
	r := gin.New()
	r.Use(gin.Recovery())
	r.Use(corsgin.FromPolicy(policy))
	r.GET("/api/hello", func(c *gin.Context) { sendGin(c, a.hello()) })
	r.POST("/api/items", func(c *gin.Context) {
		body, _ := io.ReadAll(io.LimitReader(c.Request.Body, maxBody))
		sendGin(c, a.createItem(body))
	})
	r.PUT("/api/items/:id", func(c *gin.Context) {
		sendGin(c, a.updateItem(c.Param("id"), c.GetHeader(tokenHeader)))
	})
	r.POST("/api/login", func(c *gin.Context) { sendGin(c, a.login()) })
	r.GET("/api/me", func(c *gin.Context) {
		session, _ := c.Cookie(sessionCookie)
		sendGin(c, a.me(session))
	})
	return r
}

func sendGin(c *gin.Context, r reply) {
	if r.cookie != nil {
		http.SetCookie(c.Writer, r.cookie)
	}
	c.Header("X-Request-Id", r.requestID)
	c.JSON(r.status, r.body)
}
