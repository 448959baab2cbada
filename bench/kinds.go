package bench

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"

	"github.com/valyala/fasthttp"
)

// Request header names the kinds use.
const (
	hOrigin = "Origin"
	hACRM   = "Access-Control-Request-Method"
	hACRH   = "Access-Control-Request-Headers"
)

// A Kind is one kind of request of the benchmark table, with the response
// the behaviour contract requires of corskit for it.
type Kind struct {
	// Name is the benchmark key ("req=Name").
	Name string
	// Title describes the request for a person.
	Title  string
	Method string
	// Header lists the request's header fields in order.
	Header []Field
	// Want is what corskit must answer.
	Want Want
}

// A Field is one header field line.
type Field struct{ Name, Value string }

// Want is the response the contract requires for a kind.
type Want struct {
	// Status is the response status: the application's 200, or 204 / 403
	// for an answered preflight.
	Status int
	// Origin is the expected Access-Control-Allow-Origin, "" for none (and
	// then no Access-Control-* field at all).
	Origin string
	// Preflight is set for preflights: Vary then also names ACRM and ACRH,
	// and an allowed one carries the preflight fields.
	Preflight bool
	// Refused is set for a well-formed preflight from an allowed origin
	// that asks for a header the policy does not allow: it gets Origin
	// (and credentials, and the method it asked for) but no allowed
	// headers, so that the browser names the header in its error.
	Refused bool
}

// Allowed reports whether the request is allowed: it gets every CORS
// field an allowed request gets.
func (w Want) Allowed() bool { return w.Origin != "" && !w.Refused }

// Kinds returns the request kinds of issue 5, in table order.
func Kinds() []Kind {
	o2, o52 := Origin(2), Origin(NumOrigins)
	return []Kind{
		{Name: "no-cors", Title: "non-CORS GET", Method: http.MethodGet,
			Want: Want{Status: 200}},
		{Name: "allowed-2", Title: "allowed GET, origin #2 of 52", Method: http.MethodGet,
			Header: []Field{{hOrigin, o2}}, Want: Want{Status: 200, Origin: o2}},
		{Name: "allowed-52", Title: "allowed GET, origin #52 of 52", Method: http.MethodGet,
			Header: []Field{{hOrigin, o52}}, Want: Want{Status: 200, Origin: o52}},
		{Name: "disallowed", Title: "disallowed GET", Method: http.MethodGet,
			Header: []Field{{hOrigin, DisallowedOrigin}}, Want: Want{Status: 200}},
		preflight("preflight", "allowed preflight (PUT; authorization,content-type)",
			"authorization,content-type", Want{Status: 204, Origin: o2, Preflight: true}),
		preflight("preflight-rejected", "rejected preflight (header x-not-allowed)",
			"authorization,x-not-allowed", Want{Status: 200, Origin: o2, Preflight: true, Refused: true}),
		preflight("preflight-1000-names", "preflight, ACRH of 1,000 allowed names",
			thousandNames(), Want{Status: 403, Preflight: true}),
		preflight("preflight-64k-commas", "preflight, ACRH of 64 KiB of commas",
			strings.Repeat(",", 64<<10), Want{Status: 403, Preflight: true}),
	}
}

func preflight(name, title, acrh string, want Want) Kind {
	return Kind{Name: name, Title: title, Method: http.MethodOptions, Want: want,
		Header: []Field{{hOrigin, Origin(2)}, {hACRM, http.MethodPut}, {hACRH, acrh}}}
}

// thousandNames returns 1,000 allowed header names, comma-separated, as a
// hostile client (not a browser) may send them.
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
		r.Header.Add(f.Name, f.Value)
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
		r.Header.Add(f.Name, f.Value)
	}
}

// Describe says in a line what the contract requires of the response.
func (w Want) Describe() string {
	vary := "Vary: Origin"
	if w.Preflight {
		vary = "Vary: Origin, ACRM, ACRH"
	}
	switch {
	case w.Refused:
		return itoa(w.Status) + "; ACAO, ACAC and ACAM PUT but no ACAH, so the browser names the header; " + vary
	case w.Allowed() && w.Preflight:
		return itoa(w.Status) + "; ACAO, ACAC, ACAM listing PUT, ACAH listing authorization and content-type, ACMA 600; " + vary
	case w.Allowed():
		return itoa(w.Status) + " from the handler; ACAO " + w.Origin + ", ACAC, ACEH listing X-Request-Id; " + vary
	case w.Preflight:
		return itoa(w.Status) + "; no Access-Control-* field; " + vary
	}
	return itoa(w.Status) + " from the handler; no Access-Control-* field; " + vary
}

func itoa(n int) string { return strconv.Itoa(n) }
