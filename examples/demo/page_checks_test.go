package main

import (
	"context"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
)

// required reports whether the environment variable name is set to a true
// value: anything but "", "0" and "false".
func required(name string) bool {
	v := strings.ToLower(os.Getenv(name))
	return v != "" && v != "0" && v != "false"
}

// notFound records the URLs a tab requested that were answered 404: each
// is an error in the console of the page that tells its user to read the
// console.
type notFound struct {
	mu   sync.Mutex
	urls []string
}

// listenNotFound starts recording the 404 responses of tab.
func listenNotFound(t *testing.T, tab context.Context) *notFound {
	t.Helper()
	n := &notFound{}
	err := chromedp.Listen(tab, func(ev any) {
		if ev, ok := ev.(*network.EventResponseReceived); ok && ev.Response.Status == 404 {
			n.mu.Lock()
			defer n.mu.Unlock()
			n.urls = append(n.urls, ev.Response.URL)
		}
	})
	if err != nil {
		t.Fatalf("listening to the tab: %v", err)
	}
	return n
}

// all returns the URLs recorded so far.
func (n *notFound) all() []string {
	n.mu.Lock()
	defer n.mu.Unlock()
	return slices.Clone(n.urls)
}

// clearCookies removes every cookie of the browser, so that what the next
// page does starts from none, as in a fresh profile.
func clearCookies(t *testing.T, tab context.Context) {
	t.Helper()
	if _, err := chromedp.CallBrowser(tab, storage.ClearCookies, storage.ClearCookiesParams{}); err != nil {
		t.Fatalf("clearing cookies: %v", err)
	}
}

// checkSessionCookie checks what the credentialed card of the refused
// origin says: its login, though refused by CORS, made the browser store
// the session cookie for the API's host.
func checkSessionCookie(t *testing.T, tab context.Context) {
	t.Helper()
	res, err := chromedp.CallBrowser(tab, storage.GetCookies, storage.GetCookiesParams{})
	if err != nil {
		t.Fatalf("reading cookies: %v", err)
	}
	var got []string
	for _, c := range res.Cookies {
		if c.Name == "demo_session" && c.Domain == "localhost" {
			return
		}
		got = append(got, c.Name+"@"+c.Domain)
	}
	t.Errorf("after the refused origin's login the browser holds cookies %q, not demo_session for localhost: the card's wording is wrong", got)
}
