package bench

import (
	"net/http"

	"github.com/valyala/fasthttp"
)

// Frameworks returns every framework with its implementations, in the order
// of the report.
func Frameworks() []Framework {
	return []Framework{
		{Name: "nethttp", Impls: httpImpls(netHTTPEntries(), netHTTPApp)},
		{Name: "chi", Impls: httpImpls(chiEntries(), chiApp)},
		{Name: "gin", Impls: httpImpls(ginEntries(), ginApp)},
		{Name: "echo", Impls: httpImpls(echoEntries(), echoApp)},
		{Name: "fiber", Impls: fastImpls(fiberEntries(), fiberApp)},
	}
}

// An entry names one middleware of type M for a framework's table; a nil
// mw means none (the baseline).
type entry[M any] struct {
	name string
	role Role
	mw   func() M
}

// httpImpls builds the implementations of a net/http-based framework from
// its table and its application constructor.
func httpImpls[M any](entries []entry[M], app func(mw func() M) http.Handler) []Impl {
	impls := make([]Impl, len(entries))
	for i, e := range entries {
		impls[i] = Impl{Name: e.name, Role: e.role, HTTP: func() http.Handler { return app(e.mw) }}
	}
	return impls
}

// fastImpls is httpImpls for fasthttp-based frameworks.
func fastImpls[M any](entries []entry[M], app func(mw func() M) fasthttp.RequestHandler) []Impl {
	impls := make([]Impl, len(entries))
	for i, e := range entries {
		impls[i] = Impl{Name: e.name, Role: e.role, Fast: func() fasthttp.RequestHandler { return app(e.mw) }}
	}
	return impls
}
