package browser

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestFetch(t *testing.T) {
	for _, c := range []struct {
		name    string
		r       Request
		handler http.HandlerFunc
		steps   string // "preflight actual"
		kind    Kind
		err     string
	}{
		{"simple", Request{Origin: page}, allowAll, "actual", "", ""},
		{"preflighted", Request{Method: "PUT", Origin: page}, allowAll, "preflight actual", "", ""},
		{"refused at the preflight", Request{Method: "PATCH", Origin: page}, allowAll, "preflight", MethodDisallowedByPreflightResponse, ""},
		{"refused at the actual", Request{Origin: page, Credentials: true}, allowAll, "actual", WildcardOriginNotAllowed, ""},
		{"redirected preflight", Request{Method: "PUT", Origin: page}, redirect, "preflight", PreflightDisallowedRedirect, ""},
		{"redirected actual", Request{Origin: page}, redirect, "actual", "", "the response is a redirect (307) to /elsewhere"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var seen []http.Header
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				seen = append(seen, r.Header.Clone())
				c.handler(w, r)
			}))
			defer srv.Close()
			c.r.URL = srv.URL + "/x"
			c.r.Cookie = "sid=1"
			res, err := Fetch(context.Background(), http.DefaultTransport, c.r)
			if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
				t.Fatalf("error %v, want %q", err, c.err)
			}
			var steps []string
			for _, ex := range res.Exchanges {
				steps = append(steps, ex.Step)
			}
			if got := strings.Join(steps, " "); got != c.steps {
				t.Errorf("steps %q, want %q", got, c.steps)
			}
			if got := kindOf(res.Failure); got != c.kind {
				t.Errorf("failure %q, want %q", got, c.kind)
			}
			wantNoCookieOnPreflight(t, seen, c.r)
		})
	}
}

// wantNoCookieOnPreflight checks that a preflight carried no cookie and
// that the actual request carried one only with credentials.
func wantNoCookieOnPreflight(t *testing.T, seen []http.Header, r Request) {
	t.Helper()
	for i, h := range seen {
		preflight := i == 0 && len(seen) == 2 || h.Get("Access-Control-Request-Method") != ""
		if got := h.Get("Cookie"); (preflight || !r.Credentials) && got != "" {
			t.Errorf("request %d carried Cookie %q", i, got)
		}
	}
}

// kindOf returns the kind of f, or "" when f is nil.
func kindOf(f *Failure) Kind {
	if f == nil {
		return ""
	}
	return f.Kind
}

// allowAll allows every origin without credentials, and PUT.
func allowAll(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("Access-Control-Allow-Methods", "PUT")
}

// redirect answers everything with a redirect that passes the CORS check.
func redirect(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	http.Redirect(w, r, "/elsewhere", http.StatusTemporaryRedirect)
}

func TestFetchNetworkError(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	_, err := Fetch(context.Background(), http.DefaultTransport, Request{Method: "PUT", URL: srv.URL, Origin: page})
	if err == nil || !strings.HasPrefix(err.Error(), "preflight OPTIONS ") {
		t.Fatalf("want the preflight's network error; got %v", err)
	}
	var redirect *RedirectError
	if errors.As(err, &redirect) {
		t.Errorf("a network error is not a redirect")
	}
}
