// A Gin server configured as in README.md and in adapters/gin/README.md.
//
//installtest:snippet README.md 1
//installtest:snippet adapters/gin/README.md 1
package main

import (
	"github.com/gin-gonic/gin"

	corsgin "github.com/corskit/corskit/adapters/gin"
	cors "github.com/corskit/corskit/core"
)

func main() {
	fromREADME()
	fromAdapterREADME()
}

// fromREADME holds the repository README's snippet.
func fromREADME() *gin.Engine {
	r := gin.New()
	r.Use(corsgin.New(cors.Config{
		AllowOrigins:     []string{"https://app.example.com", "https://*.example.com"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization", "X-Request-Id"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
	}))
	return r
}

// fromAdapterREADME holds the adapter README's snippet.
func fromAdapterREADME() *gin.Engine {
	r := gin.New()
	r.Use(corsgin.New(corsgin.Config{
		AllowOrigins:     []string{"https://app.example.com"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization"},
		AllowCredentials: true,
	}))
	return r
}
