package bench

import (
	"testing"

	cors "github.com/corskit/corskit/core"
)

// BenchmarkCORS runs every implementation of every framework on every
// request kind: BenchmarkCORS/fw=F/impl=I/req=K. The body is the same for
// all: Impl.Runner builds the application and the request once and resets
// the recorder (or RequestCtx) before each request. Besides ns/op it
// reports cpu-ns/op, the process's CPU time per request, which leaves out
// the time spent waiting for a CPU on a shared machine.
func BenchmarkCORS(b *testing.B) {
	for _, fw := range Frameworks() {
		b.Run("fw="+fw.Name, func(b *testing.B) {
			for _, im := range fw.Impls {
				b.Run("impl="+im.Name, func(b *testing.B) {
					for _, k := range Kinds() {
						b.Run("req="+k.Name, func(b *testing.B) {
							run := im.Runner(k)
							b.ReportAllocs()
							loop(b, run)
						})
					}
				})
			}
		})
	}
}

// BenchmarkDecide measures the core's decision alone for every kind.
func BenchmarkDecide(b *testing.B) {
	p := cors.MustNew(NewPolicy().Corskit())
	for _, k := range Kinds() {
		b.Run("req="+k.Name, func(b *testing.B) {
			req := cors.RequestFromHTTP(k.HTTPRequest())
			b.ReportAllocs()
			loop(b, func() { p.Decide(req) })
		})
	}
}

// loop runs f until the benchmark has enough iterations, and reports the
// CPU time per iteration as cpu-ns/op.
func loop(b *testing.B, f func()) {
	start, ok := cpuTime()
	for b.Loop() {
		f()
	}
	if end, ok2 := cpuTime(); ok && ok2 && b.N > 0 {
		b.ReportMetric(float64(end-start)/float64(b.N), "cpu-ns/op")
	}
}
