// Package audittest holds only tests: it runs corscheck audit, the built
// command, against real misconfigurations made with the peers' own CORS
// middlewares (rs/cors, gin-contrib/cors, Echo v4, go-chi/cors), which must
// show the expected findings, and against corskit's demo API and every
// corskit adapter with a strict policy, which must show no finding of high
// severity or worse.
//
// It is a module of its own so that corscheck's go.mod requires nothing
// outside the standard library, and it lives under testdata so that it is
// no part of the corscheck module's packages or of its release: it is
// developed, like every corskit module, with replace directives to the
// working tree.
package audittest
