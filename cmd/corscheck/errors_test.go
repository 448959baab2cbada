package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// runNet runs the command line args over the network, as main does.
func runNet(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	status := run(context.Background(), args, env{stdout: &out, stderr: &errOut, transport: newTransport()})
	return status, out.String(), errOut.String()
}

func TestNetworkErrors(t *testing.T) {
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer slow.Close()
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(strict))
	defer tlsSrv.Close()
	plain := httptest.NewServer(http.HandlerFunc(strict))
	defer plain.Close()
	redirect := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		http.Redirect(w, r, "/elsewhere", http.StatusFound)
	}))
	defer redirect.Close()
	for _, c := range []struct {
		name   string
		args   []string
		status int
		stderr string
	}{
		{"timeout", []string{"-timeout", "100ms", "-origin", trusted, slow.URL}, 2, "no answer within 100ms"},
		{"audit timeout", []string{"audit", "-timeout", "100ms", slow.URL}, 2, "no answer within 100ms"},
		{"certificate", []string{"-origin", trusted, tlsSrv.URL}, 2, "TLS: the server's certificate is not valid"},
		{"not TLS", []string{"-origin", trusted, strings.Replace(plain.URL, "http:", "https:", 1)}, 2, "does not speak TLS"},
		{"not HTTP", []string{"-origin", trusted, "http://" + notHTTP(t)}, 2, "the server's answer is not HTTP"},
		{"refused", []string{"-origin", trusted, "http://" + closedPort(t)}, 2, "connection refused"},
		{"redirected actual", []string{"-origin", trusted, redirect.URL}, 2, "the response is a redirect (302) to /elsewhere"},
		{"redirected preflight", []string{"-origin", trusted, "-method", "PUT", redirect.URL}, 1, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			status, _, stderr := runNet(c.args...)
			if status != c.status || !strings.Contains(stderr, c.stderr) || (c.stderr == "") != (stderr == "") {
				t.Errorf("exit status %d, stderr %q; want %d and %q", status, stderr, c.status, c.stderr)
			}
		})
	}
}

func TestErrorAsJSON(t *testing.T) {
	status, out, stderr := runNet("-json", "-origin", trusted, "http://"+closedPort(t))
	if status != 2 || stderr != "" || !strings.Contains(out, `"verdict": "error"`) || !strings.Contains(out, `"error": "actual GET`) {
		t.Errorf("exit status %d, stdout %s, stderr %q", status, out, stderr)
	}
}

// notHTTP returns the address of a server that answers like SSH.
func notHTTP(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Read(make([]byte, 4096)) // the request, so that the answer is its response
			c.Write([]byte("SSH-2.0-OpenSSH_9.6\r\n"))
			c.Close()
		}
	}()
	return ln.Addr().String()
}

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestUsage(t *testing.T) {
	const api = "https://api.example.com/"
	for _, c := range []struct {
		name   string
		args   []string
		status int
		stderr string
	}{
		{"help", []string{"-h"}, 0, "usage: corscheck -origin"},
		{"audit help", []string{"audit", "-h"}, 0, "usage: corscheck audit"},
		{"no origin", []string{api}, 2, "-origin is required"},
		{"no URL", []string{"-origin", trusted}, 2, "want one URL, got 0"},
		{"two URLs", []string{"-origin", trusted, api, api}, 2, "want one URL, got 2"},
		{"not a URL", []string{"-origin", trusted, "api.example.com"}, 2, "is not an http:// or https:// URL"},
		{"origin with a slash", []string{"-origin", trusted + "/", api}, 2, "is not an origin as browsers send it"},
		{"origin upper case", []string{"-origin", "https://App.example.com", api}, 2, "is not an origin as browsers send it"},
		{"cookie header", []string{"-origin", trusted, "-H", "Cookie: a=1", api}, 2, "use -cookie"},
		{"forbidden header", []string{"-origin", trusted, "-H", "Host: x", api}, 2, "a page cannot set Host"},
		{"bad header", []string{"-origin", trusted, "-H", "X-Custom", api}, 2, "want 'Name: value'"},
		{"cookie without credentials", []string{"-origin", trusted, "-cookie", "a=1", api}, 2, "-cookie needs -credentials"},
		{"forbidden method", []string{"-origin", trusted, "-method", "TRACE", api}, 2, "a page cannot send TRACE"},
		{"audit bad origin", []string{"audit", "-origin", "app.example.com", api}, 2, "is not an origin"},
		{"unknown flag", []string{"-nope", api}, 2, "flag provided but not defined"},
	} {
		t.Run(c.name, func(t *testing.T) {
			status, _, stderr := runWith(strict, c.args...)
			if status != c.status || !strings.Contains(stderr, c.stderr) {
				t.Errorf("exit status %d, stderr %q; want %d and %q", status, stderr, c.status, c.stderr)
			}
		})
	}
}

func TestFlagsAfterURL(t *testing.T) {
	status, out, stderr := runWith(strict, "https://api.example.com/", "-origin", trusted, "-method", "PUT")
	if status != 0 || !strings.HasPrefix(out, "PUT https://api.example.com/ from "+trusted) {
		t.Errorf("exit status %d, stdout %q, stderr %q", status, out, stderr)
	}
}

func TestColorOnlyOnATerminal(t *testing.T) {
	var out bytes.Buffer
	e := env{stdout: &out, stderr: &out, color: true, transport: handlerTransport{http.HandlerFunc(strict)}}
	run(context.Background(), []string{"-origin", "https://other.example", "https://api.example.com/"}, e)
	if !strings.Contains(out.String(), red+"blocked"+reset) {
		t.Errorf("want the verdict in red on a terminal; got %q", out.String())
	}
	_, plainOut, _ := runWith(strict, "-origin", "https://other.example", "https://api.example.com/")
	if strings.Contains(plainOut, "\033[") {
		t.Errorf("colour written to a non-terminal: %q", plainOut)
	}
}
