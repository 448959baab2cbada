package demo

import (
	"fmt"
	"net"
	"strconv"
	"strings"
)

// listenAll listens on the three addresses and returns the listeners and
// the URLs that reach them.
func listenAll(addrs [3]string) (lns [3]net.Listener, urls [3]string, err error) {
	for i, a := range addrs {
		lns[i], urls[i], err = listen(a)
		if err != nil {
			closeAll(lns[:i])
			return lns, urls, fmt.Errorf("%s: %w", role(i), err)
		}
	}
	return lns, urls, nil
}

// listen listens on addr (see [Options]) and returns the URL that reaches it.
func listen(addr string) (net.Listener, string, error) {
	host, port, err := splitAddr(addr)
	if err != nil {
		return nil, "", err
	}
	listenHost, urlHost := host, host
	if host == "" || host == "localhost" {
		listenHost, urlHost = "127.0.0.1", "localhost"
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(listenHost, port))
	if err != nil {
		return nil, "", fmt.Errorf("cannot listen on %s (is another program using it? pick another port): %w", addr, err)
	}
	_, port, _ = net.SplitHostPort(ln.Addr().String())
	return ln, "http://" + net.JoinHostPort(urlHost, port), nil
}

// splitAddr splits "8000", ":8000" or "host:8000" into host and port.
func splitAddr(addr string) (host, port string, err error) {
	port = addr
	if strings.Contains(addr, ":") {
		if host, port, err = net.SplitHostPort(addr); err != nil {
			return "", "", fmt.Errorf("address %q: want a port, :port or host:port", addr)
		}
	}
	if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		return "", "", fmt.Errorf("address %q: the port must be a number from 0 to 65535", addr)
	}
	return host, port, nil
}

func closeAll(lns []net.Listener) {
	for _, ln := range lns {
		ln.Close()
	}
}

// role names the i-th server of Demo.urls in error messages.
func role(i int) string {
	return [...]string{"the API (-api)", "the allowed frontend (-allowed)", "the disallowed frontend (-disallowed)"}[i]
}
