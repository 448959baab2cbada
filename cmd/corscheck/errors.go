package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"strings"
	"time"

	"github.com/corskit/corskit/cmd/corscheck/browser"
)

// explain returns err, from a request that took at most timeout, with a
// sentence a developer can act on.
func explain(err error, timeout time.Duration) error {
	var redirect *browser.RedirectError
	var hostname x509.HostnameError
	var unknown x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var record tls.RecordHeaderError
	var netErr net.Error
	switch {
	case errors.As(err, &redirect):
		return err
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &netErr) && netErr.Timeout():
		return wrap(err, "no answer within "+timeout.String()+" (-timeout waits longer)")
	case errors.As(err, &hostname), errors.As(err, &unknown), errors.As(err, &invalid):
		return wrap(err, "TLS: the server's certificate is not valid for this URL, and a browser would refuse it too")
	case errors.As(err, &record):
		return wrap(err, "TLS: the server does not speak TLS on this port (try http://)")
	case strings.Contains(err.Error(), "malformed HTTP") || strings.Contains(err.Error(), "readLoopPeekFailLocked"):
		return wrap(err, "the server's answer is not HTTP")
	}
	return err
}

// explained is an error with a sentence that says what it means.
type explained struct {
	err  error
	what string
}

// wrap returns err explained by what.
func wrap(err error, what string) error { return &explained{err, what} }

// Error implements error.
func (e *explained) Error() string { return e.what + ": " + e.err.Error() }

// Unwrap returns the underlying error.
func (e *explained) Unwrap() error { return e.err }
