package browser

import (
	"net/http"
	"slices"
	"testing"
)

// The page and the URL of the cases: the messages below are what Chromium
// 156 printed for these failures, with its origin and URL replaced.
const (
	page = "http://localhost:3000"
	api  = "http://localhost:8000/x"
)

// prefix starts every console message of the cases.
const prefix = "Access to fetch at 'http://localhost:8000/x' from origin 'http://localhost:3000' has been blocked by CORS policy: "

// hdr builds a header from name, value pairs.
func hdr(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i < len(kv); i += 2 {
		h.Add(kv[i], kv[i+1])
	}
	return h
}

func TestCheckAccess(t *testing.T) {
	for _, c := range []struct {
		name        string
		credentials bool
		header      http.Header
		want        *Failure
		message     string
	}{
		{"origin", false, hdr("Access-Control-Allow-Origin", page), nil, ""},
		{"wildcard", false, hdr("Access-Control-Allow-Origin", "*"), nil, ""},
		{"credentials", true, hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Credentials", "true"), nil, ""},
		{"missing", false, hdr(), &Failure{Kind: MissingAllowOriginHeader},
			"No 'Access-Control-Allow-Origin' header is present on the requested resource."},
		{"mismatch", false, hdr("Access-Control-Allow-Origin", "http://other.example"),
			&Failure{Kind: AllowOriginMismatch, Value: "http://other.example"},
			"The 'Access-Control-Allow-Origin' header has a value 'http://other.example' that is not equal to the supplied origin. Have the server send the header with a valid value."},
		{"trailing slash", false, hdr("Access-Control-Allow-Origin", page+"/"),
			&Failure{Kind: AllowOriginMismatch, Value: page + "/"},
			"The 'Access-Control-Allow-Origin' header has a value 'http://localhost:3000/' that is not equal to the supplied origin. Have the server send the header with a valid value."},
		{"case", false, hdr("Access-Control-Allow-Origin", "HTTP://LOCALHOST"),
			&Failure{Kind: AllowOriginMismatch, Value: "HTTP://LOCALHOST"}, ""},
		{"null", false, hdr("Access-Control-Allow-Origin", "null"),
			&Failure{Kind: AllowOriginMismatch, Value: "null"}, ""},
		{"list", false, hdr("Access-Control-Allow-Origin", page+", http://x.example"),
			&Failure{Kind: MultipleAllowOriginValues, Value: page + ", http://x.example"},
			"The 'Access-Control-Allow-Origin' header contains multiple values 'http://localhost:3000, http://x.example', but only one is allowed. Have the server send the header with a valid value."},
		{"two fields", false, hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Origin", page),
			&Failure{Kind: MultipleAllowOriginValues, Value: page + ", " + page}, ""},
		{"invalid", false, hdr("Access-Control-Allow-Origin", "foo"),
			&Failure{Kind: InvalidAllowOriginValue, Value: "foo"},
			"The 'Access-Control-Allow-Origin' header contains the invalid value 'foo'. Have the server send the header with a valid value."},
		{"wildcard with credentials", true, hdr("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Credentials", "true"),
			&Failure{Kind: WildcardOriginNotAllowed},
			"The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."},
		{"no credentials field", true, hdr("Access-Control-Allow-Origin", page),
			&Failure{Kind: InvalidAllowCredentials},
			"The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'."},
		{"TRUE", true, hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Credentials", "TRUE"),
			&Failure{Kind: InvalidAllowCredentials, Value: "TRUE"},
			"The value of the 'Access-Control-Allow-Credentials' header in the response is 'TRUE' which must be 'true' when the request's credentials mode is 'include'."},
		{"false", true, hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Credentials", "false"),
			&Failure{Kind: InvalidAllowCredentials, Value: "false"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Request{URL: api, Origin: page, Credentials: c.credentials}
			got := CheckAccess(r, Response{Status: 200, Header: c.header})
			wantFailure(t, r, got, c.want, c.message)
		})
	}
}

// wantFailure compares a failure with the wanted one and, when message is
// not empty, its console message with prefix + message.
func wantFailure(t *testing.T, r Request, got, want *Failure, message string) {
	t.Helper()
	if (got == nil) != (want == nil) || (got != nil && (got.Kind != want.Kind || got.Value != want.Value)) {
		t.Fatalf("failure %+v, want %+v", got, want)
	}
	if want != nil && want.Refused != nil && !slices.Equal(got.Refused, want.Refused) {
		t.Errorf("refused %q, want %q", got.Refused, want.Refused)
	}
	if got != nil && message != "" && got.Message(r) != prefix+message {
		t.Errorf("message\n%s\nwant\n%s", got.Message(r), prefix+message)
	}
	if got != nil && got.Fix(r) == "" {
		t.Errorf("no fix for %v", got.Kind)
	}
}

// allowPut is a preflight response from the page's origin allowing PUT.
func allowPut(kv ...string) http.Header {
	return hdr(append([]string{"Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", "PUT"}, kv...)...)
}

func TestCheckPreflight(t *testing.T) {
	const pre = "Response to preflight request doesn't pass access control check: "
	put := Request{Method: "PUT", URL: api, Origin: page}
	for _, c := range []struct {
		name    string
		r       Request
		status  int
		header  http.Header
		want    *Failure
		message string
	}{
		{"allowed", put, 204, allowPut(), nil, ""},
		{"missing origin", put, 204, hdr(), &Failure{Kind: PreflightMissingAllowOriginHeader},
			pre + "No 'Access-Control-Allow-Origin' header is present on the requested resource."},
		{"missing origin before status", put, 403, hdr(), &Failure{Kind: PreflightMissingAllowOriginHeader}, ""},
		{"mismatch", put, 204, hdr("Access-Control-Allow-Origin", "http://x.example"),
			&Failure{Kind: PreflightAllowOriginMismatch, Value: "http://x.example"},
			pre + "The 'Access-Control-Allow-Origin' header has a value 'http://x.example' that is not equal to the supplied origin. Have the server send the header with a valid value."},
		{"wildcard with credentials", withCredentials(put), 204, hdr("Access-Control-Allow-Origin", "*", "Access-Control-Allow-Methods", "PUT"),
			&Failure{Kind: PreflightWildcardOriginNotAllowed},
			pre + "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'."},
		{"no credentials field", withCredentials(put), 204, allowPut(), &Failure{Kind: PreflightInvalidAllowCredentials},
			pre + "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'."},
		{"credentials before status", withCredentials(put), 500, hdr("Access-Control-Allow-Origin", page), &Failure{Kind: PreflightInvalidAllowCredentials}, ""},
		{"status", put, 403, allowPut(), &Failure{Kind: PreflightInvalidStatus}, pre + "It does not have HTTP ok status."},
		{"status before lists", put, 500, hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", "bad method"), &Failure{Kind: PreflightInvalidStatus}, ""},
		{"redirect", put, 302, allowPut("Location", "/elsewhere"), &Failure{Kind: PreflightDisallowedRedirect},
			pre + "Redirect is not allowed for a preflight request."},
		{"redirect before origin", put, 301, hdr("Location", "https://x.example/"), &Failure{Kind: PreflightDisallowedRedirect}, ""},
		{"method", put, 204, hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", "DELETE"),
			&Failure{Kind: MethodDisallowedByPreflightResponse, Value: "PUT"},
			"Method PUT is not allowed by Access-Control-Allow-Methods in preflight response."},
		{"method case", put, 204, hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", "put"),
			&Failure{Kind: MethodDisallowedByPreflightResponse, Value: "PUT"}, ""},
		{"patch lower case", Request{Method: "patch", URL: api, Origin: page}, 204,
			hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", "PATCH"),
			&Failure{Kind: MethodDisallowedByPreflightResponse, Value: "patch"},
			"Method patch is not allowed by Access-Control-Allow-Methods in preflight response."},
		{"patch as written", Request{Method: "patch", URL: api, Origin: page}, 204,
			hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", "patch"), nil, ""},
		{"method wildcard", Request{Method: "PATCH", URL: api, Origin: page}, 204,
			hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", "*"), nil, ""},
		{"method wildcard with credentials", withCredentials(put), 204,
			hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Credentials", "true", "Access-Control-Allow-Methods", "*"),
			&Failure{Kind: MethodDisallowedByPreflightResponse, Value: "PUT"}, ""},
		{"method before header", withHeader(put, "X-A"), 204, hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", "DELETE"),
			&Failure{Kind: MethodDisallowedByPreflightResponse, Value: "PUT"}, ""},
		{"header", withHeader(withHeader(put, "X-A"), "X-B"), 204, allowPut("Access-Control-Allow-Headers", "x-a"),
			&Failure{Kind: HeaderDisallowedByPreflightResponse, Value: "x-b", Refused: []string{"x-b"}},
			"Request header field x-b is not allowed by Access-Control-Allow-Headers in preflight response."},
		{"first refused header in order", withHeader(withHeader(put, "X-B"), "Content-Type"), 204, allowPut("Access-Control-Allow-Headers", "x-b"),
			&Failure{Kind: HeaderDisallowedByPreflightResponse, Value: "content-type"}, ""},
		{"several refused", withHeader(withHeader(withHeader(put, "X-Other"), "X-Custom"), "Content-Type"), 204, allowPut(),
			&Failure{Kind: HeaderDisallowedByPreflightResponse, Value: "content-type", Refused: []string{"content-type", "x-custom", "x-other"}}, ""},
		{"header case", withHeader(put, "X-A"), 204, allowPut("Access-Control-Allow-Headers", "X-a"), nil, ""},
		{"header wildcard", withHeader(put, "X-A"), 204, allowPut("Access-Control-Allow-Headers", "*"), nil, ""},
		{"authorization by wildcard (Chromium 156)", withHeader(put, "Authorization"), 204, allowPut("Access-Control-Allow-Headers", "*"), nil, ""},
		{"header wildcard with credentials", withCredentials(withHeader(put, "Authorization")), 204,
			allowPut("Access-Control-Allow-Credentials", "true", "Access-Control-Allow-Headers", "*"),
			&Failure{Kind: HeaderDisallowedByPreflightResponse, Value: "authorization"},
			"Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response."},
		{"bad methods", put, 204, allowPut("Access-Control-Allow-Methods", "bad method"), &Failure{Kind: InvalidAllowMethodsPreflightResponse},
			"Cannot parse Access-Control-Allow-Methods response header field in preflight response."},
		{"bad methods, safelisted method", withHeader(Request{URL: api, Origin: page}, "X-A"), 204,
			hdr("Access-Control-Allow-Origin", page, "Access-Control-Allow-Methods", "bad method"),
			&Failure{Kind: InvalidAllowMethodsPreflightResponse}, ""},
		{"bad headers", withHeader(put, "X-A"), 204, allowPut("Access-Control-Allow-Headers", "x-a, bad header"), &Failure{Kind: InvalidAllowHeadersPreflightResponse},
			"Cannot parse Access-Control-Allow-Headers response header field in preflight response."},
		{"empty items and two fields", withHeader(withHeader(put, "X-A"), "X-B"), 204,
			allowPut("Access-Control-Allow-Methods", ",,", "Access-Control-Allow-Headers", ",x-a,", "Access-Control-Allow-Headers", "x-b"), nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := CheckPreflight(c.r, Response{Status: c.status, Header: c.header})
			wantFailure(t, c.r, got, c.want, c.message)
			if got != nil && !got.Preflight() {
				t.Errorf("%v: Preflight() = false", got.Kind)
			}
		})
	}
}

// withCredentials returns r with credentials: 'include'.
func withCredentials(r Request) Request {
	r.Credentials = true
	return r
}

// withHeader returns r with the request header name set.
func withHeader(r Request, name string) Request {
	h := r.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Set(name, "1")
	r.Header = h
	return r
}

func TestPreflightLifetime(t *testing.T) {
	for _, c := range []struct {
		value []string
		want  string
	}{
		{nil, "5s"},
		{[]string{"600"}, "10m0s"},
		{[]string{"0"}, "0s"},
		{[]string{"7200"}, "2h0m0s"},
		{[]string{"86400"}, "2h0m0s"},
		{[]string{"99999999999999999999999"}, "2h0m0s"},
		{[]string{"-1"}, "5s"},
		{[]string{"abc"}, "5s"},
		{[]string{"600", "600"}, "5s"},
	} {
		h := http.Header{"Access-Control-Max-Age": c.value}
		if got := PreflightLifetime(h).String(); got != c.want {
			t.Errorf("Max-Age %q: lifetime %s, want %s", c.value, got, c.want)
		}
	}
}

func TestWarnings(t *testing.T) {
	put := Request{Method: "PUT", URL: api, Origin: page}
	for _, c := range []struct {
		name              string
		r                 Request
		preflight, actual http.Header
		want              []string
	}{
		{"none", put, allowPut("Access-Control-Max-Age", "600"), hdr("Access-Control-Allow-Origin", page, "Vary", "Origin"), nil},
		{"vary in a list", put, nil, hdr("Access-Control-Allow-Origin", page, "Vary", "Accept-Encoding, origin"), nil},
		{"static wildcard needs no vary", put, nil, hdr("Access-Control-Allow-Origin", "*"), nil},
		{"vary missing", put, nil, hdr("Access-Control-Allow-Origin", page, "Vary", "Accept-Encoding"), []string{"vary-origin-missing"}},
		{"max-age capped", put, allowPut("Access-Control-Max-Age", "86400"), nil, []string{"max-age-capped"}},
		{"max-age invalid", put, allowPut("Access-Control-Max-Age", "ten"), nil, []string{"max-age-invalid"}},
		{"authorization by wildcard", withHeader(put, "Authorization"), allowPut("Access-Control-Allow-Headers", "*"), nil, []string{"authorization-wildcard"}},
		{"authorization named", withHeader(put, "Authorization"), allowPut("Access-Control-Allow-Headers", "*, Authorization"), nil, nil},
		{"private network", put, allowPut("Access-Control-Allow-Private-Network", "true"), hdr("Access-Control-Allow-Origin", "*"), []string{"private-network"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var pre, act *Response
			if c.preflight != nil {
				pre = &Response{Status: 204, Header: c.preflight}
			}
			if c.actual != nil {
				act = &Response{Status: 200, Header: c.actual}
			}
			var got []string
			for _, w := range Warnings(c.r, pre, act) {
				got = append(got, w.ID)
			}
			if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
				t.Errorf("warnings %q, want %q", got, c.want)
			}
		})
	}
}
