package demo

import (
	"net"
	"strings"
	"testing"
)

func TestSplitAddr(t *testing.T) {
	for _, tc := range []struct{ in, host, port string }{
		{"8000", "", "8000"},
		{":8000", "", "8000"},
		{"localhost:3000", "localhost", "3000"},
		{"127.0.0.1:0", "127.0.0.1", "0"},
		{"[::1]:3001", "::1", "3001"},
	} {
		host, port, err := splitAddr(tc.in)
		if err != nil || host != tc.host || port != tc.port {
			t.Errorf("splitAddr(%q) = %q, %q, %v; want %q, %q", tc.in, host, port, err, tc.host, tc.port)
		}
	}
	for _, bad := range []string{"", "localhost", "http://localhost:8000", "localhost:http", ":70000", "-1"} {
		if _, _, err := splitAddr(bad); err == nil {
			t.Errorf("splitAddr(%q) succeeded, want an error", bad)
		}
	}
}

func TestListenNamesLoopbackLocalhost(t *testing.T) {
	ln, url, err := listen("0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	host, _, _ := net.SplitHostPort(ln.Addr().String())
	if host != "127.0.0.1" || !strings.HasPrefix(url, "http://localhost:") {
		t.Errorf("listen(\"0\") listens on %s, URL %s; want 127.0.0.1 and http://localhost:port", ln.Addr(), url)
	}
}

func TestListenTakenPort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	_, _, err = listenAll([3]string{"0", port, "0"})
	if err == nil || !strings.Contains(err.Error(), "-allowed") {
		t.Errorf("listenAll with a taken port: %v; want an error naming -allowed", err)
	}
}
