package demo

import (
	"net"
	"sync"
)

// A connSet is a set of connections, kept up to date by a server's
// ConnState hook, so that Shutdown can end the connections that the server
// would otherwise wait for. Browsers open connections ahead of need and
// keep them open: net/http's Shutdown waits five seconds before it counts a
// connection that never sent a request as idle, and fasthttp's waits for it
// until the read times out, which by default is never.
type connSet struct {
	mu    sync.Mutex
	conns map[net.Conn]struct{}
}

func newConnSet() *connSet {
	return &connSet{conns: make(map[net.Conn]struct{})}
}

// set adds c to the set or removes it.
func (s *connSet) set(c net.Conn, in bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if in {
		s.conns[c] = struct{}{}
	} else {
		delete(s.conns, c)
	}
}

// closeAll closes every connection in the set.
func (s *connSet) closeAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		c.Close()
		delete(s.conns, c)
	}
}

// closeReads shuts the reading side of every connection in the set: a
// request in progress is still answered, then the server reads the end of
// the stream and closes the connection, and a connection waiting for a
// request ends at once.
func (s *connSet) closeReads() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for c := range s.conns {
		if tc, ok := c.(interface{ CloseRead() error }); ok {
			tc.CloseRead()
		} else {
			c.Close()
		}
	}
}
