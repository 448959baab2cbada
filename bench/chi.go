package bench

import (
	"net/http"

	corschi "github.com/corskit/corskit/adapters/chi"
	"github.com/go-chi/chi/v5"
)

func chiApp(mw func() httpMiddleware) http.Handler {
	r := chi.NewRouter()
	if mw != nil {
		r.Use(mw())
	}
	r.Get(Path, okHandler)
	r.Options(Path, noContentHandler)
	return r
}

func chiEntries() []entry[httpMiddleware] {
	return append(httpNatives(), entry[httpMiddleware]{"corskit", Corskit, func() httpMiddleware {
		return corschi.New(NewPolicy().Corskit())
	}})
}
