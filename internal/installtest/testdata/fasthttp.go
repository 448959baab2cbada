// A fasthttp server configured as in adapters/fasthttp/README.md.
//
//installtest:snippet adapters/fasthttp/README.md 1
package main

import (
	"log"

	"github.com/valyala/fasthttp"

	corsfasthttp "github.com/corskit/corskit/adapters/fasthttp"
)

func router(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("[]") }

func main() {
	cors := corsfasthttp.New(corsfasthttp.Config{
		AllowOrigins:     []string{"https://app.example.com", "https://*.example.com"},
		AllowMethods:     []string{"PUT", "DELETE"},
		AllowHeaders:     []string{"Authorization", "X-Request-Id"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
	})
	log.Fatal(fasthttp.ListenAndServe(":8080", cors(router)))
}
