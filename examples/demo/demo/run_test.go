package demo_test

import (
	"bytes"
	"context"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/corskit/corskit/examples/demo/demo"
)

// TestFrontends checks that each frontend serves the page and tells it its
// role and the API's address.
func TestFrontends(t *testing.T) {
	d := start(t, "")
	if d.Framework() != "gin" {
		t.Errorf("default framework %q, want gin", d.Framework())
	}
	for _, page := range []struct{ url, role string }{{d.AllowedURL(), "allowed"}, {d.DisallowedURL(), "disallowed"}} {
		for path, part := range map[string]string{
			"/":            `<script src="app.js"`,
			"/app.js":      "new EventSource(",
			"/style.css":   ".verdict",
			"/config.json": `"role":"` + page.role + `","framework":"gin","api":"` + d.APIURL() + `"`,
		} {
			res, body := call(t, "GET", page.url+path)
			wantResponse(t, res, body, 200, part)
			if cc := res.Header.Get("Cache-Control"); cc != "no-store" {
				t.Errorf("%s%s: Cache-Control %q, want no-store", page.url, path, cc)
			}
		}
	}
	_, body := call(t, "GET", d.AllowedURL()+"/config.json")
	if !strings.Contains(body, `AllowOrigins:     []string{\"`+d.AllowedURL()+`\"}`) {
		t.Errorf("config.json does not show the policy's origin: %s", body)
	}
}

func TestUnknownFramework(t *testing.T) {
	_, err := demo.Start(demo.Options{Framework: "rails", API: "0", Allowed: "0", Disallowed: "0"})
	if err == nil || !strings.Contains(err.Error(), "nethttp") {
		t.Errorf("Start with framework rails: %v; want an error listing the frameworks", err)
	}
}

// TestRun checks that Run prints the URLs and the decisions, and returns
// once its context is done, ending the decision streams.
func TestRun(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- demo.Run(ctx, demo.Options{Framework: "nethttp", API: "0", Allowed: "0", Disallowed: "0"}, out)
	}()
	api := waitFor(t, out, "API, protected by corskit:")
	url := waitFor(t, out, "open the allowed frontend:")
	events := stream(t, url)
	call(t, "GET", api+"/api/hello", "Origin", url)
	<-events
	waitFor(t, out, "corskit: GET /api/hello from "+url+": actual request allowed")
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return within 10 s of its context ending")
	}
	for range events {
		// The stream must end.
	}
	if !strings.Contains(out.String(), "shutting down") {
		t.Errorf("output %q does not say it is shutting down", out.String())
	}
}

// waitFor waits until out has a line starting with prefix and returns the
// rest of that line.
func waitFor(t *testing.T, out *syncBuffer, prefix string) string {
	t.Helper()
	for range 500 {
		for line := range strings.Lines(out.String()) {
			if rest, ok := strings.CutPrefix(strings.TrimSpace(line), prefix); ok {
				return strings.TrimSpace(rest)
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("Run never printed %q; output: %q", prefix, out.String())
	return ""
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestShutdownWithSilentConnections checks that Shutdown does not wait for
// connections that never send a request, as browsers open ahead of need.
func TestShutdownWithSilentConnections(t *testing.T) {
	for _, fw := range demo.Frameworks() {
		t.Run(fw, func(t *testing.T) {
			d, err := demo.Start(demo.Options{Framework: fw, API: "0", Allowed: "0", Disallowed: "0"})
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range []string{d.APIURL(), d.AllowedURL(), d.DisallowedURL()} {
				c, err := net.Dial("tcp", strings.TrimPrefix(u, "http://"))
				if err != nil {
					t.Fatal(err)
				}
				defer c.Close()
			}
			time.Sleep(50 * time.Millisecond) // let the servers accept
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			if err := d.Shutdown(ctx); err != nil {
				t.Errorf("Shutdown: %v", err)
			}
		})
	}
}
