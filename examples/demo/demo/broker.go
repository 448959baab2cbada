package demo

import (
	"encoding/json"
	"net/http"
	"sync"
)

// A broker passes the policy's decisions to every open decision stream.
// A subscriber too slow to keep up loses events rather than slowing the API.
type broker struct {
	mu     sync.Mutex
	subs   map[chan Event]struct{}
	done   chan struct{}
	closed bool
}

func newBroker() *broker {
	return &broker{subs: make(map[chan Event]struct{}), done: make(chan struct{})}
}

// subscribe returns a channel of the events published from now on, and the
// function that ends the subscription.
func (b *broker) subscribe() (<-chan Event, func()) {
	ch := make(chan Event, 64)
	b.mu.Lock()
	b.subs[ch] = struct{}{}
	b.mu.Unlock()
	return ch, func() {
		b.mu.Lock()
		delete(b.subs, ch)
		b.mu.Unlock()
	}
}

// publish sends e to every subscriber that has room for it.
func (b *broker) publish(e Event) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- e:
		default:
		}
	}
}

// close ends every stream served by ServeHTTP, now and later.
func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.done)
	}
}

// ServeHTTP streams the events as server-sent events, one JSON object per
// message, until the client leaves or the broker closes. The stream starts
// with its headers only once the subscription is in place, so an
// EventSource that has fired "open" misses nothing published after that.
func (b *broker) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	events, unsubscribe := b.subscribe()
	defer unsubscribe()
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	if rc.Flush() != nil {
		return
	}
	for {
		select {
		case e := <-events:
			data, _ := json.Marshal(e)
			w.Write([]byte("data: " + string(data) + "\n\n"))
			if rc.Flush() != nil {
				return
			}
		case <-r.Context().Done():
			return
		case <-b.done:
			return
		}
	}
}
