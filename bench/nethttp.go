package bench

import (
	"io"
	"net/http"

	cors "github.com/corskit/corskit/core"
	gochicors "github.com/go-chi/cors"
	rscors "github.com/rs/cors"
)

// httpMiddleware is net/http middleware, as net/http and chi use it.
type httpMiddleware = func(http.Handler) http.Handler

// okHandler is the application's GET handler on net/http and chi.
func okHandler(w http.ResponseWriter, _ *http.Request) {
	io.WriteString(w, "ok")
}

// noContentHandler is the application's own OPTIONS handler.
func noContentHandler(w http.ResponseWriter, _ *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

func netHTTPApp(mw func() httpMiddleware) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+Path, okHandler)
	mux.HandleFunc("OPTIONS "+Path, noContentHandler)
	if mw == nil {
		return mux
	}
	// Outside the router, as the core's documentation says.
	return mw()(mux)
}

func netHTTPEntries() []entry[httpMiddleware] {
	return append(httpNatives(), entry[httpMiddleware]{"corskit", Corskit, func() httpMiddleware {
		return cors.MustNew(NewPolicy().Corskit()).Handler
	}})
}

// httpNatives lists the baseline, floor and native middlewares of net/http
// and chi.
func httpNatives() []entry[httpMiddleware] {
	return []entry[httpMiddleware]{
		{"baseline", Baseline, nil},
		{"floor", Floor, floorHTTP},
		{"vary-floor", VaryFloor, varyFloorHTTP},
		{"rs-cors", Native, rsCORS},
		{"go-chi-cors", Native, goChiCORS},
	}
}

func rsCORS() httpMiddleware {
	p := NewPolicy()
	return rscors.New(rscors.Options{
		AllowedOrigins:   p.Origins,
		AllowedMethods:   p.Methods,
		AllowedHeaders:   p.Headers,
		ExposedHeaders:   p.Expose,
		AllowCredentials: p.Credentials,
		MaxAge:           p.MaxAge,
	}).Handler
}

func goChiCORS() httpMiddleware {
	p := NewPolicy()
	return gochicors.Handler(gochicors.Options{
		AllowedOrigins:   p.Origins,
		AllowedMethods:   p.Methods,
		AllowedHeaders:   p.Headers,
		ExposedHeaders:   p.Expose,
		AllowCredentials: p.Credentials,
		MaxAge:           p.MaxAge,
	})
}
