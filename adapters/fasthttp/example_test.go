package corsfasthttp_test

import (
	"fmt"
	"log"

	"github.com/valyala/fasthttp"

	corsfasthttp "github.com/corskit/corskit/adapters/fasthttp"
	cors "github.com/corskit/corskit/core"
)

// The middleware wraps the server's whole handler, in front of routing:
// it answers the preflight although the handler serves only GET.
func Example() {
	router := func(ctx *fasthttp.RequestCtx) {
		if !ctx.IsGet() || string(ctx.Path()) != "/items" {
			ctx.Error("not found", fasthttp.StatusNotFound)
			return
		}
		ctx.SetBodyString("[]")
	}
	handler := corsfasthttp.New(corsfasthttp.Config{
		AllowOrigins:     []string{"https://app.example.com"},
		AllowMethods:     []string{"PUT"},
		AllowCredentials: true,
	})(router)
	// With a server: log.Fatal(fasthttp.ListenAndServe(":8080", handler))

	var ctx fasthttp.RequestCtx
	ctx.Request.Header.SetMethod("OPTIONS")
	ctx.Request.SetRequestURI("/items")
	ctx.Request.Header.Set("Origin", "https://app.example.com")
	ctx.Request.Header.Set("Access-Control-Request-Method", "PUT")
	handler(&ctx)
	fmt.Println(ctx.Response.StatusCode())
	fmt.Println(string(ctx.Response.Header.Peek("Access-Control-Allow-Origin")))
	fmt.Println(string(ctx.Response.Header.Peek("Access-Control-Allow-Methods")))
	// Output:
	// 204
	// https://app.example.com
	// PUT
}

// FromPolicy takes a policy built by the caller, who handles its error,
// and which may be replaced at run time with Update, without touching the
// server.
func ExampleFromPolicy() {
	p, err := cors.New(cors.Config{AllowOrigins: []string{"https://app.example.com"}})
	if err != nil {
		log.Fatal(err) // every problem of the configuration, each with its fix
	}
	handler := corsfasthttp.FromPolicy(p)(func(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("[]") })
	get := func(origin string) string {
		var ctx fasthttp.RequestCtx
		ctx.Request.SetRequestURI("/items")
		ctx.Request.Header.Set("Origin", origin)
		handler(&ctx)
		return fmt.Sprintf("%q", ctx.Response.Header.Peek("Access-Control-Allow-Origin"))
	}
	fmt.Println("before:", get("https://admin.example.com"))
	err = p.Update(cors.Config{AllowOrigins: []string{"https://app.example.com", "https://admin.example.com"}})
	if err != nil {
		log.Fatal(err) // the policy keeps its configuration
	}
	fmt.Println("after:", get("https://admin.example.com"))
	// Output:
	// before: ""
	// after: "https://admin.example.com"
}

// A middleware for a framework built on fasthttp calls Apply with the
// request's *fasthttp.RequestCtx, then answers with the status and body
// it returns, or, for status 0, calls the next handler. This is all
// corskit's Fiber adapters do.
func ExampleApply() {
	p := cors.MustNew(cors.Config{AllowOrigins: []string{"https://app.example.com"}})
	middleware := func(next fasthttp.RequestHandler) fasthttp.RequestHandler {
		return func(ctx *fasthttp.RequestCtx) {
			status, body := corsfasthttp.Apply(p, ctx)
			if status == 0 {
				next(ctx)
				return
			}
			ctx.SetStatusCode(status)
			ctx.SetBodyString(body)
		}
	}
	handler := middleware(func(ctx *fasthttp.RequestCtx) { ctx.SetBodyString("[]") })

	var ctx fasthttp.RequestCtx
	ctx.Request.Header.SetMethod("OPTIONS")
	ctx.Request.SetRequestURI("/items")
	ctx.Request.Header.Set("Origin", "https://evil.example.net")
	ctx.Request.Header.Set("Access-Control-Request-Method", "PUT")
	handler(&ctx)
	fmt.Printf("%d %q\n", ctx.Response.StatusCode(), ctx.Response.Body())
	// Output: 403 "CORS preflight rejected: origin\n"
}
