package demo_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/corskit/corskit/examples/demo/demo"
	"github.com/gin-gonic/gin"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.TestMode)
	m.Run()
}

// start runs the demo on free ports until the test ends.
func start(t *testing.T, framework string) *demo.Demo {
	t.Helper()
	d, err := demo.Start(demo.Options{Framework: framework, API: "0", Allowed: "0", Disallowed: "0"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := d.Shutdown(ctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
	})
	return d
}

// stream reads the decision stream of the frontend at url. Once it returns,
// every later decision is on the channel.
func stream(t *testing.T, url string) <-chan demo.Event {
	t.Helper()
	res, err := http.Get(url + "/events")
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); res.StatusCode != 200 || ct != "text/event-stream" {
		t.Fatalf("GET /events: %s, Content-Type %q", res.Status, ct)
	}
	events := make(chan demo.Event, 16)
	go func() {
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			data, ok := strings.CutPrefix(sc.Text(), "data: ")
			var e demo.Event
			if ok && json.Unmarshal([]byte(data), &e) == nil {
				events <- e
			}
		}
		close(events)
	}()
	return events
}

// next returns the next decision from events, as "METHOD path rid: summary".
func next(t *testing.T, events <-chan demo.Event) string {
	t.Helper()
	select {
	case e, ok := <-events:
		if !ok {
			t.Fatal("the decision stream ended")
		}
		return e.Method + " " + e.Path + " " + e.RID + ": " + e.Summary
	case <-time.After(5 * time.Second):
		t.Fatal("no decision within 5 s")
	}
	return ""
}

// call sends one request to the API and returns the response, its body
// read and closed.
func call(t *testing.T, method, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(`{"name":"coffee"}`))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(body)
}
