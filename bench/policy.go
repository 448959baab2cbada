// Package bench measures corskit side by side with the CORS middleware each
// framework's users pick today, for one policy and one table of request
// kinds. Each [Framework] lists its implementations: the framework alone
// (baseline), two floors that set constant headers with no decision, the
// native middlewares and corskit. bench_test.go benchmarks every
// implementation on every [Kind]; [Check] is the behaviour contract their
// answers are held to; cmd/report counts instructions and writes
// RESULTS.md. See README.md.
package bench

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"

	cors "github.com/corskit/corskit/core"
	"github.com/valyala/fasthttp"
)

// Every request goes to Host, which is no origin (no middleware takes it
// for a same-origin request), and Path, the one route every framework
// serves, for GET and OPTIONS. The policy allows NumOrigins exact origins.
const (
	Host       = "api.bench.test"
	Path       = "/api/items"
	NumOrigins = 52
)

// Origin returns the n-th allowed origin, counting from 1.
func Origin(n int) string { return fmt.Sprintf("https://app%02d.example.com", n) }

// Config returns the policy every implementation is configured with: 52
// exact origins, methods GET, POST, PUT, DELETE, headers Content-Type,
// Authorization, X-Request-Id, credentials, X-Request-Id exposed, max age
// 600 seconds.
func Config() cors.Config {
	origins := make([]string, NumOrigins)
	for i := range origins {
		origins[i] = Origin(i + 1)
	}
	return cors.Config{
		AllowOrigins:     origins,
		AllowMethods:     []string{"GET", "POST", "PUT", "DELETE"},
		AllowHeaders:     []string{"Content-Type", "Authorization", "X-Request-Id"},
		AllowCredentials: true,
		ExposeHeaders:    []string{"X-Request-Id"},
		MaxAge:           600,
	}
}

// A Kind is one kind of request of the table, with the answer the
// behaviour contract requires.
type Kind struct {
	Name   string // the benchmark key, req=Name
	Title  string
	Method string
	Header [][2]string // name, value
	Want   Want
	// Contract says Want in a line, for RESULTS.md.
	Contract string
}

// Want is the answer the contract requires: Status (the application's
// 200, or 204 or 403 to a preflight); Origin, the Access-Control-Allow-Origin
// ("" for no Access-Control-* field at all); Preflight, for which Vary also
// names ACRM and ACRH; Refused, for a preflight from an allowed origin for
// a header the policy does not allow: ACAO, ACAC and ACAM but no ACAH, so
// that the browser names the header in its error.
type Want struct {
	Status             int
	Origin             string
	Preflight, Refused bool
}

// Kinds returns the request kinds, in table order.
func Kinds() []Kind {
	o2, o52 := Origin(2), Origin(NumOrigins)
	get := func(name, title, origin string, want Want, contract string) Kind {
		k := Kind{Name: name, Title: title, Method: http.MethodGet, Want: want, Contract: contract}
		if origin != "" {
			k.Header = [][2]string{{"Origin", origin}}
		}
		return k
	}
	preflight := func(name, title, acrh string, want Want, contract string) Kind {
		want.Preflight = true
		return Kind{Name: name, Title: title, Method: http.MethodOptions, Want: want, Contract: contract,
			Header: [][2]string{{"Origin", o2}, {"Access-Control-Request-Method", "PUT"}, {"Access-Control-Request-Headers", acrh}}}
	}
	const actual, none = "200 from the handler; ACAO, ACAC, ACEH X-Request-Id; Vary: Origin",
		"no Access-Control-* field; Vary: Origin, ACRM, ACRH"
	return []Kind{
		get("no-cors", "non-CORS GET", "", Want{Status: 200}, "200 from the handler; no Access-Control-* field; Vary: Origin"),
		get("allowed-2", "allowed GET, origin #2 of 52", o2, Want{Status: 200, Origin: o2}, actual),
		get("allowed-52", "allowed GET, origin #52 of 52", o52, Want{Status: 200, Origin: o52}, actual),
		get("disallowed", "disallowed GET", "https://evil.example.net", Want{Status: 200},
			"200 from the handler; no Access-Control-* field; Vary: Origin"),
		preflight("preflight", "allowed preflight (PUT; authorization,content-type)", "authorization,content-type",
			Want{Status: 204, Origin: o2}, "204; ACAO, ACAC, ACAM PUT, ACAH authorization and content-type, ACMA 600; Vary: Origin, ACRM, ACRH"),
		preflight("preflight-rejected", "rejected preflight (header x-not-allowed)", "authorization,x-not-allowed",
			Want{Status: 200, Origin: o2, Refused: true}, "200; ACAO, ACAC, ACAM PUT and no ACAH, so that the browser names the header; Vary: Origin, ACRM, ACRH"),
		preflight("preflight-1000-names", "preflight, ACRH of 1,000 allowed names", thousandNames(),
			Want{Status: 403}, "403; "+none),
		preflight("preflight-64k-commas", "preflight, ACRH of 64 KiB of commas", strings.Repeat(",", 64<<10),
			Want{Status: 403}, "403; "+none),
	}
}

// KindNamed returns the kind of that name; it panics if there is none.
func KindNamed(name string) Kind {
	for _, k := range Kinds() {
		if k.Name == name {
			return k
		}
	}
	panic("bench: no kind " + name)
}

// thousandNames returns 1,000 allowed header names, comma-separated, as a
// hostile client (no browser) may send them.
func thousandNames() string {
	names := [...]string{"content-type", "authorization", "x-request-id"}
	list := make([]string, 1000)
	for i := range list {
		list[i] = names[i%len(names)]
	}
	return strings.Join(list, ",")
}

// HTTPRequest returns the kind as a net/http server request to Host.
func (k Kind) HTTPRequest() *http.Request {
	r := httptest.NewRequest(k.Method, "http://"+Host+Path, nil)
	for _, f := range k.Header {
		r.Header.Add(f[0], f[1])
	}
	return r
}

// FastRequest writes the kind into a fasthttp request to Host.
func (k Kind) FastRequest(r *fasthttp.Request) {
	r.Reset()
	r.Header.SetMethod(k.Method)
	r.SetRequestURI(Path)
	r.Header.SetHost(Host)
	for _, f := range k.Header {
		r.Header.Add(f[0], f[1])
	}
}
