package main

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// corsErrors records the CORS errors that DevTools reports for the fetches
// of a tab: the reason the browser gives in its console, which the page
// itself never sees. It is fed on chromedp's event goroutine and read by
// the test, so every access holds mu.
type corsErrors struct {
	mu       sync.Mutex
	requests map[network.RequestID]string // "METHOD /path?query" of each fetch
	errors   []blockedFetch
}

// A blockedFetch is one fetch that the browser blocked for CORS.
type blockedFetch struct {
	request string // "METHOD /path?query"
	reason  string // "corsErrorStatus" or "corsErrorStatus failedParameter"
}

// listenCORSErrors starts recording the CORS errors of tab.
func listenCORSErrors(t *testing.T, tab context.Context) *corsErrors {
	t.Helper()
	c := &corsErrors{requests: make(map[network.RequestID]string)}
	if err := chromedp.Listen(tab, c.handle); err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
	return c
}

// handle records one DevTools event; it must return quickly.
func (c *corsErrors) handle(ev any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if u, err := url.Parse(ev.Request.URL); err == nil && ev.Type == network.ResourceTypeFetch {
			c.requests[ev.RequestID] = ev.Request.Method + " " + u.RequestURI()
		}
	case *network.EventLoadingFailed:
		req, ok := c.requests[ev.RequestID]
		if !ok || ev.CorsErrorStatus == nil {
			return
		}
		reason := string(ev.CorsErrorStatus.CorsError)
		if p := ev.CorsErrorStatus.FailedParameter; p != "" {
			reason += " " + p
		}
		c.errors = append(c.errors, blockedFetch{req, reason})
	}
}

// reset forgets every error recorded so far.
func (c *corsErrors) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errors = nil
}

// of returns the CORS errors of the fetches that the button of card id
// sent, as "METHOD /path: reason". The page names each click
// "page-id-n" in the query parameter rid.
func (c *corsErrors) of(id string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, e := range c.errors {
		path, query, _ := strings.Cut(e.request, "?")
		if v, err := url.ParseQuery(query); err == nil && strings.Contains(v.Get("rid"), "-"+id+"-") {
			out = append(out, path+": "+e.reason)
		}
	}
	return out
}

// wait returns the CORS errors of card id once there are at least n, or
// what there is after a few seconds: DevTools reports them shortly after
// the fetch's promise settles.
func (c *corsErrors) wait(id string, n int) []string {
	deadline := time.Now().Add(5 * time.Second)
	for {
		got := c.of(id)
		if len(got) >= n || time.Now().After(deadline) {
			return got
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// checkCORSErrors checks that the browser blocked exactly the fetches of
// card c, for the reasons c expects.
func checkCORSErrors(t *testing.T, pageURL string, c card, got []string) {
	t.Helper()
	if !slices.Equal(got, c.CORSErrors) {
		t.Errorf("%s, card %s: the browser's CORS errors\n got %q\nwant %q", pageURL, c.ID, got, c.CORSErrors)
	}
}
