package demo

import (
	"testing"
	"time"
)

// TestBrokerDropsForSlowSubscribers checks that publishing never waits for
// a subscriber that does not read.
func TestBrokerDropsForSlowSubscribers(t *testing.T) {
	b := newBroker()
	events, unsubscribe := b.subscribe()
	defer unsubscribe()
	done := make(chan struct{})
	go func() {
		for range 1000 {
			b.publish(Event{Method: "GET"})
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("publish blocked on a subscriber that does not read")
	}
	if n := len(events); n == 0 || n == 1000 {
		t.Errorf("the subscriber holds %d events, want a bounded buffer's worth", n)
	}
}
