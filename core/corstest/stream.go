package corstest

import (
	"bufio"
	"fmt"
	"net/http"
	"testing"
	"time"

	cors "github.com/corskit/corskit/core"
)

// RunStreaming checks that a streamed response (server-sent events) goes
// through the middleware built by newServer: it carries the CORS headers,
// and each event reaches the client when the application flushes it, while
// the application is still running. newServer must stream (a real TCP
// round trip, such as [HTTPServer]); Fiber's app.Test buffers and cannot
// be used here.
func RunStreaming(t *testing.T, newServer NewServer) {
	p, err := cors.New(CredentialedConfig())
	if err != nil {
		t.Fatal(err)
	}
	next := make(chan struct{})
	srv := newServer(t, p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		for i := 1; i <= 3; i++ {
			fmt.Fprintf(w, "event: tick\ndata: %d\n\n", i)
			if err := http.NewResponseController(w).Flush(); err != nil {
				t.Errorf("the application cannot flush: %v", err)
				return
			}
			select {
			case <-next: // the client has read this event
			case <-time.After(5 * time.Second):
				return
			}
		}
	}))
	req, err := http.NewRequest("GET", "http://"+Host+"/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Origin", AllowedOrigin)
	resp, err := srv(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	WantAllowedActual(t, Response{Status: resp.StatusCode, Header: resp.Header}, http.StatusOK)
	events := bufio.NewReader(resp.Body)
	for i := 1; i <= 3; i++ {
		for _, want := range []string{"event: tick\n", fmt.Sprintf("data: %d\n", i), "\n"} {
			if line, err := events.ReadString('\n'); err != nil || line != want {
				t.Fatalf("event %d: line %q, %v; want %q", i, line, err, want)
			}
		}
		select {
		case next <- struct{}{}:
		case <-time.After(5 * time.Second):
			t.Fatal("the application stopped waiting: an event was not flushed")
		}
	}
}
