// Command demo shows CORS at work in your browser: an API on
// http://localhost:8000 protected by corskit, a frontend on
// http://localhost:3000 that its policy allows and one on
// http://localhost:3001 that it does not. Open both and press the buttons.
//
//	go run ./examples/demo [-framework gin|echo|echov5|fiber|fiberv3|chi|nethttp]
//	                       [-api 8000] [-allowed 3000] [-disallowed 3001]
//
// Ctrl-C stops it.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/corskit/corskit/examples/demo/demo"
	"github.com/gin-gonic/gin"
)

func main() {
	o := parseFlags(flag.CommandLine, os.Args[1:])
	// Gin's debug mode would print every route; the demo prints its own log.
	gin.SetMode(gin.ReleaseMode)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := demo.Run(ctx, o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "demo:", err)
		os.Exit(1)
	}
}

// parseFlags reads the demo's options from args. A bad flag is handled as
// fs's ErrorHandling says: flag.CommandLine prints the usage and exits.
func parseFlags(fs *flag.FlagSet, args []string) demo.Options {
	var o demo.Options
	fs.StringVar(&o.Framework, "framework", "gin", "the framework that serves the API: "+strings.Join(demo.Frameworks(), ", "))
	fs.StringVar(&o.API, "api", "8000", "the API's `address`: a port, :port or host:port")
	fs.StringVar(&o.Allowed, "allowed", "3000", "the `address` of the frontend the policy allows")
	fs.StringVar(&o.Disallowed, "disallowed", "3001", "the `address` of the frontend the policy refuses")
	fs.Parse(args)
	return o
}
