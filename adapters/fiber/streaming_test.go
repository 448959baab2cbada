package corsfiber_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	corsfiber "github.com/corskit/corskit/adapters/fiber"
	"github.com/corskit/corskit/core/corstest"
)

// TestStreaming: a server-sent-events response written with fasthttp's
// SetBodyStreamWriter carries the CORS headers, and each flushed event
// reaches the client while the handler is still writing, over a real
// socket.
func TestStreaming(t *testing.T) {
	release := make(chan struct{})
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Use(corsfiber.New(testConfig()))
	app.Get("/events", func(c *fiber.Ctx) error {
		c.Set("Content-Type", "text/event-stream")
		c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
			fmt.Fprint(w, "data: one\n\n")
			w.Flush()
			<-release
			fmt.Fprint(w, "data: two\n\n")
			w.Flush()
		})
		return nil
	})
	url := listen(t, app)
	var once sync.Once
	finish := func() { once.Do(func() { close(release) }) }
	t.Cleanup(finish) // before the server shuts down, if the test fails early

	req, err := http.NewRequest("GET", url+"/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Origin", allowed)
	client := &http.Client{Timeout: 10 * time.Second}
	t.Cleanup(client.CloseIdleConnections) // before the server shuts down
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	corstest.WantAllowedActual(t, corstest.Response{Status: resp.StatusCode, Header: resp.Header}, http.StatusOK)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Errorf("Content-Type = %q", ct)
	}
	events := bufio.NewReader(resp.Body)
	line, err := events.ReadString('\n')
	if err != nil || line != "data: one\n" {
		t.Fatalf("first event = %q, %v; want it before the handler finishes", line, err)
	}
	finish()
	rest, err := io.ReadAll(events)
	if err != nil || string(rest) != "\ndata: two\n\n" {
		t.Errorf("rest of the stream = %q, %v", rest, err)
	}
}

// listen serves app on a loopback port until the test ends and returns its
// base URL.
func listen(t *testing.T, app *fiber.App) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- app.Listener(ln) }()
	t.Cleanup(func() {
		if err := app.Shutdown(); err != nil {
			t.Error(err)
		}
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return "http://" + ln.Addr().String()
}
