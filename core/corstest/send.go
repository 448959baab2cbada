package corstest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
)

// A Response is what a test reads of an HTTP response.
type Response struct {
	Status int         // the status code
	Header http.Header // the header fields
	Body   string      // the whole body
}

// Send sends one request to srv: method, a path on [Host], and header
// fields given as name, value pairs (a name may repeat).
func Send(srv Server, method, path string, header ...string) (Response, error) {
	r := httptest.NewRequest(method, "http://"+Host+path, nil)
	r.RequestURI = ""
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Add(header[i], header[i+1])
	}
	resp, err := srv(r)
	if err != nil {
		return Response{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	return Response{resp.StatusCode, resp.Header, string(body)}, err
}

// VaryHas reports whether the response's Vary field lists token, in any case.
func (r Response) VaryHas(token string) bool {
	return varyTokens(r.Header)[strings.ToLower(token)]
}

// CORSHeaders returns the response's Access-Control-* fields, each with its
// lines joined by ", ".
func (r Response) CORSHeaders() map[string]string {
	m := map[string]string{}
	for k, vs := range r.Header {
		if strings.HasPrefix(k, "Access-Control-") {
			m[k] = strings.Join(vs, ", ")
		}
	}
	return m
}
