// Package demo runs corskit's newcomer demo: on loopback, an API protected
// by corskit, a frontend that its policy allows and one that it does not.
// Both frontends serve the same page, whose buttons send the typical
// cross-origin requests and show, side by side, what the browser did and
// what corskit decided and why.
//
// Command examples/demo parses the flags and calls [Run]; tests call
// [Start] with port 0 and read the URLs from the returned [Demo].
package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	cors "github.com/corskit/corskit/core"
)

// Options says which framework serves the API and where the three servers
// listen. An address is a port ("8000"), ":port" or "host:port"; the host
// "localhost", or none, listens on 127.0.0.1 and names the server
// http://localhost:port. Port 0 picks a free port.
type Options struct {
	// Framework serves the API: one of [Frameworks]; empty means gin.
	Framework string
	// API is the address of the API, protected by corskit.
	API string
	// Allowed is the address of the frontend that the policy allows.
	Allowed string
	// Disallowed is the address of the frontend that it does not.
	Disallowed string
}

// A Demo is a running demo: the API and the two frontends.
type Demo struct {
	framework string
	urls      [3]string // API, allowed, disallowed
	servers   [3]server
	log       *broker
	errc      chan error
	wg        sync.WaitGroup
}

// A server is what the demo needs of an HTTP server: *http.Server and the
// Fiber wrapper implement it.
type server interface {
	Serve(net.Listener) error
	Shutdown(context.Context) error
}

// Start listens on the three addresses of o and serves the demo in the
// background until [Demo.Shutdown].
func Start(o Options) (*Demo, error) {
	if o.Framework == "" {
		o.Framework = "gin"
	}
	if !isFramework(o.Framework) {
		return nil, fmt.Errorf("unknown framework %q: use one of %v", o.Framework, Frameworks())
	}
	lns, urls, err := listenAll([3]string{o.API, o.Allowed, o.Disallowed})
	if err != nil {
		return nil, err
	}
	d := &Demo{framework: o.Framework, urls: urls, log: newBroker(), errc: make(chan error, 3)}
	policy, err := cors.New(Config(urls[1]))
	if err != nil {
		closeAll(lns[:])
		return nil, err
	}
	d.servers[0] = newAPIServer(o.Framework, policy, d.log)
	d.servers[1] = newHTTPServer(newFrontend(d, "allowed", policy.Config()))
	d.servers[2] = newHTTPServer(newFrontend(d, "disallowed", policy.Config()))
	for i, s := range d.servers {
		d.wg.Go(func() { d.serve(s, lns[i]) })
	}
	return d, nil
}

func (d *Demo) serve(s server, ln net.Listener) {
	if err := s.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		d.errc <- err
	}
}

// Framework returns the name of the framework that serves the API.
func (d *Demo) Framework() string { return d.framework }

// APIURL returns the API's URL, such as http://localhost:8000.
func (d *Demo) APIURL() string { return d.urls[0] }

// AllowedURL returns the URL of the frontend that the policy allows.
func (d *Demo) AllowedURL() string { return d.urls[1] }

// DisallowedURL returns the URL of the frontend that the policy refuses.
func (d *Demo) DisallowedURL() string { return d.urls[2] }

// Err returns a channel that receives an error if a server stops on its own.
func (d *Demo) Err() <-chan error { return d.errc }

// Shutdown ends the decision streams, then stops the three servers, waiting
// for requests in progress until ctx is done.
func (d *Demo) Shutdown(ctx context.Context) error {
	d.log.close()
	errs := make([]error, len(d.servers))
	var wg sync.WaitGroup
	for i, s := range d.servers {
		wg.Go(func() { errs[i] = s.Shutdown(ctx) })
	}
	wg.Wait()
	d.wg.Wait()
	return errors.Join(errs...)
}

// Run starts the demo, writes the URLs to open and every decision of the
// policy to out, and shuts the demo down when ctx is done.
func Run(ctx context.Context, o Options, out io.Writer) error {
	d, err := Start(o)
	if err != nil {
		return err
	}
	events, unsubscribe := d.log.subscribe()
	defer unsubscribe()
	fmt.Fprintf(out, "corskit demo, API on %s\n", d.framework)
	fmt.Fprintf(out, "  API, protected by corskit:  %s\n", d.APIURL())
	fmt.Fprintf(out, "  open the allowed frontend:  %s\n", d.AllowedURL())
	fmt.Fprintf(out, "  and the disallowed one:     %s\n", d.DisallowedURL())
	fmt.Fprintf(out, "Press Ctrl-C to stop.\n")
	var runErr error
	for done := false; !done; {
		select {
		case e := <-events:
			fmt.Fprintln(out, e.Line())
		case runErr = <-d.errc:
			done = true
		case <-ctx.Done():
			done = true
		}
	}
	fmt.Fprintln(out, "shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return errors.Join(runErr, d.Shutdown(sctx))
}

// newHTTPServer returns a server for h whose Shutdown does not wait for
// connections that never sent a request (see [connSet]).
func newHTTPServer(h http.Handler) *http.Server {
	s := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	fresh := newConnSet()
	s.ConnState = func(c net.Conn, state http.ConnState) { fresh.set(c, state == http.StateNew) }
	// Shutdown runs this once it has closed the listeners.
	s.RegisterOnShutdown(fresh.closeAll)
	return s
}
