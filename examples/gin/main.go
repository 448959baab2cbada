// Command gin is a JSON API on Gin that the frontend on
// http://localhost:3000 may call from the browser, with cookies.
//
//	go run ./examples/gin -addr localhost:8000
package main

import (
	"flag"
	"log"
	"net/http"

	corsgin "github.com/corskit/corskit/adapters/gin"
	"github.com/gin-gonic/gin"
)

func main() {
	addr := flag.String("addr", "localhost:8000", "address to listen on")
	flag.Parse()
	log.Fatal(newServer(config()).Run(*addr))
}

// config is the CORS policy: the frontend on localhost:3000 may call the API
// with cookies, and may also use PUT, DELETE and an Authorization header.
func config() corsgin.Config {
	return corsgin.Config{
		AllowOrigins:     []string{"http://localhost:3000"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization"},
		AllowCredentials: true,
	}
}

// newServer returns the API with the CORS middleware installed before any
// route, so that preflights to every path are answered.
func newServer(cfg corsgin.Config) *gin.Engine {
	r := gin.New()
	r.Use(gin.Logger(), gin.Recovery())
	r.Use(corsgin.New(cfg))
	r.GET("/api/hello", func(c *gin.Context) {
		c.JSON(http.StatusOK, gin.H{"message": "hello from Gin"})
	})
	return r
}
