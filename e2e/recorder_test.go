package e2e

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
)

// netRequest is what DevTools reported about one request of a tab.
type netRequest struct {
	url      string
	method   string
	headers  network.Headers          // of the response, as the browser received it
	status   int64                    // of the response, as the browser received it
	corsErr  *network.CorsErrorStatus // set when the browser blocked it for CORS
	errText  string                   // Network.loadingFailed's errorText
	finished bool                     // loadingFinished or loadingFailed arrived
}

// recorder collects the DevTools events of one tab: the network requests
// and the console messages. It is fed on chromedp's event goroutine and
// read by the test, so every access holds mu.
type recorder struct {
	mu       sync.Mutex
	changed  chan struct{} // closed and replaced whenever an event arrives
	byID     map[network.RequestID]*netRequest
	order    []*netRequest
	messages []string
}

// newRecorder returns an empty recorder.
func newRecorder() *recorder {
	return &recorder{changed: make(chan struct{}), byID: make(map[network.RequestID]*netRequest)}
}

// handle records one DevTools event. It must return quickly: it runs on the
// goroutine that reads the browser's messages.
func (r *recorder) handle(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		if _, seen := r.byID[ev.RequestID]; seen || ev.Type != network.ResourceTypeFetch {
			return // a redirect (same id), a preflight, a page or a favicon
		}
		req := &netRequest{url: ev.Request.URL, method: ev.Request.Method}
		r.byID[ev.RequestID] = req
		r.order = append(r.order, req)
	case *network.EventResponseReceived:
		if req := r.byID[ev.RequestID]; req != nil {
			req.headers, req.status = ev.Response.Headers, ev.Response.Status
		}
	case *network.EventLoadingFinished:
		if req := r.byID[ev.RequestID]; req != nil {
			req.finished = true
		}
	case *network.EventLoadingFailed:
		if req := r.byID[ev.RequestID]; req != nil {
			req.finished, req.corsErr, req.errText = true, ev.CorsErrorStatus, ev.ErrorText
		}
	case *log.EventEntryAdded:
		r.messages = append(r.messages, string(ev.Entry.Level)+" ["+string(ev.Entry.Source)+"]: "+ev.Entry.Text)
	case *runtime.EventConsoleAPICalled:
		r.messages = append(r.messages, "console."+string(ev.Type)+": "+consoleArgs(ev.Args))
	case *runtime.EventExceptionThrown:
		r.messages = append(r.messages, "exception: "+ev.ExceptionDetails.Text)
	default:
		return
	}
	close(r.changed)
	r.changed = make(chan struct{})
}

// consoleArgs renders the arguments of a console API call.
func consoleArgs(args []*runtime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		if a.Description != "" {
			parts = append(parts, a.Description)
		} else {
			parts = append(parts, string(a.Value))
		}
	}
	return strings.Join(parts, " ")
}

// last returns a copy of the latest request to url with the given method
// that has finished, waiting up to d for it: the events of a fetch may
// arrive shortly after its promise settles.
func (r *recorder) last(ctx context.Context, method, url string, d time.Duration) (netRequest, bool) {
	timer := time.NewTimer(d)
	defer timer.Stop()
	for {
		r.mu.Lock()
		req, ok := r.find(method, url)
		changed := r.changed
		r.mu.Unlock()
		if ok {
			return req, true
		}
		select {
		case <-changed:
		case <-timer.C:
			return netRequest{}, false
		case <-ctx.Done():
			return netRequest{}, false
		}
	}
}

// find returns the latest finished request to url with the method. The
// caller holds mu.
func (r *recorder) find(method, url string) (netRequest, bool) {
	for i := len(r.order) - 1; i >= 0; i-- {
		if req := r.order[i]; req.url == url && req.method == method {
			return *req, req.finished
		}
	}
	return netRequest{}, false
}

// mark returns the number of console messages recorded so far, for
// [recorder.console].
func (r *recorder) mark() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.messages)
}

// console returns the console messages recorded after mark.
func (r *recorder) console(mark int) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.messages[mark:]...)
}
